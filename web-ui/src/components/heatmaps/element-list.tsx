import { useMemo, useState } from 'preact/hooks';
import type { HeatmapElement, PointMap } from '../../api-types';
import { formatInteger } from '../../format';
import { elementLabel } from '../../heatmaps/element-label';

interface ElementListProps {
  map: PointMap;
  /** Side B of a comparison, on the same elements. */
  other?: PointMap | null;
  /** Selectors the snapshot lacks (their points are drawn at their page position). */
  missing: Set<string>;
  selected: string | null;
  unit: string;
  onSelect: (selector: string | null) => void;
}

const PAGE = 100;

export function share(points: number, total: number): string {
  if (total <= 0) return '0 %';
  const pct = (points / total) * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : pct.toFixed(1)} %`;
}

/** The elements ranked by points: label, tag and selector, points, share, sessions; picking a row outlines it on the map. */
export function ElementList({ map, other, missing, selected, unit, onSelect }: ElementListProps) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const otherBySelector = useMemo(() => new Map((other?.elements ?? []).map((e) => [e.selector, e])), [other]);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const ranked = map.elements.map((e, i) => ({ element: e, rank: i + 1 }));
    return needle ? ranked.filter(({ element: e }) => `${e.text} ${e.tag} ${e.selector}`.toLowerCase().includes(needle)) : ranked;
  }, [map, filter]);
  const approx = map.sessionsEstimated ? '≈ ' : '';

  return (
    <div class="element-list" id="element-list">
      <div class="element-list-head">
        <input class="input input-sm" type="search" id="element-filter" placeholder="Find an element…" value={filter}
          onInput={(e) => { setFilter(e.currentTarget.value); setShown(PAGE); }} aria-label="Find an element" />
        <span class="muted small">{formatInteger(map.elements.length)} element{map.elements.length === 1 ? '' : 's'}</span>
      </div>
      <div class="table-wrap">
        <table class="table element-table" aria-label={`Elements by ${unit}`}>
          <thead>
            <tr>
              <th scope="col" class="num">#</th>
              <th scope="col">Element</th>
              <th scope="col" class="num">{other ? 'A' : titleCase(unit)}</th>
              {other ? <th scope="col" class="num">B</th> : <th scope="col" class="num">Share</th>}
              {other ? <th scope="col" class="num">Change</th> : <th scope="col" class="num" title={map.sessionsEstimated ? 'Estimated (within about 2 %)' : undefined}>Sessions</th>}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map(({ element, rank }) => (
              <ElementRow key={element.selector} element={element} rank={rank} total={map.points} approx={approx}
                other={other ? otherBySelector.get(element.selector) ?? null : undefined}
                missing={missing.has(element.selector)} selected={selected === element.selector}
                onSelect={() => onSelect(selected === element.selector ? null : element.selector)} />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown ? (
        <button type="button" class="btn btn-secondary btn-sm element-more" id="more-elements" onClick={() => setShown((n) => n + PAGE)}>
          Show {formatInteger(Math.min(PAGE, rows.length - shown))} more
        </button>
      ) : null}
      {rows.length === 0 ? <p class="muted small element-none">No element matches “{filter}”.</p> : null}
      {map.unlistedPoints > 0 ? (
        <p class="muted small element-none">{formatInteger(map.unlistedPoints)} {unit} on less busy elements are not listed or drawn.</p>
      ) : null}
    </div>
  );
}

function ElementRow({ element, rank, total, approx, other, missing, selected, onSelect }: {
  element: HeatmapElement; rank: number; total: number; approx: string; other: HeatmapElement | null | undefined;
  missing: boolean; selected: boolean; onSelect: () => void;
}) {
  const pct = total > 0 ? (element.points / total) * 100 : 0;
  const otherPoints = other === undefined ? 0 : other?.points ?? 0;
  const change = other === undefined ? 0 : element.points - otherPoints;
  return (
    <tr class={'element-row' + (selected ? ' selected' : '')} data-selector={element.selector} onClick={onSelect} aria-selected={selected}>
      <td class="num muted">{rank}</td>
      <td class="cell-element">
        <button type="button" class="element-name" title={element.selector || 'No selector was recorded for this element'}>
          <span class="element-label">{elementLabel(element)}</span>
          {elementLabel(element) !== element.selector ? (
            <span class="element-selector">
              {element.tag ? <span class="element-tag">{element.tag}</span> : null}
              <code>{element.selector || '(unnamed)'}</code>
            </span>
          ) : null}
        </button>
        {missing ? <span class="badge badge-warn" title="Not in this snapshot: drawn where it happened on the page">Not in snapshot</span> : null}
      </td>
      <td class="num">
        <span class="points">{formatInteger(element.points)}</span>
        {other === undefined ? <span class="share-bar" aria-hidden="true"><span style={{ width: `${Math.max(2, pct)}%` }} /></span> : null}
      </td>
      {other === undefined
        ? <td class="num">{share(element.points, total)}</td>
        : <td class="num">{formatInteger(otherPoints)}</td>}
      {other === undefined
        ? <td class="num">{approx}{formatInteger(element.sessions)}</td>
        : <td class={'num ' + (change > 0 ? 'up' : change < 0 ? 'down' : 'muted')}>{change > 0 ? '+' : ''}{formatInteger(change)}</td>}
    </tr>
  );
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

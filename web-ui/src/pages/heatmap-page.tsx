import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HeatmapDevice, HeatmapLayer, PageGroup, PointMap, Project, ScrollMap, Traffic } from '../api-types';
import { api } from '../api';
import { AreaPanel } from '../components/heatmaps/area-panel';
import { FilterBar } from '../components/dashboard/filter-bar';
import { DevicePicker } from '../components/heatmaps/device-picker';
import { ElementList, share } from '../components/heatmaps/element-list';
import { HeatLegend, ReachLegend } from '../components/heatmaps/heat-legend';
import { HeatmapRangePicker } from '../components/heatmaps/heatmap-range';
import { HeatmapStage, type AreaPick, type PlacementSummary, type StageHandle } from '../components/heatmaps/heatmap-stage';
import { ScrollPanel } from '../components/heatmaps/scroll-panel';
import { IconArrowLeft, IconCompare, IconDownload } from '../components/icons';
import { Link } from '../components/link';
import { Spinner } from '../components/loading';
import { formatInteger } from '../format';
import { download, toCsv } from '../heatmaps/csv';
import { elementLabel } from '../heatmaps/element-label';
import { heatmapPng } from '../heatmaps/png';
import {
  CLICK_LAYERS, TABS, deviceLabel, layerOf, otherScopeOf, parseViewState, rangeLabel, scopeOf, viewStateToSearch,
  type HeatmapViewState,
} from '../heatmaps/query';
import { navigate } from '../router';
import { useTitle } from '../title';
import { showToast } from '../toasts';
import { NotFoundPage } from './not-found-page';

type Load<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/** Loads what a scope needs while it is shown; reloads when the key changes. */
function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Load<T> | null {
  const [state, setState] = useState<Load<T> | null>(null);
  useEffect(() => {
    if (key === null) return setState(null);
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [key]);
  return state;
}

const ready = <T,>(load: Load<T> | null): T | null => (load?.status === 'ready' ? load.data : null);

export function HeatmapPage({ project, search }: { project: Project; search: string }) {
  const state = useMemo(() => parseViewState(search), [search]);
  const base = `/p/${encodeURIComponent(project.id)}/heatmaps`;
  if (!state.page && !state.group) {
    return <NotFoundPage title="Which page?" message="This heatmap address names no page. Pick one from the list of pages." backHref={base} backLabel="All heatmaps" />;
  }
  return <HeatmapView project={project} state={state} search={search} />;
}

function HeatmapView({ project, state, search }: { project: Project; state: HeatmapViewState; search: string }) {
  const base = `/p/${encodeURIComponent(project.id)}/heatmaps`;
  const go = (next: Partial<HeatmapViewState>) => navigate(`${base}/view${viewStateToSearch({ ...state, ...next })}`, { replace: true });
  const scope = useMemo(() => scopeOf(state), [search]);
  const other = useMemo(() => otherScopeOf(state), [search]);
  const layer: HeatmapLayer = layerOf(state);
  const pointsTab = state.tab !== 'scroll';
  const unit = state.tab === 'move' ? 'moves' : 'clicks';

  const group = useLoad<PageGroup | undefined>(state.group ? `group:${state.group}` : null,
    () => api.pageGroups(project.id).then((groups) => groups.find((g) => g.id === state.group)));
  const key = (s: typeof scope, what: string) => `${what}|${s.page ?? ''}|${s.group ?? ''}|${s.device}|${s.from}|${s.to}|${(s.filters ?? []).join('\n')}`;
  const mapA = useLoad<PointMap>(pointsTab ? key(scope, layer) : null, (signal) => api.heatmapPoints(project.id, scope, layer, signal));
  // The map first: the store's cores go to the aggregation people wait for, the summary follows.
  const trafficKey = pointsTab && mapA?.status !== 'ready' && mapA?.status !== 'error' ? null : key(scope, 'traffic');
  const traffic = useLoad<Traffic>(trafficKey, (signal) => api.heatmapTraffic(project.id, scope, signal));
  const mapB = useLoad<PointMap>(pointsTab && other ? key(other, layer) : null, (signal) => api.heatmapPoints(project.id, other!, layer, signal));
  const scrollA = useLoad<ScrollMap>(!pointsTab ? key(scope, 'scroll') : null, (signal) => api.heatmapScroll(project.id, scope, signal));
  const scrollB = useLoad<ScrollMap>(!pointsTab && other ? key(other, 'scroll') : null, (signal) => api.heatmapScroll(project.id, other!, signal));

  const [selected, setSelected] = useState<string | null>(null);
  const [area, setArea] = useState<AreaPick | null>(null);
  const [placement, setPlacement] = useState<PlacementSummary>({ missing: new Set(), anchoredPoints: 0, missingPoints: 0 });
  const [heaviestA, setHeaviestA] = useState(0);
  const [heaviestB, setHeaviestB] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [drawnA, setDrawnA] = useState(false);
  const stageA = useRef<StageHandle | null>(null);
  useEffect(() => setArea(null), [search]);

  const groupData = ready(group);
  const title = state.group ? groupData?.name ?? 'Page group' : ready(traffic)?.title || state.page || '';
  const subtitle = state.group ? groupData?.pattern ?? '' : state.page ?? '';
  useTitle('Heatmap', title, project.name);

  if (state.group && group?.status === 'ready' && !group.data) {
    return <NotFoundPage title="Page group not found" message="This page group was deleted, or it belongs to another project." backHref={base} backLabel="All heatmaps" />;
  }

  const a = ready(mapA);
  const b = ready(mapB);
  const scaleMax = state.compare ? Math.max(heaviestA, heaviestB) : null;

  const exportCsv = () => {
    if (!a) return;
    const rows = a.elements.map((e, i) => ({ e, rank: i + 1 }));
    const csv = toCsv([
      { header: 'Rank', value: (r) => r.rank },
      { header: 'Element', value: (r) => elementLabel(r.e) },
      { header: 'Tag', value: (r) => r.e.tag },
      { header: 'Selector', value: (r) => r.e.selector },
      { header: titleCase(unit), value: (r) => r.e.points },
      { header: 'Share', value: (r) => share(r.e.points, a.points) },
      { header: a.sessionsEstimated ? 'Sessions (estimated)' : 'Sessions', value: (r) => r.e.sessions },
      { header: 'In snapshot', value: (r) => (placement.missing.has(r.e.selector) ? 'no' : 'yes') },
    ], rows);
    download(fileName(title, state, 'csv'), new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  };

  const exportPng = async () => {
    const handle = stageA.current;
    if (!handle) return showToast('The heatmap is still being drawn.', 'info');
    setExporting(true);
    try {
      const png = await heatmapPng(handle.frame.doc, handle.frame.width, handle.frame.height, [handle.canvas]);
      download(fileName(title, state, 'png'), png.blob);
      if (!png.withPage) showToast('The browser would not draw the page itself: the image holds the heat layer only.', 'info');
    } catch (error) {
      showToast((error as Error).message, 'error');
    } finally {
      setExporting(false);
    }
  };

  const t = ready(traffic);
  const sideA = state.compare === 'range' ? rangeLabel(state) : state.compare === 'device' ? deviceLabel(state.device) : undefined;
  const sideB = state.compare === 'range' ? rangeLabel(state.other) : state.compare === 'device' ? deviceLabel(state.otherDevice) : undefined;
  const stageProps = {
    projectId: project.id, mode: state.tab, layer, selected, area,
    onSelect: setSelected, onArea: setArea,
  };

  return (
    <div class="heatmap-view" id="heatmap-page">
      <header class="player-header heatmap-header">
        <Link href={base + viewStateToSearch({ ...state, page: null, group: null }).replace(/^\?$/, '')} class="back-link" id="back-to-heatmaps">
          <IconArrowLeft /> <span>Heatmaps</span>
        </Link>
        <div class="player-title">
          <h1 id="heatmap-title">{state.group ? <span class="badge badge-neutral">Page group</span> : null}{title}</h1>
          <p class="muted heatmap-key" title={subtitle}>{subtitle}</p>
        </div>
        <div class="player-actions heatmap-actions">
          <button type="button" id="compare-toggle" class={'btn btn-sm ' + (state.compare ? 'btn-primary' : 'btn-secondary')} aria-pressed={!!state.compare}
            onClick={() => go({ compare: state.compare ? null : 'range' })}>
            <IconCompare size={15} /> Compare
          </button>
          <button type="button" class="btn btn-secondary btn-sm" id="export-csv" disabled={!a || !pointsTab} onClick={exportCsv} title="The element list as a spreadsheet">
            <IconDownload size={15} /> CSV
          </button>
          <button type="button" class="btn btn-secondary btn-sm" id="export-png" disabled={exporting || !drawnA} onClick={exportPng} title="The rendered heatmap as an image">
            {exporting ? <Spinner size={13} label="Exporting" /> : <IconDownload size={15} />} PNG
          </button>
        </div>
      </header>

      <div class="heatmap-toolbar" id="heatmap-toolbar">
        <div class="segmented" role="tablist" aria-label="Heatmap type">
          {TABS.map((tab) => (
            <button key={tab.value} type="button" role="tab" id={`tab-${tab.value}`} class={state.tab === tab.value ? 'active' : ''}
              aria-selected={state.tab === tab.value} onClick={() => go({ tab: tab.value })}>{tab.label}</button>
          ))}
        </div>
        <DevicePicker value={state.device} onChange={(device) => go({ device })} />
        <HeatmapRangePicker value={state} onChange={(w) => go(w)} />
        {state.tab === 'click' || state.tab === 'area' ? (
          <label class="select-label" for="layer">
            <span class="muted">Layer</span>
            <select id="layer" class="input input-sm select" value={state.layer} onChange={(e) => go({ layer: e.currentTarget.value as HeatmapLayer })}>
              {CLICK_LAYERS.map((l) => (
                <option key={l.value} value={l.value}>{l.label}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <FilterBar projectId={project.id} filters={state.filters} onChange={(filters) => go({ filters })} />

      {state.compare ? (
        <div class="compare-bar" id="compare-bar">
          <span class="compare-label">Compare with</span>
          <div class="segmented segmented-sm" role="group" aria-label="Compare by">
            <button type="button" id="compare-range" class={state.compare === 'range' ? 'active' : ''} onClick={() => go({ compare: 'range' })}>Another period</button>
            <button type="button" id="compare-device" class={state.compare === 'device' ? 'active' : ''} onClick={() => go({ compare: 'device' })}>Another device</button>
          </div>
          {state.compare === 'range'
            ? <HeatmapRangePicker id="range-b" value={state.other} onChange={(w) => go({ other: w })} />
            : <DevicePicker id="device-b" value={state.otherDevice} onChange={(d: HeatmapDevice) => go({ otherDevice: d })} />}
        </div>
      ) : null}

      <div class="heatmap-summary" id="heatmap-summary">
        <Figure label="page views" value={t?.pageViews} />
        <Figure label="sessions" value={t?.sessions} />
        {pointsTab ? <Figure label={unit} value={a?.points} prefix="" id="summary-points" /> : null}
        {pointsTab && a && a.points > 0 && t ? <Figure label={`${unit} per page view`} text={(a.points / Math.max(1, t.pageViews)).toFixed(1)} /> : null}
        {t ? <Figure label="average scroll depth" text={`${Math.round(t.averageScrollPermille / 10)} %`} /> : null}
        {pointsTab && placement.missingPoints > 0 ? (
          <span class="summary-note" id="missing-summary">
            {formatInteger(placement.missingPoints)} {unit} ({share(placement.missingPoints, a?.points ?? 0)}) are on elements this snapshot lacks — drawn where they happened on the page.
          </span>
        ) : null}
        {state.tab === 'move' && state.device !== 'desktop' ? (
          <span class="summary-note">Moves come from mouse pointers: desktop visits.</span>
        ) : null}
      </div>

      <div class={'heatmap-body' + (state.compare ? ' comparing' : '')}>
        <section class="heatmap-main" aria-label="Heatmap">
          <HeatmapStage {...stageProps} side="a" scope={scope} map={a} scroll={ready(scrollA)} scaleMax={scaleMax} caption={sideA}
            handleRef={stageA} onHeaviest={setHeaviestA} onPlacement={setPlacement} onReady={setDrawnA} />
          {other ? (
            <HeatmapStage {...stageProps} side="b" scope={other} map={b} scroll={ready(scrollB)} scaleMax={scaleMax} caption={sideB}
              area={null} onHeaviest={setHeaviestB} onPlacement={() => undefined} onReady={() => undefined} />
          ) : null}
        </section>
        <aside class="heatmap-side" aria-label="Details">
          {pointsTab ? <HeatLegend max={scaleMax ?? heaviestA} unit={unit} shared={!!state.compare} /> : <ReachLegend />}
          <SidePanel state={state} project={project} scope={scope} layer={layer} unit={unit} mapA={mapA} mapB={mapB}
            scroll={scrollA} placement={placement} selected={selected} area={area} onSelect={setSelected} />
        </aside>
      </div>
    </div>
  );
}

function SidePanel({ state, project, scope, layer, unit, mapA, mapB, scroll, placement, selected, area, onSelect }: {
  state: HeatmapViewState; project: Project; scope: ReturnType<typeof scopeOf>; layer: HeatmapLayer; unit: string;
  mapA: Load<PointMap> | null; mapB: Load<PointMap> | null; scroll: Load<ScrollMap> | null; placement: PlacementSummary;
  selected: string | null; area: AreaPick | null; onSelect: (s: string | null) => void;
}) {
  if (state.tab === 'scroll') {
    if (scroll?.status === 'error') return <p class="form-error">{scroll.message}</p>;
    const data = ready(scroll);
    return data ? <ScrollPanel scroll={data} /> : <div class="side-loading"><Spinner size={18} /> Loading the scroll map…</div>;
  }
  if (mapA?.status === 'error') return <p class="form-error" id="map-error">{mapA.message}</p>;
  const map = ready(mapA);
  if (!map) return <div class="side-loading"><Spinner size={18} /> Counting {unit}…</div>;
  if (state.tab === 'area') return <AreaPanel projectId={project.id} scope={scope} layer={layer} map={map} area={area} unit={unit} />;
  if (map.points === 0) {
    return (
      <div class="area-panel empty" id="no-points">
        <p><strong>No {unit} in this period</strong></p>
        <p class="muted">{state.tab === 'move' ? 'Moves are recorded for mouse pointers on desktop visits.' : 'Try a longer period, or another device.'}</p>
      </div>
    );
  }
  return <ElementList map={map} other={state.compare ? ready(mapB) : undefined} missing={placement.missing} selected={selected} unit={unit} onSelect={onSelect} />;
}

function Figure({ label, value, text, prefix = '', id }: { label: string; value?: number; text?: string; prefix?: string; id?: string }) {
  return (
    <div class="figure" id={id}>
      <strong>{text ?? (value === undefined ? '—' : prefix + formatInteger(value))}</strong>
      <span class="muted">{label}</span>
    </div>
  );
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function fileName(title: string, state: HeatmapViewState, extension: string): string {
  const slug = (title || 'page').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'page';
  const date = new Date().toISOString().slice(0, 10);
  return `heatmap-${slug}-${state.tab}-${state.device}-${date}.${extension}`;
}

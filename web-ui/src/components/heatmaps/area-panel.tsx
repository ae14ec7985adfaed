import { useEffect, useState } from 'preact/hooks';
import type { AreaStats, HeatmapLayer, HeatmapScope, PointMap } from '../../api-types';
import { api } from '../../api';
import { formatInteger } from '../../format';
import { elementLabel } from '../../heatmaps/element-label';
import { IconPointer } from '../icons';
import type { AreaPick } from './heatmap-stage';
import { share } from './element-list';

interface AreaPanelProps {
  projectId: string;
  scope: HeatmapScope;
  layer: HeatmapLayer;
  map: PointMap;
  area: AreaPick | null;
  unit: string;
}

/** An area of the page: the points on a picked element and on everything inside it, and whose they were. */
export function AreaPanel({ projectId, scope, layer, map, area, unit }: AreaPanelProps) {
  const [stats, setStats] = useState<AreaStats | null>(null);
  useEffect(() => {
    setStats(null);
    if (!area || area.selectors.length === 0) return;
    const controller = new AbortController();
    api.heatmapArea(projectId, scope, layer, area.selectors, controller.signal)
      .then(setStats)
      .catch(() => undefined);
    return () => controller.abort();
  }, [area, scope.from, scope.to, scope.device, (scope.filters ?? []).join('\n'), layer]);

  if (!area) {
    return (
      <div class="area-panel empty" id="area-panel">
        <span class="empty-icon"><IconPointer size={22} /></span>
        <p><strong>Pick an area of the page</strong></p>
        <p class="muted">Click any element on the map — a section, a card, a menu — to see the {unit} on it and on everything inside it.</p>
      </div>
    );
  }
  const inside = map.elements.filter((e) => area.selectors.includes(e.selector));
  const points = inside.reduce((sum, e) => sum + e.points, 0);
  return (
    <div class="area-panel" id="area-panel">
      <p class="area-name" title={area.label}>{area.label}</p>
      <div class="area-figures">
        <div><strong id="area-points">{formatInteger(points)}</strong><span class="muted">{unit}</span></div>
        <div><strong id="area-share">{share(points, map.points)}</strong><span class="muted">of all {unit}</span></div>
        <div>
          <strong id="area-sessions">{stats ? `${stats.sessionsEstimated ? '≈ ' : ''}${formatInteger(stats.sessions)}` : points === 0 ? '0' : '…'}</strong>
          <span class="muted">sessions</span>
        </div>
      </div>
      {inside.length > 0 ? (
        <ol class="area-elements">
          {inside.slice(0, 12).map((e) => (
            <li key={e.selector}><span class="element-label">{elementLabel(e)}</span><span class="num">{formatInteger(e.points)}</span></li>
          ))}
        </ol>
      ) : <p class="muted small">No {unit} on this element or inside it in this period.</p>}
    </div>
  );
}

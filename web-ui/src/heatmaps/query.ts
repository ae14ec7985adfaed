// The heatmaps' state lives in the URL (shareable): which page or group, device, date range, session
// filters (the dashboard's `f=` parameters), map type, layer, and what a comparison sets against it.
import type { HeatmapDevice, HeatmapLayer, HeatmapScope } from '../api-types';

export type HeatmapRange = 'today' | '7d' | '30d' | '90d' | 'custom';
export type HeatmapTab = 'click' | 'scroll' | 'area' | 'move';
export type CompareMode = 'range' | 'device';

export interface Window {
  range: HeatmapRange;
  /** YYYY-MM-DD, inclusive; only for the custom range. */
  from: string | null;
  to: string | null;
}

export interface HeatmapViewState extends Window {
  page: string | null;
  group: string | null;
  device: HeatmapDevice;
  tab: HeatmapTab;
  layer: HeatmapLayer;
  compare: CompareMode | null;
  /** Side B of a comparison: another window or another device. */
  other: Window;
  otherDevice: HeatmapDevice;
  /** The dashboard's filters: both sides count only the sessions that meet them all. */
  filters: string[];
}

export const RANGES: { value: HeatmapRange; label: string }[] = [
  { value: 'today', label: 'Today' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: 'custom', label: 'Custom' },
];

export const DEVICES: { value: HeatmapDevice; label: string }[] = [
  { value: 'desktop', label: 'Desktop' },
  { value: 'tablet', label: 'Tablet' },
  { value: 'mobile', label: 'Mobile' },
  { value: 'all', label: 'All devices' },
];

export const TABS: { value: HeatmapTab; label: string }[] = [
  { value: 'click', label: 'Clicks' },
  { value: 'scroll', label: 'Scroll' },
  { value: 'area', label: 'Area' },
  { value: 'move', label: 'Moves' },
];

/** Click layers: every click, the first of each page view, or the clicks insights marked. */
export const CLICK_LAYERS: { value: HeatmapLayer; label: string }[] = [
  { value: 'clicks', label: 'All clicks' },
  { value: 'first_clicks', label: 'First click of the page view' },
  { value: 'rage_clicks', label: 'Rage clicks' },
  { value: 'dead_clicks', label: 'Dead clicks' },
  { value: 'error_clicks', label: 'Error clicks' },
];

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, options: { value: T }[], fallback: T): T {
  return options.some((o) => o.value === value) ? (value as T) : fallback;
}

function parseWindow(p: URLSearchParams, prefix: string, fallback: HeatmapRange): Window {
  const range = oneOf(p.get(prefix + 'range'), RANGES, fallback);
  const from = p.get(prefix + 'from') ?? '';
  const to = p.get(prefix + 'to') ?? '';
  const custom = range === 'custom' && ISO_DATE.test(from) && ISO_DATE.test(to);
  return { range: range === 'custom' && !custom ? fallback : range, from: custom ? from : null, to: custom ? to : null };
}

export function parseViewState(search: string): HeatmapViewState {
  const p = new URLSearchParams(search);
  const device = oneOf(p.get('device'), DEVICES, 'desktop');
  const compare = p.get('compare');
  return {
    page: p.get('page'),
    group: p.get('group'),
    device,
    ...parseWindow(p, '', '30d'),
    tab: oneOf(p.get('tab'), TABS, 'click'),
    layer: oneOf(p.get('layer'), CLICK_LAYERS, 'clicks'),
    compare: compare === 'range' || compare === 'device' ? compare : null,
    other: parseWindow(p, 'b', '7d'),
    otherDevice: oneOf(p.get('bdevice'), DEVICES, device === 'mobile' ? 'desktop' : 'mobile'),
    filters: p.getAll('f').filter((f) => f !== ''),
  };
}

/** The URL query of a state; defaults are left out so plain URLs stay plain. */
export function viewStateToSearch(state: HeatmapViewState): string {
  const p = new URLSearchParams();
  if (state.group) p.set('group', state.group);
  else if (state.page !== null) p.set('page', state.page);
  if (state.device !== 'desktop') p.set('device', state.device);
  writeWindow(p, '', state, '30d');
  if (state.tab !== 'click') p.set('tab', state.tab);
  if (state.layer !== 'clicks') p.set('layer', state.layer);
  if (state.compare) {
    p.set('compare', state.compare);
    if (state.compare === 'range') writeWindow(p, 'b', state.other, '');
    else p.set('bdevice', state.otherDevice);
  }
  for (const filter of state.filters) p.append('f', filter);
  const search = p.toString();
  return search ? `?${search}` : '';
}

function writeWindow(p: URLSearchParams, prefix: string, w: Window, fallback: string): void {
  if (w.range !== fallback) p.set(prefix + 'range', w.range);
  if (w.range === 'custom' && w.from && w.to) {
    p.set(prefix + 'from', w.from);
    p.set(prefix + 'to', w.to);
  }
}

function localMidnight(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

function parseLocalDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The epoch-millisecond window a range stands for, in the viewer's time zone. */
export function timeWindow(w: Window, now = Date.now()): { from: number; to: number } {
  switch (w.range) {
    case 'today':
      return { from: localMidnight(new Date(now)), to: now };
    case '7d':
      return { from: now - 7 * DAY, to: now };
    case '90d':
      return { from: now - 90 * DAY, to: now };
    case 'custom': {
      const from = localMidnight(parseLocalDate(w.from!));
      const toDay = parseLocalDate(w.to!);
      const to = new Date(toDay.getFullYear(), toDay.getMonth(), toDay.getDate() + 1).getTime();
      return from <= to ? { from, to } : { from: to, to: from };
    }
    default:
      return { from: now - 30 * DAY, to: now };
  }
}

/** Side A's scope. */
export function scopeOf(state: HeatmapViewState, now = Date.now()): HeatmapScope {
  return { ...target(state), device: state.device, ...timeWindow(state, now), filters: state.filters };
}

/** Side B's scope, when comparing. */
export function otherScopeOf(state: HeatmapViewState, now = Date.now()): HeatmapScope | null {
  if (state.compare === 'range') return { ...target(state), device: state.device, ...timeWindow(state.other, now), filters: state.filters };
  if (state.compare === 'device') return { ...target(state), device: state.otherDevice, ...timeWindow(state, now), filters: state.filters };
  return null;
}

function target(state: HeatmapViewState): { page?: string; group?: string } {
  return state.group ? { group: state.group } : { page: state.page ?? '' };
}

export function rangeLabel(w: Window): string {
  if (w.range === 'custom' && w.from && w.to) return w.from === w.to ? w.from : `${w.from} – ${w.to}`;
  const label = RANGES.find((r) => r.value === w.range)?.label ?? '';
  return w.range === 'today' ? label : `Last ${label.toLowerCase()}`;
}

export function deviceLabel(device: HeatmapDevice): string {
  return DEVICES.find((d) => d.value === device)?.label ?? device;
}

/** The map's layer for a tab: moves for the move map, the chosen click layer otherwise. */
export function layerOf(state: HeatmapViewState): HeatmapLayer {
  return state.tab === 'move' ? 'moves' : state.layer;
}

export function heatmapHref(projectId: string, target: { page?: string; group?: string }, search: Partial<HeatmapViewState> = {}): string {
  const base: HeatmapViewState = { ...parseViewState(''), page: target.page ?? null, group: target.group ?? null, ...search };
  return `/p/${encodeURIComponent(projectId)}/heatmaps/view${viewStateToSearch(base)}`;
}

// The recordings list's state lives in the URL (shareable): parse it, write it, turn it into an API query.
import type { InsightKind, SessionQuery, SessionSort } from '../api-types';
import { isInsightKind } from '../insights/kinds';

export type RangePreset = 'today' | '7d' | '30d' | 'custom';

export interface ListState {
  range: RangePreset;
  /** YYYY-MM-DD, inclusive; only for the custom range. */
  from: string | null;
  to: string | null;
  sort: SessionSort;
  page: number;
  limit: number;
  bots: boolean;
  /** Only sessions with this insight (`?insight=RAGE_CLICK`). */
  insight: InsightKind | null;
  /** Filters in their URL form (`?f=device:equals:mobile`, see dashboard/filters.ts). */
  filters: string[];
  /** A funnel's steps and the step its sessions dropped after (`?step=…&dropped=2`). */
  steps: string[];
  dropped: number | null;
}

export const DEFAULT_STATE: ListState = { range: '30d', from: null, to: null, sort: 'start_time', page: 1, limit: 50, bots: false, insight: null, filters: [], steps: [], dropped: null };
export const PAGE_SIZES = [25, 50, 100];
export const SORTS: { value: SessionSort; label: string }[] = [
  { value: 'start_time', label: 'Newest first' },
  { value: 'duration', label: 'Longest duration' },
  { value: 'clicks', label: 'Most clicks' },
  { value: 'pages', label: 'Most pages' },
  { value: 'frustration', label: 'Most frustrated' },
];
export const RANGES: { value: RangePreset; label: string }[] = [
  { value: 'today', label: 'Today' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
  { value: 'custom', label: 'Custom' },
];

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseListState(search: string): ListState {
  const p = new URLSearchParams(search);
  const range = (RANGES.some((r) => r.value === p.get('range')) ? p.get('range') : '30d') as RangePreset;
  const sort = (SORTS.some((s) => s.value === p.get('sort')) ? p.get('sort') : 'start_time') as SessionSort;
  const page = Math.max(1, Number.parseInt(p.get('page') ?? '1', 10) || 1);
  const limitParam = Number.parseInt(p.get('limit') ?? '', 10);
  const limit = PAGE_SIZES.includes(limitParam) ? limitParam : DEFAULT_STATE.limit;
  const from = ISO_DATE.test(p.get('from') ?? '') ? p.get('from') : null;
  const to = ISO_DATE.test(p.get('to') ?? '') ? p.get('to') : null;
  const custom = range === 'custom' && from !== null && to !== null;
  return {
    range: range === 'custom' && !custom ? '30d' : range,
    from: custom ? from : null,
    to: custom ? to : null,
    sort,
    page,
    limit,
    bots: p.get('bots') === '1',
    insight: isInsightKind(p.get('insight')) ? (p.get('insight') as InsightKind) : null,
    filters: p.getAll('f').filter((f) => f !== ''),
    steps: p.getAll('step').filter((s) => s !== ''),
    dropped: /^\d+$/.test(p.get('dropped') ?? '') && p.getAll('step').length > 0 ? Number(p.get('dropped')) : null,
  };
}

/** The URL query for a state; defaults are left out so plain URLs stay plain. */
export function listStateToSearch(state: ListState): string {
  const p = new URLSearchParams();
  if (state.range !== '30d') p.set('range', state.range);
  if (state.range === 'custom' && state.from && state.to) {
    p.set('from', state.from);
    p.set('to', state.to);
  }
  if (state.sort !== 'start_time') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.limit !== DEFAULT_STATE.limit) p.set('limit', String(state.limit));
  if (state.bots) p.set('bots', '1');
  if (state.insight) p.set('insight', state.insight);
  for (const f of state.filters) p.append('f', f);
  if (state.dropped !== null) {
    for (const step of state.steps) p.append('step', step);
    p.set('dropped', String(state.dropped));
  }
  const search = p.toString();
  return search ? `?${search}` : '';
}

function localMidnight(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

function parseLocalDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The epoch-millisecond window a state stands for, in the viewer's time zone. */
export function timeWindow(state: ListState, now = Date.now()): { from: number; to: number } {
  switch (state.range) {
    case 'today':
      return { from: localMidnight(new Date(now)), to: now };
    case '7d':
      return { from: now - 7 * DAY, to: now };
    case 'custom': {
      const from = localMidnight(parseLocalDate(state.from!));
      const toDay = parseLocalDate(state.to!);
      const to = new Date(toDay.getFullYear(), toDay.getMonth(), toDay.getDate() + 1).getTime();
      return from <= to ? { from, to } : { from: to, to: from };
    }
    default:
      return { from: now - 30 * DAY, to: now };
  }
}

export function toSessionQuery(state: ListState, now = Date.now()): SessionQuery {
  const { from, to } = timeWindow(state, now);
  return {
    from, to, sort: state.sort, limit: state.limit, offset: (state.page - 1) * state.limit, bots: state.bots, insight: state.insight,
    filters: state.filters, steps: state.steps, dropped: state.dropped,
  };
}

export function isDefaultFilter(state: ListState): boolean {
  return state.range === '30d' && !state.bots && !state.insight && state.filters.length === 0 && state.dropped === null;
}

export function toIsoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

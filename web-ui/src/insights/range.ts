// The Insights page keeps its date range in the URL like the recordings list (range, from, to).
import type { InsightKind } from '../api-types';
import { DEFAULT_STATE, type ListState, listStateToSearch } from '../recordings/query';

/** Only the range of a list state, as a query string ("" for the default 30 days). */
export function rangeSearch(state: Pick<ListState, 'range' | 'from' | 'to'>): string {
  return listStateToSearch({ ...DEFAULT_STATE, range: state.range, from: state.from, to: state.to });
}

/** The recordings list over the same range, showing only sessions with the signal. */
export function recordingsHref(projectId: string, state: Pick<ListState, 'range' | 'from' | 'to'>, insight: InsightKind): string {
  return `/p/${encodeURIComponent(projectId)}/recordings`
    + listStateToSearch({ ...DEFAULT_STATE, range: state.range, from: state.from, to: state.to, insight });
}

/** The player at a moment of a session: ms from the session's start. */
export function playerHref(projectId: string, sessionId: string, offsetMs: number): string {
  return `/p/${encodeURIComponent(projectId)}/recordings/${encodeURIComponent(sessionId)}?t=${Math.max(0, Math.round(offsetMs))}`;
}

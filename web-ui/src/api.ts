// The one way the dashboard talks to the server: JSON in and out, the CSRF header on every
// mutating request, 401 → the login page, and failures shown as toasts unless the caller handles them.
import type {
  AuthState, ErrorBody, PageView, Project, RecordingManifest, Session, SessionDetail, SessionList, SessionQuery,
} from './api-types';
import type {
  AreaStats, HeatmapIndex, HeatmapLayer, HeatmapScope, PageGroup, PagePositions, PageSnapshotInfo, PointMap, ScrollMap, Traffic,
} from './api-types';
import { navigate } from './router';
import { showToast } from './toasts';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, reason: string) {
    super(reason);
    this.name = 'ApiError';
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** The caller shows errors itself (forms, not-found pages): no toast. */
  quiet?: boolean;
  /** A 401 is an answer (bad password), not a lost session. */
  expectUnauthenticated?: boolean;
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;

/** Called when the server says the login is gone (the auth store resets itself). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function goToLogin(): void {
  if (location.pathname === '/login' || location.pathname === '/setup') return;
  const next = location.pathname + location.search;
  navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    const error = new ApiError(0, 'network', 'Cannot reach the Sightline server. Check your connection and try again.');
    if (!options.quiet) showToast(error.message, 'error');
    throw error;
  }

  if (response.status === 204) return undefined as T;
  if (response.ok) return (await response.json()) as T;

  let body: ErrorBody = { error: 'http_' + response.status };
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page): keep the status code.
  }
  const error = new ApiError(response.status, body.error, body.reason || describeStatus(response.status));
  if (response.status === 401 && !options.expectUnauthenticated) {
    setCsrfToken(null);
    showToast('Your session has ended. Please log in again.', 'info');
    onUnauthenticated();
    goToLogin();
    throw error;
  }
  if (!options.quiet) showToast(error.message, 'error');
  throw error;
}

function describeStatus(status: number): string {
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status === 429 || status === 503) return 'The server is busy. Please try again in a moment.';
  if (status >= 500) return 'The server had a problem. Please try again.';
  return `Request failed (${status}).`;
}

const enc = encodeURIComponent;

/** Durations are derived values: fill them in when an answer leaves them out. */
function withDuration<T extends Session | PageView>(item: T, end: number): T {
  return typeof item.durationMs === 'number' ? item : { ...item, durationMs: Math.max(0, end - item.startedAt) };
}

function normalizeDetail(detail: SessionDetail): SessionDetail {
  return {
    summary: withDuration(detail.summary, detail.summary.endedAt),
    pages: (detail.pages ?? []).map((p) => withDuration(p, p.lastSeenAt)),
    markers: detail.markers ?? [],
    tags: detail.tags ?? {},
  };
}

export const api = {
  authState: () => request<AuthState>('/api/auth/state'),

  setup: (email: string, password: string) =>
    request<AuthState>('/api/auth/setup', { method: 'POST', body: { email, password }, quiet: true }),

  login: (email: string, password: string) =>
    request<AuthState>('/api/auth/login', { method: 'POST', body: { email, password }, quiet: true, expectUnauthenticated: true }),

  logout: () => request<void>('/api/auth/logout', { method: 'POST', expectUnauthenticated: true }),

  projects: () => request<Project[]>('/api/projects'),

  sessions: (projectId: string, query: SessionQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams({
      from: String(query.from),
      to: String(query.to),
      sort: query.sort,
      limit: String(query.limit),
      offset: String(query.offset),
    });
    if (query.bots) params.set('bots', 'true');
    if (query.insight) params.set('insight', query.insight);
    // Filters, funnel drop-offs and the frustration sort are answered by the dashboard's recordings list.
    const filtered = (query.filters?.length ?? 0) > 0 || (query.dropped ?? null) !== null || query.sort === 'frustration';
    if (filtered) {
      params.delete('bots');
      params.delete('insight');
      for (const f of query.filters ?? []) params.append('f', f);
      if (query.insight) params.append('f', `insight:${query.insight.toLowerCase()}:yes`);
      if (query.dropped !== null && query.dropped !== undefined) {
        for (const step of query.steps ?? []) params.append('step', step);
        params.set('dropped', String(query.dropped));
      }
    }
    return request<SessionList>(`/api/projects/${enc(projectId)}/${filtered ? 'recordings' : 'sessions'}?${params}`, { signal, quiet: true })
      .then((list) => ({ ...list, sessions: list.sessions.map((s) => withDuration(s, s.endedAt)) }));
  },

  session: (projectId: string, sessionId: string, signal?: AbortSignal) =>
    request<SessionDetail>(`/api/projects/${enc(projectId)}/sessions/${enc(sessionId)}`, { signal, quiet: true }).then(normalizeDetail),

  recording: (projectId: string, sessionId: string, signal?: AbortSignal) =>
    request<RecordingManifest>(`/api/projects/${enc(projectId)}/sessions/${enc(sessionId)}/recording`, { signal, quiet: true }),

  /** A chunk's URL comes from the manifest; it answers a JSON array of rrweb events. */
  chunk: (url: string, signal?: AbortSignal) => request<unknown[]>(url, { signal, quiet: true }),

  heatmapPages: (projectId: string, params: { device: string; from: number; to: number; q?: string; filters?: string[] }, signal?: AbortSignal) => {
    const query = new URLSearchParams({ device: params.device, from: String(params.from), to: String(params.to) });
    if (params.q) query.set('q', params.q);
    for (const filter of params.filters ?? []) query.append('f', filter);
    return request<HeatmapIndex>(`/api/projects/${enc(projectId)}/heatmaps/pages?${query}`, { signal, quiet: true });
  },

  pageGroups: (projectId: string) => request<PageGroup[]>(`/api/projects/${enc(projectId)}/heatmaps/groups`, { quiet: true }),

  createPageGroup: (projectId: string, name: string, pattern: string) =>
    request<PageGroup>(`/api/projects/${enc(projectId)}/heatmaps/groups`, { method: 'POST', body: { name, pattern }, quiet: true }),

  deletePageGroup: (projectId: string, groupId: string) =>
    request<void>(`/api/projects/${enc(projectId)}/heatmaps/groups/${enc(groupId)}`, { method: 'DELETE' }),

  heatmapPoints: (projectId: string, scope: HeatmapScope, layer: HeatmapLayer, signal?: AbortSignal) =>
    request<PointMap>(`/api/projects/${enc(projectId)}/heatmaps/points?${heatmapQuery(scope, layer)}`, { signal, quiet: true }),

  heatmapPositions: (projectId: string, scope: HeatmapScope, layer: HeatmapLayer, selectors: string[], signal?: AbortSignal) =>
    request<PagePositions>(`/api/projects/${enc(projectId)}/heatmaps/points/positions?${heatmapQuery(scope, layer)}`,
      { method: 'POST', body: { selectors }, signal, quiet: true }),

  heatmapArea: (projectId: string, scope: HeatmapScope, layer: HeatmapLayer, selectors: string[], signal?: AbortSignal) =>
    request<AreaStats>(`/api/projects/${enc(projectId)}/heatmaps/points/area?${heatmapQuery(scope, layer)}`,
      { method: 'POST', body: { selectors }, signal, quiet: true }),

  heatmapTraffic: (projectId: string, scope: HeatmapScope, signal?: AbortSignal) =>
    request<Traffic>(`/api/projects/${enc(projectId)}/heatmaps/traffic?${heatmapQuery(scope)}`, { signal, quiet: true }),

  heatmapScroll: (projectId: string, scope: HeatmapScope, signal?: AbortSignal) =>
    request<ScrollMap>(`/api/projects/${enc(projectId)}/heatmaps/scroll?${heatmapQuery(scope)}`, { signal, quiet: true }),

  heatmapSnapshot: (projectId: string, scope: HeatmapScope, signal?: AbortSignal) =>
    request<PageSnapshotInfo>(`/api/projects/${enc(projectId)}/heatmaps/snapshot?${heatmapQuery(scope)}`, { signal, quiet: true }),

  /** The snapshot's recorded events (the URL comes from the snapshot's description). */
  snapshotEvents: (url: string, signal?: AbortSignal) => request<unknown[]>(url, { signal, quiet: true }),

  /** Makes a moment of a recording its page's heatmap background. */
  pinSnapshot: (projectId: string, sessionId: string, pageNumber: number, atMs: number) =>
    request<PageSnapshotInfo>(`/api/projects/${enc(projectId)}/heatmaps/snapshot`, { method: 'POST', body: { sessionId, pageNumber, atMs } }),
};

function heatmapQuery(scope: HeatmapScope, layer?: HeatmapLayer): URLSearchParams {
  const params = new URLSearchParams({ device: scope.device, from: String(scope.from), to: String(scope.to) });
  if (scope.group) params.set('group', scope.group);
  else params.set('page', scope.page ?? '');
  if (layer) params.set('layer', layer);
  for (const filter of scope.filters ?? []) params.append('f', filter);
  return params;
}

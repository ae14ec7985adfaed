// The dashboard's endpoints: figures, funnels, segments, saved funnels and notes on recordings.
import { request } from '../api';
import type { InsightKind } from '../api-types';

export interface Count { value: string; sessions: number }
export interface Point { start: number; sessions: number; visitors: number }

export interface DashboardFigures {
  sessions: number;
  visitors: number;
  newSessions: number;
  returningSessions: number;
  pageViews: number;
  avgScrollPermille: number;
  avgActiveMs: number;
  avgDurationMs: number;
  botSessions: number;
  insightSessions: Partial<Record<InsightKind, number>>;
  topPages: Count[];
  entryPages: Count[];
  exitPages: Count[];
  referrers: Count[];
  channels: Count[];
  utmSources: Count[];
  utmMediums: Count[];
  utmCampaigns: Count[];
  devices: Count[];
  browsers: Count[];
  operatingSystems: Count[];
  countries: Count[];
  customEvents: Count[];
  bucket: 'HOUR' | 'DAY';
  series: Point[];
}

export interface FunnelStepResult { step: { kind: 'PAGE' | 'EVENT'; match: { operator: string; value: string } }; reached: number; dropped: number }
export interface Segment { id: string; name: string; filters: string[]; createdAt: number }
export interface SavedFunnel { id: string; name: string; steps: string[]; createdAt: number }
export interface RecordingNote { favourite: boolean; labels: string[]; note: string }

const enc = encodeURIComponent;

function query(from: number, to: number, filters: string[], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: String(from), to: String(to), ...extra });
  for (const f of filters) params.append('f', f);
  return params.toString();
}

export const dashboardApi = {
  figures: (projectId: string, from: number, to: number, filters: string[], signal?: AbortSignal) =>
    request<{ figures: DashboardFigures }>(`/api/projects/${enc(projectId)}/dashboard?${query(from, to, filters)}`, { signal, quiet: true })
      .then((answer) => answer.figures),

  funnel: (projectId: string, from: number, to: number, filters: string[], steps: string[], signal?: AbortSignal) => {
    const params = new URLSearchParams(query(from, to, filters));
    for (const s of steps) params.append('step', s);
    return request<{ steps: FunnelStepResult[] }>(`/api/projects/${enc(projectId)}/funnel?${params}`, { signal, quiet: true });
  },

  segments: (projectId: string) => request<Segment[]>(`/api/projects/${enc(projectId)}/segments`, { quiet: true }),
  saveSegment: (projectId: string, name: string, filters: string[]) =>
    request<Segment>(`/api/projects/${enc(projectId)}/segments`, { method: 'POST', body: { name, filters } }),
  deleteSegment: (projectId: string, id: string) =>
    request<void>(`/api/projects/${enc(projectId)}/segments/${enc(id)}`, { method: 'DELETE' }),

  funnels: (projectId: string) => request<SavedFunnel[]>(`/api/projects/${enc(projectId)}/funnels`, { quiet: true }),
  saveFunnel: (projectId: string, name: string, steps: string[]) =>
    request<SavedFunnel>(`/api/projects/${enc(projectId)}/funnels`, { method: 'POST', body: { name, steps } }),
  deleteFunnel: (projectId: string, id: string) =>
    request<void>(`/api/projects/${enc(projectId)}/funnels/${enc(id)}`, { method: 'DELETE' }),

  note: (projectId: string, sessionId: string, signal?: AbortSignal) =>
    request<RecordingNote>(`/api/projects/${enc(projectId)}/sessions/${enc(sessionId)}/note`, { signal, quiet: true }),
  saveNote: (projectId: string, sessionId: string, note: RecordingNote) =>
    request<RecordingNote>(`/api/projects/${enc(projectId)}/sessions/${enc(sessionId)}/note`, { method: 'PUT', body: note }),
};

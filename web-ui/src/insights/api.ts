// The insights reports, through the dashboard's one request function.
import { request } from '../api';
import type { ErrorGroup, FormReport, InsightOverview } from './types';

const enc = encodeURIComponent;

function window(from: number, to: number): string {
  return new URLSearchParams({ from: String(from), to: String(to) }).toString();
}

export const insightsApi = {
  overview: (projectId: string, from: number, to: number, signal?: AbortSignal) =>
    request<InsightOverview>(`/api/projects/${enc(projectId)}/insights?${window(from, to)}`, { signal, quiet: true }),

  errors: (projectId: string, from: number, to: number, signal?: AbortSignal) =>
    request<{ errors: ErrorGroup[] }>(`/api/projects/${enc(projectId)}/insights/errors?${window(from, to)}`, { signal, quiet: true })
      .then((r) => r.errors ?? []),

  forms: (projectId: string, from: number, to: number, signal?: AbortSignal) =>
    request<{ forms: FormReport[] }>(`/api/projects/${enc(projectId)}/insights/forms?${window(from, to)}`, { signal, quiet: true })
      .then((r) => r.forms ?? []),
};

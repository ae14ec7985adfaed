// Remembers the recordings list's query so "back to recordings" returns to the same filters.
const KEY = 'sightline.lastRecordingsSearch';

export function rememberListSearch(projectId: string, search: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ projectId, search }));
  } catch {
    // storage disabled
  }
}

export function listHref(projectId: string): string {
  const base = `/p/${encodeURIComponent(projectId)}/recordings`;
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { projectId: string; search: string } | null;
    if (stored && stored.projectId === projectId && stored.search.startsWith('?')) return base + stored.search;
  } catch {
    // ignore
  }
  return base;
}

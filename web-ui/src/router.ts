// History-API routing: the current location as a hook, navigation, and path patterns.
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  path: string;
  search: string;
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function currentLocation(): Location {
  return { path: location.pathname, search: location.search };
}

/** Goes to an in-app URL. Pushes a history entry unless `replace` is set. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const before = location.pathname + location.search;
  if (options.replace) history.replaceState(null, '', to);
  else if (before !== to) history.pushState(null, '', to);
  if (location.pathname !== new URL(before, location.origin).pathname && !options.replace) window.scrollTo(0, 0);
  notify();
}

/**
 * Changes query parameters of the current URL (null removes one). With `silent`, the change is not
 * broadcast: used for state the page already shows, like the player's `?t=`.
 */
export function updateQuery(
  changes: Record<string, string | null>,
  options: { replace?: boolean; silent?: boolean } = {},
): void {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const search = params.toString();
  const url = location.pathname + (search ? `?${search}` : '');
  if (url === location.pathname + location.search) return;
  if (options.replace ?? true) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  if (!options.silent) notify();
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const listener = () => setLoc(currentLocation());
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return loc;
}

/** Matches `/p/:projectId/recordings` against a path; answers the decoded parameters or null. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(have[i]!);
      } catch {
        return null;
      }
    } else if (segment !== have[i]) {
      return null;
    }
  }
  return params;
}

/** True for a plain left click without modifier keys: such clicks navigate inside the app. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}

/** Only same-origin, absolute paths may be used as a post-login destination. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/setup')) return '/';
  return next;
}

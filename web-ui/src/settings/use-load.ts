// Loads something for a section: loading, the value, or the failure, with a way to load again.
import { useEffect, useState } from 'preact/hooks';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void, (value: T) => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    load()
      .then((value) => current && setState({ status: 'ready', value }))
      .catch((error: Error) => current && setState({ status: 'error', message: error.message }));
    return () => {
      current = false;
    };
  }, [...deps, attempt]);
  return [state, () => setAttempt((a) => a + 1), (value: T) => setState({ status: 'ready', value })];
}

// A minimal observable value with a hook, for the few app-wide states (auth, projects).
import { useEffect, useState } from 'preact/hooks';

export interface Store<T> {
  get(): T;
  set(value: T): void;
  use(): T;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      for (const listener of listeners) listener();
    },
    use() {
      const [, setVersion] = useState(0);
      useEffect(() => {
        const listener = () => setVersion((v) => v + 1);
        listeners.add(listener);
        return () => listeners.delete(listener);
      }, []);
      return value;
    },
  };
}

// A tiny store of transient notifications, rendered by components/toast-host.tsx.
import { useEffect, useState } from 'preact/hooks';

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Shows a message for a few seconds; identical messages already on screen are not repeated. */
export function showToast(message: string, kind: ToastKind = 'info'): void {
  if (toasts.some((t) => t.message === message && t.kind === kind)) return;
  const toast = { id: nextId++, kind, message };
  toasts = [...toasts.slice(-3), toast];
  emit();
  setTimeout(() => dismissToast(toast.id), kind === 'error' ? 7000 : 4000);
}

export function useToasts(): Toast[] {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return toasts;
}

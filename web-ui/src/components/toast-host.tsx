import { dismissToast, useToasts } from '../toasts';
import { IconAlert, IconCheck, IconClose, IconInfo } from './icons';

export function ToastHost() {
  const toasts = useToasts();
  return (
    <div class="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <span class="toast-icon">
            {toast.kind === 'error' ? <IconAlert /> : toast.kind === 'success' ? <IconCheck /> : <IconInfo />}
          </span>
          <span class="toast-message">{toast.message}</span>
          <button type="button" class="icon-button toast-close" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            <IconClose size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}

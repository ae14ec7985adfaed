// A dialog over the page: a title, content, and actions. Escape and the backdrop close it. It renders
// into <body>, so the sidebar's stacking context cannot put it behind the page.
import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useRef } from 'preact/hooks';
import { IconClose } from './icons';

interface ModalProps {
  id?: string;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  actions?: ComponentChildren;
  /** Red styling for destructive confirmations. */
  danger?: boolean;
}

export function Modal({ id, title, onClose, children, actions, danger = false }: ModalProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    const first = panel.current?.querySelector<HTMLElement>('input, select, textarea, button:not(.modal-close)');
    first?.focus();
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return createPortal(
    <div class="modal-backdrop" onMouseDown={(event) => { if (event.target === event.currentTarget) onClose(); }}>
      <div class={'modal' + (danger ? ' modal-danger' : '')} role="dialog" aria-modal="true" aria-labelledby="modal-title" id={id} ref={panel}>
        <header class="modal-head">
          <h2 id="modal-title">{title}</h2>
          <button type="button" class="icon-button modal-close" aria-label="Close" onClick={onClose}><IconClose /></button>
        </header>
        <div class="modal-body">{children}</div>
        {actions ? <footer class="modal-actions">{actions}</footer> : null}
      </div>
    </div>,
    document.body,
  );
}

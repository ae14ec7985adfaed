import type { ComponentChildren } from 'preact';

interface EmptyStateProps {
  icon?: ComponentChildren;
  title: string;
  children?: ComponentChildren;
  actions?: ComponentChildren;
  class?: string;
}

/** A calm, centred explanation of why something is empty and what to do next. */
export function EmptyState({ icon, title, children, actions, class: cls }: EmptyStateProps) {
  return (
    <section class={'empty-state' + (cls ? ' ' + cls : '')}>
      {icon ? <div class="empty-icon">{icon}</div> : null}
      <h2>{title}</h2>
      {children ? <div class="empty-body">{children}</div> : null}
      {actions ? <div class="empty-actions">{actions}</div> : null}
    </section>
  );
}

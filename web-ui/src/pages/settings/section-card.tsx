import type { ComponentChildren } from 'preact';
import { IconEye } from '../../components/icons';
import { Spinner } from '../../components/loading';
import type { Loaded } from '../../settings/use-load';

/** One settings section: a card with a title and an introduction. */
export function SectionCard({ id, title, intro, children }: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="card settings-card" id={id}>
      <h2>{title}</h2>
      {intro ? <p class="section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}

/** Shown to people whose role lets them look but not change. */
export function ReadOnlyNote({ what }: { what: string }) {
  return (
    <p class="read-only-note" id="read-only-note"><IconEye size={15} /> Only admins of this project can change {what}.</p>
  );
}

/** The loading and failure states every section shares; renders the content once there is a value. */
export function LoadedContent<T>({ state, onRetry, children }: { state: Loaded<T>; onRetry: () => void; children: (value: T) => ComponentChildren }) {
  if (state.status === 'loading') return <p class="muted inline-icon"><Spinner size={14} /> Loading…</p>;
  if (state.status === 'error') {
    return (
      <div class="callout callout-danger">
        <span>{state.message}</span>
        <button type="button" class="btn btn-secondary btn-xs" onClick={onRetry}>Try again</button>
      </div>
    );
  }
  return <>{children(state.value)}</>;
}

/** Save button with its "unsaved changes" hint. */
export function SaveBar({ id, dirty, busy, invalid = false, onSave, onReset }: { id: string; dirty: boolean; busy: boolean; invalid?: boolean; onSave: () => void; onReset: () => void }) {
  return (
    <div class="settings-actions">
      <button type="button" id={id} class="btn btn-primary" disabled={!dirty || busy || invalid} onClick={onSave}>
        {busy ? <Spinner size={14} label="Saving" /> : null}
        <span>Save changes</span>
      </button>
      {dirty ? (
        <>
          <button type="button" class="btn btn-secondary" disabled={busy} onClick={onReset}>Discard</button>
          <span class="muted">You have unsaved changes.</span>
        </>
      ) : null}
    </div>
  );
}

import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | null;
  children: ComponentChildren;
}

/** A labelled form control with an optional hint and an error line. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class={'field' + (error ? ' has-error' : '')}>
      <label for={id}>{label}</label>
      {children}
      {error ? <p class="field-error" id={`${id}-error`}>{error}</p> : hint ? <div class="field-hint" id={`${id}-hint`}>{hint}</div> : null}
    </div>
  );
}

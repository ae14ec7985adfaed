// A secret shown once (an API token, an invitation link): copy it now, it cannot be shown again.
import { CopyButton } from './copy-button';
import { IconAlert } from './icons';

export function OneTimeSecret({ id, label, value, note }: { id: string; label: string; value: string; note: string }) {
  return (
    <div class="one-time-secret" id={id}>
      <div class="one-time-head">
        <span class="inline-icon"><IconAlert size={15} /> {label}</span>
        <CopyButton id={`${id}-copy`} text={value} label="Copy" copiedMessage="Copied to the clipboard" />
      </div>
      <code class="one-time-value">{value}</code>
      <p class="field-hint">{note}</p>
    </div>
  );
}

import { useState } from 'preact/hooks';
import { formatDateTime } from '../../format';
import { type LoginEvent, type LoginKind, settingsApi } from '../../settings/settings-api';
import { useLoad } from '../../settings/use-load';
import { LoadedContent, SectionCard } from './section-card';

const KIND_LABELS: Record<LoginKind, { label: string; badge: string }> = {
  SETUP: { label: 'Created the installation', badge: 'badge-new' },
  SIGNED_IN: { label: 'Signed in', badge: 'badge-neutral' },
  SIGNED_OUT: { label: 'Signed out', badge: 'badge-neutral' },
  WRONG_PASSWORD: { label: 'Wrong password', badge: 'badge-error' },
  UNKNOWN_ACCOUNT: { label: 'Unknown account', badge: 'badge-error' },
  THROTTLED: { label: 'Blocked: too many failures', badge: 'badge-warn' },
  PASSWORD_CHANGED: { label: 'Changed password', badge: 'badge-new' },
  INVITE_ACCEPTED: { label: 'Joined by invitation', badge: 'badge-new' },
};

const FAILURES = new Set<LoginKind>(['WRONG_PASSWORD', 'UNKNOWN_ACCOUNT', 'THROTTLED']);

/** Every sign-in, failed attempt and account change of this installation, for its owner. */
export function AuditSection() {
  const [events, reload] = useLoad(() => settingsApi.logins(500), []);
  const [onlyFailures, setOnlyFailures] = useState(false);
  return (
    <SectionCard id="settings-audit" title="Login audit"
      intro="Sign-ins to this Sightline installation, newest first, kept for 13 months. Failed attempts from one address in a row suggest someone guessing passwords.">
      <div class="toolbar">
        <label class="checkbox"><input type="checkbox" id="only-failures" checked={onlyFailures} onChange={(e) => setOnlyFailures(e.currentTarget.checked)} /> Only failed attempts</label>
        <button type="button" class="btn btn-secondary btn-sm" onClick={reload}>Refresh</button>
      </div>
      <LoadedContent state={events} onRetry={reload}>
        {(list: LoginEvent[]) => {
          const shown = onlyFailures ? list.filter((e) => FAILURES.has(e.kind)) : list;
          return shown.length === 0 ? <p class="empty-row">Nothing to show.</p> : (
            <div class="table-wrap">
              <table class="table list-table" id="audit-table">
                <thead><tr><th>When</th><th>Event</th><th>Email</th><th>Address</th><th>Browser</th></tr></thead>
                <tbody>
                  {shown.map((e, i) => (
                    <tr key={i}>
                      <td>{formatDateTime(e.at)}</td>
                      <td><span class={'badge kind-badge ' + KIND_LABELS[e.kind].badge}>{KIND_LABELS[e.kind].label}</span></td>
                      <td class="break">{e.email}</td>
                      <td><code>{e.clientAddress}</code></td>
                      <td class="muted cell-browser" title={e.userAgent}>{e.userAgent}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </LoadedContent>
    </SectionCard>
  );
}

import type { ComponentChildren } from 'preact';
import type { SessionDetail } from '../../api-types';
import {
  channelName, countryCode, countryName, deviceName, formatDateTime, formatDuration, formatInteger,
} from '../../format';
import { CopyButton } from '../copy-button';
import { DeviceIcon } from '../device-icon';

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="detail-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function UrlValue({ url }: { url: string | null | undefined }) {
  if (!url) return <span class="muted">—</span>;
  return <span class="break" title={url}>{url}</span>;
}

/** Everything known about the session, as text. */
export function SessionDetails({ detail }: { detail: SessionDetail }) {
  const s = detail.summary;
  const tags = Object.entries(detail.tags ?? {});
  return (
    <dl class="details" id="session-details">
      <Row label="Started">{formatDateTime(s.startedAt)}</Row>
      <Row label="Duration">{formatDuration(s.durationMs)}</Row>
      <Row label="Active time">{formatDuration(s.activeMs)}</Row>
      <Row label="Pages">{formatInteger(s.pages)}</Row>
      <Row label="Clicks">{formatInteger(s.clicks)}</Row>
      <Row label="Errors">{s.errors > 0 ? <span class="badge badge-error">{formatInteger(s.errors)}</span> : '0'}</Row>
      <Row label="Device"><span class="inline-icon"><DeviceIcon device={s.deviceClass} /> {deviceName(s.deviceClass)}</span></Row>
      <Row label="Browser">{s.browser || 'Unknown'}</Row>
      <Row label="OS">{s.os || 'Unknown'}</Row>
      <Row label="Country"><span class="country">{countryCode(s.country)}</span> {countryName(s.country)}</Row>
      <Row label="Referrer">{s.referrer ? <UrlValue url={s.referrer} /> : <span class="muted">None (direct)</span>}</Row>
      <Row label="Channel">{channelName(s.channel)}</Row>
      <Row label="Entry URL"><UrlValue url={s.entryUrl} /></Row>
      <Row label="Exit URL"><UrlValue url={s.exitUrl} /></Row>
      <Row label="Visitor">
        {s.newVisitor ? <span class="badge badge-new">New</span> : <span class="badge badge-neutral">Returning</span>}
        {s.bot ? <span class="badge badge-warn">Bot</span> : null}
      </Row>
      <Row label="Tags">
        {tags.length === 0 ? <span class="muted">None</span> : (
          <span class="tags" id="session-tags">
            {tags.map(([key, value]) => <span key={key} class="tag"><span class="tag-key">{key}</span>{value}</span>)}
          </span>
        )}
      </Row>
      <Row label="User ID hash">{s.userHash ? <code class="break">{s.userHash}</code> : <span class="muted">Not identified</span>}</Row>
      <Row label="Visitor ID">
        <span class="with-action"><code class="break" id="visitor-id">{s.visitorId}</code><CopyButton text={s.visitorId} label="Copy" copiedMessage="Visitor ID copied" class="btn-xs" /></span>
      </Row>
      <Row label="Session ID">
        <span class="with-action"><code class="break">{s.sessionId}</code><CopyButton text={s.sessionId} label="Copy" copiedMessage="Session ID copied" class="btn-xs" /></span>
      </Row>
    </dl>
  );
}

import type { TargetedMouseEvent } from 'preact';
import type { Session } from '../../api-types';
import {
  countryCode, countryName, formatDateTime, formatDuration, formatInteger, formatRelative, urlPath,
} from '../../format';
import { isPlainClick, navigate } from '../../router';
import { DeviceIcon } from '../device-icon';
import { IconPlay } from '../icons';
import { InsightBadges } from '../insights/insight-badges';
import { Skeleton } from '../loading';

interface TableProps {
  projectId: string;
  sessions: Session[];
  loading: boolean;
  limit: number;
}

function playerHref(projectId: string, sessionId: string): string {
  return `/p/${encodeURIComponent(projectId)}/recordings/${encodeURIComponent(sessionId)}`;
}

const COLUMNS = ['Started', 'Duration', 'Active', 'Pages', 'Clicks', 'Errors', 'Device', 'Browser · OS', 'Country', 'Entry page', 'Visitor', 'Signals'];

export function RecordingsTable({ projectId, sessions, loading, limit }: TableProps) {
  return (
    <div class="table-wrap">
      <table class="table recordings-table" id="recordings-table" aria-busy={loading}>
        <thead>
          <tr>
            {COLUMNS.map((c) => <th key={c} scope="col" class={['Pages', 'Clicks', 'Errors', 'Duration', 'Active'].includes(c) ? 'num' : ''}>{c}</th>)}
          </tr>
        </thead>
        <tbody>
          {loading && sessions.length === 0
            ? Array.from({ length: Math.min(limit, 8) }, (_, i) => (
                <tr key={i} class="skeleton-row">
                  {COLUMNS.map((c) => <td key={c}><Skeleton width={c === 'Entry page' ? '80%' : '60%'} /></td>)}
                </tr>
              ))
            : sessions.map((s) => <RecordingRow key={s.sessionId} projectId={projectId} session={s} />)}
        </tbody>
      </table>
    </div>
  );
}

function RecordingRow({ projectId, session: s }: { projectId: string; session: Session }) {
  const href = playerHref(projectId, s.sessionId);
  const onRowClick = (event: TargetedMouseEvent<HTMLTableRowElement>) => {
    if ((event.target as Element).closest('a, button')) return;
    if (!isPlainClick(event)) return;
    const selection = window.getSelection();
    if (selection && selection.toString().length > 0) return;
    navigate(href);
  };
  const entry = urlPath(s.entryUrl) || '—';
  return (
    <tr class="recording-row" data-session-id={s.sessionId} onClick={onRowClick}>
      <td class="cell-start">
        <a
          href={href}
          class="row-link"
          title={formatDateTime(s.startedAt)}
          onClick={(event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            navigate(href);
          }}
        >
          <span class="row-play" aria-hidden="true"><IconPlay size={10} /></span>
          <time dateTime={new Date(s.startedAt).toISOString()}>{formatRelative(s.startedAt)}</time>
        </a>
      </td>
      <td class="num">{formatDuration(s.durationMs)}</td>
      <td class="num muted">{formatDuration(s.activeMs)}</td>
      <td class="num">{formatInteger(s.pages)}</td>
      <td class="num">{formatInteger(s.clicks)}</td>
      <td class="num">{s.errors > 0 ? <span class="badge badge-error" title={`${s.errors} JavaScript error${s.errors === 1 ? '' : 's'}`}>{formatInteger(s.errors)}</span> : <span class="muted">0</span>}</td>
      <td class="cell-device"><DeviceIcon device={s.deviceClass} /></td>
      <td class="cell-browser"><span>{s.browser || 'Unknown'}</span><span class="muted"> · {s.os || 'Unknown'}</span></td>
      <td><span class="country" title={countryName(s.country)}>{countryCode(s.country)}</span></td>
      <td class="cell-url" title={s.entryUrl ?? ''}><span class="url-path">{entry}</span></td>
      <td>
        {s.newVisitor ? <span class="badge badge-new">New</span> : <span class="badge badge-neutral">Returning</span>}
        {s.bot ? <span class="badge badge-warn" title="Looks automated">Bot</span> : null}
      </td>
      <td class="cell-insights"><InsightBadges insights={s.insights} /></td>
    </tr>
  );
}

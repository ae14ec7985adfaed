import type { Project } from '../../api-types';
import { formatInteger, pluralize } from '../../format';
import { barWidth, formatPercent, pagePath } from '../../insights/format';
import { kindClass, SIGNAL_BY_KIND } from '../../insights/kinds';
import { recordingsHref } from '../../insights/range';
import type { InsightOverview, SignalSummary } from '../../insights/types';
import type { ListState } from '../../recordings/query';
import { IconChevronRight } from '../icons';
import { Link } from '../link';
import { Skeleton } from '../loading';
import { InsightIcon } from './insight-icon';

interface OverviewProps {
  project: Project;
  range: ListState;
  overview: InsightOverview | null;
}

/** One card per signal: its share of sessions as a bar, its counts, where it happens most, and its recordings. */
export function SignalOverview({ project, range, overview }: OverviewProps) {
  if (!overview) {
    return (
      <div class="signal-grid" aria-busy="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} class="card signal-card"><Skeleton width="50%" height={16} /><Skeleton height={8} /><Skeleton width="70%" /></div>
        ))}
      </div>
    );
  }
  return (
    <>
      <p class="insights-summary" id="insights-summary">
        <span>Out of <strong>{pluralize(overview.sessions, 'session')}</strong> in this range (bots left out).</span>
      </p>
      <div class="signal-grid" id="signal-cards">
        {overview.kinds.map((summary) => <SignalCard key={summary.kind} project={project} range={range} summary={summary} />)}
      </div>
      <p class="insight-note">Signals are detected on the server from what the tracker sends, a few seconds after a page view ends. How each is defined: see the line under its name.</p>
    </>
  );
}

function SignalCard({ project, range, summary }: { project: Project; range: ListState; summary: SignalSummary }) {
  const signal = SIGNAL_BY_KIND[summary.kind];
  const largest = summary.hotspots[0]?.events ?? 0;
  return (
    <section class={`card signal-card insight-${kindClass(summary.kind)}`} data-kind={summary.kind} aria-label={signal.name}>
      <div class="signal-head">
        <span class="signal-icon"><InsightIcon kind={summary.kind} size={17} /></span>
        <div class="signal-name">
          <h2>{signal.name}</h2>
          <p>{signal.hint}</p>
        </div>
        <span class={'signal-rate' + (summary.sessions === 0 ? ' zero' : '')} title="Share of sessions with it">{formatPercent(summary.rate)}</span>
      </div>
      <div class="share-bar" role="img" aria-label={`${formatPercent(summary.rate)} of sessions`}>
        <span class={summary.sessions === 0 ? 'none' : ''} style={{ width: `${Math.min(100, summary.rate * 100)}%` }} />
      </div>
      <div class="signal-counts">
        <span class="signal-sessions">{pluralize(summary.sessions, 'session')}</span>
        <span>{pluralize(summary.events, 'occurrence')}</span>
      </div>
      <p class="signal-definition">{summary.definition}</p>
      {summary.hotspots.length > 0 ? (
        <ul class="hotspots" aria-label="Where it happens most">
          {summary.hotspots.map((h) => (
            <li key={h.pageKey + ' ' + h.selector}>
              <div class="hotspot-where">
                <code title={h.selector || pagePath(h.pageKey)}>{h.selector || pagePath(h.pageKey)}</code>
                {h.selector ? <span title={h.pageKey}>{pagePath(h.pageKey)}</span> : null}
              </div>
              <span class="count-bar">
                <span class="share-bar"><span style={{ width: barWidth(h.events, largest) }} /></span>
                <span class="hotspot-count">{formatInteger(h.events)}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="signal-none">None in this range.</p>
      )}
      {summary.sessions > 0 ? (
        <div class="signal-footer">
          <Link class="btn btn-secondary btn-sm signal-recordings" href={recordingsHref(project.id, range, summary.kind)}>
            Watch {pluralize(summary.sessions, 'recording')} <IconChevronRight size={14} />
          </Link>
        </div>
      ) : null}
    </section>
  );
}

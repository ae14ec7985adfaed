import type { PageView } from '../../api-types';
import { formatClock, formatDuration, urlPath } from '../../format';
import { MARKER_NAMES, markerJumpTarget, type TimelineMarker } from '../../player/timeline';
import { IconAlert, IconPage, IconPointer, IconSpark } from '../icons';
import { InsightIcon, isInsightMarker } from '../insights/insight-icon';

interface JourneyProps {
  pages: PageView[];
  markers: TimelineMarker[];
  pageStartMs: (page: PageView) => number;
  currentPage: number | null;
  timeMs: number;
  onSeek: (ms: number) => void;
}

function MarkerIcon({ kind }: { kind: TimelineMarker['kind'] }) {
  if (isInsightMarker(kind)) return <InsightIcon kind={kind} size={14} />;
  if (kind === 'ERROR') return <IconAlert size={14} />;
  if (kind === 'CLICK') return <IconPointer size={14} />;
  if (kind === 'EVENT') return <IconSpark size={14} />;
  return <IconPage size={14} />;
}

/** The pages of the session in order, each with its clicks, errors and custom events; all clickable. */
export function JourneyPanel({ pages, markers, pageStartMs, currentPage, timeMs, onSeek }: JourneyProps) {
  if (pages.length === 0) return <p class="muted panel-empty">No page views were recorded for this session.</p>;
  return (
    <ol class="journey" id="page-list">
      {pages.map((page) => {
        const start = pageStartMs(page);
        const events = markers.filter((m) => m.pageNumber === page.pageNumber && m.kind !== 'PAGE');
        const active = page.pageNumber === currentPage;
        const path = urlPath(page.url) || page.url;
        return (
          <li key={page.pageNumber} class={'journey-page' + (active ? ' active' : '')} data-page-number={page.pageNumber}>
            <button type="button" class="journey-page-button" onClick={() => onSeek(start)} aria-current={active ? 'step' : undefined} title={page.url}>
              <span class="journey-index">{page.pageNumber}</span>
              <span class="journey-text">
                <span class="journey-title">{page.title || path}</span>
                <span class="journey-url">{path}</span>
              </span>
              <span class="journey-meta">
                <span>{formatClock(start)}</span>
                <span class="muted">{formatDuration(page.durationMs)}</span>
              </span>
            </button>
            {events.length > 0 ? (
              <ul class="journey-events">
                {events.map((marker, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      class={`journey-event event-${marker.kind.toLowerCase()}` + (timeMs >= marker.offsetMs && timeMs < marker.offsetMs + 1000 ? ' now' : '')}
                      onClick={() => onSeek(markerJumpTarget(marker))}
                      title={`${MARKER_NAMES[marker.kind]}: ${marker.label}`}
                    >
                      <span class="event-icon"><MarkerIcon kind={marker.kind} /></span>
                      <span class="event-label">{marker.label || MARKER_NAMES[marker.kind]}</span>
                      <span class="event-time muted">{formatClock(marker.offsetMs)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

import type { TargetedPointerEvent } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../format';
import type { Span } from '../../player/activity';
import { fraction, MARKER_NAMES, markerJumpTarget, type TimelineMarker } from '../../player/timeline';

interface SeekBarProps {
  timeMs: number;
  durationMs: number;
  loadedMs: number;
  markers: TimelineMarker[];
  pageStarts: { pageNumber: number; ms: number }[];
  inactive: Span[];
  onSeek: (ms: number) => void;
}

/** Tooltips near the ends of the bar open inwards so they stay on screen. */
function tipSide(at: number): string {
  return at < 0.12 ? ' tip-start' : at > 0.88 ? ' tip-end' : '';
}

/** The timeline: played and downloaded parts, page boundaries, inactive stretches, and markers for clicks, errors and events. */
export function SeekBar({ timeMs, durationMs, loadedMs, markers, pageStarts, inactive, onSeek }: SeekBarProps) {
  const trackRef = useRef<HTMLDivElement>(null);
  const seekRef = useRef(onSeek);
  seekRef.current = onSeek;
  const [hoverMs, setHoverMs] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);

  const msAt = (clientX: number) => {
    const box = trackRef.current!.getBoundingClientRect();
    return fraction(clientX - box.left, box.width) * durationMs;
  };

  const onPointerDown = (event: TargetedPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('.marker')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
    onSeek(msAt(event.clientX));
  };
  const onPointerMove = (event: TargetedPointerEvent<HTMLDivElement>) => {
    setHoverMs(msAt(event.clientX));
    if (dragging) onSeek(msAt(event.clientX));
  };
  const onPointerUp = (event: TargetedPointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    setDragging(false);
  };

  // Markers change with the session, not with every tick of the clock: render them once.
  const markerLayer = useMemo(() => (
    <div class="markers" id="seek-markers">
      {markers.map((marker, index) => {
        const at = fraction(marker.offsetMs, durationMs);
        return (
          <button
            key={index}
            type="button"
            class={`marker marker-${marker.kind.toLowerCase()}` + tipSide(at)}
            data-kind={marker.kind}
            style={{ left: `${at * 100}%` }}
            aria-label={`${MARKER_NAMES[marker.kind]} at ${formatClock(marker.offsetMs)}: ${marker.label}`}
            onClick={() => seekRef.current(markerJumpTarget(marker))}
          >
            <span class="marker-shape" aria-hidden="true" />
            <span class="marker-tip" role="tooltip">
              <strong>{MARKER_NAMES[marker.kind]}</strong> <span class="muted">{formatClock(marker.offsetMs)}</span>
              <span class="marker-label">{marker.label}</span>
            </span>
          </button>
        );
      })}
    </div>
  ), [markers, durationMs]);

  const played = fraction(timeMs, durationMs) * 100;
  const loaded = fraction(loadedMs, durationMs) * 100;

  return (
    <div class="seek" id="seek-bar">
      <div
        class={'seek-track-area' + (dragging ? ' dragging' : '')}
        ref={trackRef}
        role="slider"
        tabIndex={0}
        aria-label="Seek"
        aria-valuemin={0}
        aria-valuemax={Math.round(durationMs / 1000)}
        aria-valuenow={Math.round(timeMs / 1000)}
        aria-valuetext={`${formatClock(timeMs)} of ${formatClock(durationMs)}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHoverMs(null)}
      >
        <div class="seek-track">
          <div class="seek-loaded" style={{ width: `${loaded}%` }} />
          <div class="seek-played" style={{ width: `${played}%` }} />
          {inactive.map((span) => (
            <span
              key={span.startMs}
              class="seek-inactive"
              title={`Inactive for ${Math.round((span.endMs - span.startMs) / 1000)} s`}
              style={{ left: `${fraction(span.startMs, durationMs) * 100}%`, width: `${(fraction(span.endMs, durationMs) - fraction(span.startMs, durationMs)) * 100}%` }}
            />
          ))}
          {pageStarts.filter((p) => p.ms > 0).map((p) => (
            <span key={p.pageNumber} class="seek-page-boundary" style={{ left: `${fraction(p.ms, durationMs) * 100}%` }} />
          ))}
        </div>
        <div class="seek-thumb" style={{ left: `${played}%` }} />
        {hoverMs !== null && !dragging ? (
          <div class="seek-hover" style={{ left: `${fraction(hoverMs, durationMs) * 100}%` }}>{formatClock(hoverMs)}</div>
        ) : null}
        {markerLayer}
      </div>
    </div>
  );
}

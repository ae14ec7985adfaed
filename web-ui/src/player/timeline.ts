// Session-relative time arithmetic for the seek bar, the markers and the page list.
import type { Marker, MarkerKind, PageView } from '../api-types';

/** How far before a marker a click on it lands, so the moment is seen coming. */
export const MARKER_LEAD_MS = 1500;
export const SEEK_STEP_MS = 5000;
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

export interface TimelineMarker extends Marker {
  /** ms from the session's start. */
  offsetMs: number;
}

export function toTimelineMarkers(markers: Marker[], sessionStart: number): TimelineMarker[] {
  return markers
    .map((m) => ({ ...m, offsetMs: Math.max(0, m.at - sessionStart) }))
    .sort((a, b) => a.offsetMs - b.offsetMs);
}

export function markerJumpTarget(marker: TimelineMarker): number {
  return Math.max(0, marker.offsetMs - MARKER_LEAD_MS);
}

export function fraction(ms: number, durationMs: number): number {
  if (durationMs <= 0) return 0;
  return Math.min(1, Math.max(0, ms / durationMs));
}

export const MARKER_NAMES: Record<MarkerKind, string> = {
  PAGE: 'Page view', CLICK: 'Click', ERROR: 'Error', EVENT: 'Event',
  RAGE_CLICK: 'Rage click', DEAD_CLICK: 'Dead click', ERROR_CLICK: 'Error click', QUICK_BACK: 'Quick back',
  EXCESSIVE_SCROLL: 'Excessive scrolling', FORM_ABANDON: 'Form abandoned',
};

/** The page shown at a moment: the last page that started at or before it. */
export function pageAt(pages: PageView[], absoluteMs: number): PageView | undefined {
  let current: PageView | undefined = pages[0];
  for (const page of pages) if (page.startedAt <= absoluteMs) current = page;
  return current;
}

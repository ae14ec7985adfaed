// Reading a scroll map: the share of page views that reached a depth, and where the 75/50/25 % lines go.
import type { ScrollMap } from '../api-types';

/** Share (0..1) of page views whose viewport's bottom reached at least `percent` % of the page. */
export function shareAt(map: ScrollMap, percent: number): number {
  if (map.pageViews === 0) return 0;
  const p = Math.min(100, Math.max(0, Math.floor(percent)));
  return (map.reachedPercent[p] ?? 0) / map.pageViews;
}

/** The deepest percent that at least `share` of page views reached, or null when none did. */
export function depthReachedBy(map: ScrollMap, share: number): number | null {
  if (map.pageViews === 0) return null;
  let deepest: number | null = null;
  for (let p = 0; p <= 100; p++) {
    if ((map.reachedPercent[p] ?? 0) >= share * map.pageViews) deepest = p;
  }
  return deepest;
}

export interface ReachLine {
  share: number;
  percent: number;
}

/** The 75, 50 and 25 % lines (those that exist). */
export function reachLines(map: ScrollMap): ReachLine[] {
  const lines: ReachLine[] = [];
  for (const share of [0.75, 0.5, 0.25]) {
    const percent = depthReachedBy(map, share);
    if (percent !== null) lines.push({ share, percent });
  }
  return lines;
}

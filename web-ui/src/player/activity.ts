// Finds the stretches without user activity (no pointer, scroll, resize or input events), so that
// the seek bar can show what "skip inactivity" will skip.

const INCREMENTAL_SNAPSHOT = 3;
const MUTATION = 0;
const INPUT = 5;

/** The same rule rrweb's Replayer uses for skipping: pointer, scroll, resize and input events. */
export function isUserActivity(event: { type: number; data?: { source?: number } }): boolean {
  const source = event.data?.source;
  return event.type === INCREMENTAL_SNAPSHOT && typeof source === 'number' && source > MUTATION && source <= INPUT;
}

export interface Span {
  startMs: number;
  endMs: number;
}

export class ActivityTracker {
  private last: number | null = null;
  private readonly found: Span[] = [];

  /** @param thresholdMs gaps longer than this count as inactive (rrweb skips from 10 s on). */
  constructor(private readonly thresholdMs = 10_000) {}

  /** Adds activity at a timestamp; timestamps arrive roughly in order. */
  add(timestamp: number): void {
    if (this.last !== null && timestamp - this.last > this.thresholdMs) this.found.push({ startMs: this.last, endMs: timestamp });
    if (this.last === null || timestamp > this.last) this.last = timestamp;
  }

  /** Inactive spans so far, as absolute timestamps. */
  spans(): Span[] {
    return this.found.slice();
  }
}

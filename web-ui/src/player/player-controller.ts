// Drives rrweb's Replayer for one session: starts it on the first Meta + FullSnapshot, feeds it the
// rest as chunks arrive, and maps its clock to session time (ms from the session's start).
// No UI here: the view subscribes to snapshots.
import { Replayer } from 'rrweb';
import { ActivityTracker, isUserActivity, type Span } from './activity';
import { EventSanitizer, isRecordedEvent, type RecordedEvent } from './sanitize-events';
import { sanitizePlugin } from './sanitize-plugin';

export type PlayerStatus = 'loading' | 'ready' | 'playing' | 'paused' | 'ended' | 'error';

export interface PlayerSnapshot {
  status: PlayerStatus;
  /** Playing was asked for, but the downloaded part of the recording has run out. */
  buffering: boolean;
  /** ms from the session's start. */
  timeMs: number;
  durationMs: number;
  /** How far (session ms) the downloaded recording reaches. */
  loadedMs: number;
  loadedAll: boolean;
  speed: number;
  skipInactive: boolean;
  /** Fast-forwarding through an inactive stretch right now. */
  skipping: boolean;
  viewport: { width: number; height: number } | null;
  /** Stretches without user activity, in session ms (what "skip inactivity" jumps over). */
  inactive: Span[];
  error: string | null;
}

export interface PlayerOptions {
  root: HTMLElement;
  sessionStartedAt: number;
  sessionDurationMs: number;
  speed: number;
  skipInactive: boolean;
  autoplay: boolean;
  /** Session ms to open at (from `?t=`); the player then waits there, paused. */
  startAtMs: number | null;
  onChange: (snapshot: PlayerSnapshot) => void;
}

const META = 4;
const FULL_SNAPSHOT = 2;
const TICK_MS = 50;

export class PlayerController {
  private replayer: Replayer | null = null;
  private readonly sanitizer = new EventSanitizer();
  private readonly waiting: RecordedEvent[] = [];
  private firstTimestamp: number | null = null;
  private lastTimestamp: number | null = null;
  private readonly pageStarts = new Map<number, number>();
  private readonly activity = new ActivityTracker();
  private hasMeta = false;
  private hasFullSnapshot = false;
  private rendered = false;
  private wantPlaying = false;
  private pendingSeek: number | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private destroyed = false;
  private state: PlayerSnapshot;

  constructor(private readonly options: PlayerOptions) {
    this.state = {
      status: 'loading', buffering: false, timeMs: options.startAtMs ?? 0, durationMs: Math.max(0, options.sessionDurationMs),
      loadedMs: 0, loadedAll: false, speed: options.speed, skipInactive: options.skipInactive, skipping: false,
      viewport: null, inactive: [], error: null,
    };
    this.pendingSeek = options.startAtMs;
    this.wantPlaying = options.autoplay && options.startAtMs === null;
  }

  get snapshot(): PlayerSnapshot {
    return this.state;
  }

  /**
   * The first session ms at which a page is on screen: just after its first full snapshot (the
   * Replayer applies events strictly before the seek time). Undefined until that chunk has arrived.
   */
  pageStartMs(pageNumber: number): number | undefined {
    const ts = this.pageStarts.get(pageNumber);
    return ts === undefined ? undefined : ts + 1 - this.options.sessionStartedAt;
  }

  /** Hands over one downloaded chunk (events in play order) of a page. */
  addChunk(pageNumber: number, raw: unknown[]): void {
    if (this.destroyed) return;
    const events = raw.filter(isRecordedEvent).map((e) => this.sanitizer.sanitize(e));
    if (events.length === 0) return;
    for (const event of events) {
      if (event.type === META) this.hasMeta = true;
      if (event.type === FULL_SNAPSHOT) {
        this.hasFullSnapshot = true;
        if (!this.pageStarts.has(pageNumber)) this.pageStarts.set(pageNumber, event.timestamp);
      }
      if (isUserActivity(event) || event.type === FULL_SNAPSHOT) this.activity.add(event.timestamp);
      if (this.firstTimestamp === null || event.timestamp < this.firstTimestamp) this.firstTimestamp = event.timestamp;
      if (this.lastTimestamp === null || event.timestamp > this.lastTimestamp) this.lastTimestamp = event.timestamp;
    }
    if (this.replayer) {
      for (const event of events) this.replayer.addEvent(event as any);
    } else {
      this.waiting.push(...events);
      if (this.hasMeta && this.hasFullSnapshot && this.waiting.length >= 2) this.createReplayer();
    }
    const start = this.options.sessionStartedAt;
    const inactive = this.activity.spans().map((s) => ({ startMs: s.startMs - start, endMs: s.endMs - start }));
    this.update({ loadedMs: this.recordingEndMs(), durationMs: this.timelineMs(), inactive });
    // addEvent hands events over on a microtask: act once they are in.
    queueMicrotask(() => this.afterData());
  }

  /** Every chunk has been handed over. */
  finishLoading(): void {
    if (this.destroyed) return;
    this.update({ loadedAll: true, durationMs: this.timelineMs() });
    if (!this.replayer) {
      if (this.waiting.length >= 2 && this.hasFullSnapshot) this.createReplayer();
      else this.fail('This recording has no playable data yet. Recordings appear a few seconds after the visit; if the visit just happened, try again shortly.');
      return;
    }
    queueMicrotask(() => this.afterData());
  }

  /** True once a frame has been shown: from then on a failed download still leaves something to watch. */
  get started(): boolean {
    return this.rendered;
  }

  fail(message: string): void {
    this.stopTicker();
    this.update({ status: 'error', error: message, buffering: false });
  }

  play(): void {
    if (!this.replayer || !this.rendered) {
      this.wantPlaying = true;
      return;
    }
    let from = this.replayerTime();
    if (this.state.status === 'ended' || from >= this.recordingSpan() - 50) from = 0;
    this.wantPlaying = true;
    this.replayer.play(from);
    this.update({ status: 'playing', buffering: false, timeMs: this.toSession(from) });
    this.startTicker();
  }

  pause(): void {
    this.wantPlaying = false;
    if (!this.replayer || !this.rendered) return;
    this.replayer.pause();
    this.stopTicker();
    this.update({ status: 'paused', buffering: false, skipping: false, timeMs: this.toSession(this.replayerTime()) });
  }

  toggle(): void {
    if (this.state.status === 'playing' || (this.wantPlaying && this.state.buffering)) this.pause();
    else this.play();
  }

  /** Moves to a session time; waits for the download when that part has not arrived yet. */
  seek(sessionMs: number): void {
    const target = Math.max(0, Math.min(sessionMs, this.state.durationMs));
    if (!this.replayer || !this.rendered || (!this.state.loadedAll && target > this.recordingEndMs())) {
      this.pendingSeek = target;
      this.update({ timeMs: target, buffering: this.rendered });
      return;
    }
    this.pendingSeek = null;
    const offset = Math.max(0, Math.min(target - this.offsetMs(), this.recordingSpan()));
    if (this.wantPlaying) {
      this.replayer.play(offset);
      this.update({ status: 'playing', buffering: false, timeMs: target });
      this.startTicker();
    } else {
      this.replayer.pause(offset);
      const status = this.state.status === 'loading' ? 'ready' : this.state.status === 'ready' ? 'ready' : 'paused';
      this.update({ status, buffering: false, timeMs: target });
    }
  }

  seekBy(deltaMs: number): void {
    this.seek(this.state.timeMs + deltaMs);
  }

  setSpeed(speed: number): void {
    this.replayer?.setConfig({ speed });
    this.update({ speed });
  }

  setSkipInactive(skipInactive: boolean): void {
    this.replayer?.setConfig({ skipInactive });
    this.update({ skipInactive, skipping: skipInactive ? this.state.skipping : false });
  }

  /** The replay document, for tests and for measuring. */
  get iframe(): HTMLIFrameElement | null {
    return this.replayer?.iframe ?? null;
  }

  destroy(): void {
    this.destroyed = true;
    this.stopTicker();
    if (this.replayer) {
      try {
        this.replayer.pause();
        this.replayer.destroy();
      } catch {
        // already torn down
      }
    }
    this.replayer = null;
  }

  // ---- internals ----

  private createReplayer(): void {
    const events = this.waiting.splice(0);
    const replayer = new Replayer(events as any[], {
      root: this.options.root,
      speed: this.state.speed,
      skipInactive: this.state.skipInactive,
      showWarning: false,
      showDebug: false,
      triggerFocus: false,
      pauseAnimation: true,
      UNSAFE_replayCanvas: false,
      mouseTail: { duration: 600, lineCap: 'round', lineWidth: 3, strokeStyle: 'rgba(52, 84, 209, 0.45)' },
      plugins: [sanitizePlugin],
    });
    this.replayer = replayer;
    replayer.on('resize', (payload: unknown) => {
      const { width, height } = payload as { width: number; height: number };
      if (width > 0 && height > 0) this.update({ viewport: { width, height } });
    });
    replayer.on('fullsnapshot-rebuilded', () => {
      if (this.rendered) return;
      this.rendered = true;
      // Let the constructor's own first rebuild finish before positioning.
      setTimeout(() => this.onFirstFrame(), 0);
    });
    replayer.on('skip-start', () => this.update({ skipping: true }));
    replayer.on('skip-end', () => this.update({ skipping: false }));
    replayer.on('finish', () => this.onFinish());
  }

  private onFirstFrame(): void {
    // A chunk that arrived meanwhile may already have positioned the player (afterData).
    if (this.destroyed || this.state.status !== 'loading') return;
    if (this.pendingSeek !== null) {
      const target = this.pendingSeek;
      if (this.state.loadedAll || target <= this.recordingEndMs()) {
        this.seek(target);
      } // else afterData() seeks once that part has arrived
      return;
    }
    if (this.wantPlaying) this.play();
    else this.update({ status: 'ready', timeMs: this.toSession(0) });
  }

  private afterData(): void {
    if (this.destroyed || !this.replayer || !this.rendered) return;
    if (this.pendingSeek !== null && (this.state.loadedAll || this.pendingSeek <= this.recordingEndMs())) {
      this.seek(this.pendingSeek);
      return;
    }
    if (this.state.buffering && this.wantPlaying) {
      this.replayer.play(Math.max(0, this.state.timeMs - this.offsetMs()));
      this.update({ status: 'playing', buffering: false });
      this.startTicker();
    }
  }

  private onFinish(): void {
    // rrweb also reports "finish" when a paused seek lands after the last event: only playback ends.
    if (this.destroyed || this.state.status !== 'playing') return;
    if (!this.state.loadedAll) {
      // The download has not caught up: wait for the next chunk, then carry on.
      this.update({ buffering: true, timeMs: this.recordingEndMs(), skipping: false });
      return;
    }
    this.wantPlaying = false;
    this.stopTicker();
    this.update({ status: 'ended', buffering: false, skipping: false, timeMs: this.state.durationMs });
  }

  private startTicker(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      if (!this.replayer || this.state.status !== 'playing' || this.state.buffering) return;
      this.update({ timeMs: Math.min(this.state.durationMs, this.toSession(this.replayerTime())) });
    }, TICK_MS);
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private replayerTime(): number {
    return this.replayer ? Math.max(0, this.replayer.getCurrentTime()) : 0;
  }

  /** Session ms of the replayer's time zero (the first recorded event). */
  private offsetMs(): number {
    return (this.firstTimestamp ?? this.options.sessionStartedAt) - this.options.sessionStartedAt;
  }

  private toSession(replayerMs: number): number {
    return Math.max(0, replayerMs + this.offsetMs());
  }

  private recordingSpan(): number {
    return this.firstTimestamp === null || this.lastTimestamp === null ? 0 : this.lastTimestamp - this.firstTimestamp;
  }

  private recordingEndMs(): number {
    return this.lastTimestamp === null ? 0 : Math.max(0, this.lastTimestamp - this.options.sessionStartedAt);
  }

  private timelineMs(): number {
    return Math.max(this.options.sessionDurationMs, this.recordingEndMs());
  }

  private update(patch: Partial<PlayerSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.options.onChange(this.state);
  }
}

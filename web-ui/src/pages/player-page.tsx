import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ChunkRef, Project, SessionDetail } from '../api-types';
import { api, ApiError } from '../api';
import { CopyButton } from '../components/copy-button';
import { RecordingNotes } from '../components/dashboard/recording-notes';
import { PinBackgroundButton } from '../components/heatmaps/pin-background-button';
import { DeviceIcon } from '../components/device-icon';
import { IconArrowLeft } from '../components/icons';
import { Link } from '../components/link';
import { PageLoader } from '../components/loading';
import { JourneyPanel } from '../components/player/journey-panel';
import { PlayerControls } from '../components/player/player-controls';
import { ReplayStage } from '../components/player/replay-stage';
import { SeekBar } from '../components/player/seek-bar';
import { SessionDetails } from '../components/player/session-details';
import { countryName, formatDateTime, formatDuration, urlPath } from '../format';
import { loadChunks, prefetchChunks } from '../player/chunk-loader';
import { PlayerController, type PlayerSnapshot } from '../player/player-controller';
import { loadPreferences, parseStartTime, savePreferences } from '../player/preferences';
import { actionForKey, type PlayerAction } from '../player/shortcuts';
import { toTimelineMarkers } from '../player/timeline';
import { listHref } from '../recordings/last-list';
import { showToast } from '../toasts';
import { updateQuery } from '../router';
import { useTitle } from '../title';
import { ErrorPage } from './error-page';
import { NotFoundPage } from './not-found-page';

/** The recording's chunks, and downloads of the first ones already under way. */
type Recording = { chunks: ChunkRef[]; prefetched: Map<string, Promise<unknown[]>> };

type DetailLoad =
  | { status: 'loading' }
  | { status: 'ready'; detail: SessionDetail; recording: Promise<Recording> }
  | { status: 'missing' }
  | { status: 'error'; message: string };

export function PlayerPage({ project, sessionId }: { project: Project; sessionId: string }) {
  const [load, setLoad] = useState<DetailLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useTitle('Recording', project.name);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    // The recording is asked for at once, beside the details, and its first chunks as soon as their
    // addresses are known, so the first frame waits for neither the details nor the page's render.
    // The player reports a failure of either.
    const recording = api.recording(project.id, sessionId, controller.signal)
      .then((manifest) => ({ chunks: manifest.chunks ?? [], prefetched: prefetchChunks(manifest.chunks ?? [], controller.signal) }));
    recording.catch(() => undefined);
    api.session(project.id, sessionId, controller.signal)
      .then((detail) => setLoad({ status: 'ready', detail, recording }))
      .catch((error: Error) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setLoad({ status: 'missing' });
        else setLoad({ status: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [project.id, sessionId, attempt]);

  // The test hook: the player sets it once the session is loaded; before that, and on failure, the page does.
  useEffect(() => {
    if (load.status === 'loading') document.body.dataset.playerState = 'loading';
    else if (load.status !== 'ready') document.body.dataset.playerState = 'error';
  }, [load.status]);
  useEffect(() => () => {
    delete document.body.dataset.playerState;
  }, []);

  if (load.status === 'loading') return <PageLoader label="Loading the recording…" />;
  if (load.status === 'missing') {
    return (
      <NotFoundPage
        title="Recording not found"
        message="This recording doesn't exist, or it has expired and been deleted."
        backHref={listHref(project.id)}
        backLabel="Back to recordings"
      />
    );
  }
  if (load.status === 'error') return <ErrorPage message={load.message} onRetry={() => setAttempt((a) => a + 1)} />;
  return <Player key={sessionId} project={project} detail={load.detail} recording={load.recording} />;
}

/** The value of `document.body.dataset.playerState`, the read-only hook for tests and automation. */
function hookState(snapshot: PlayerSnapshot | null): string {
  if (!snapshot) return 'loading';
  if (snapshot.status === 'error') return 'error';
  if (snapshot.buffering) return 'loading';
  return snapshot.status;
}

function Player({ project, detail, recording }: { project: Project; detail: SessionDetail; recording: Promise<Recording> }) {
  const summary = detail.summary;
  const rootRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<PlayerController | null>(null);
  const [snapshot, setSnapshot] = useState<PlayerSnapshot | null>(null);
  const [tab, setTab] = useState<'journey' | 'details'>('journey');
  const markers = useMemo(() => toTimelineMarkers(detail.markers ?? [], summary.startedAt), [detail]);

  useEffect(() => {
    const prefs = loadPreferences();
    const controller = new PlayerController({
      root: rootRef.current!,
      sessionStartedAt: summary.startedAt,
      sessionDurationMs: summary.durationMs,
      speed: prefs.speed,
      skipInactive: prefs.skipInactive,
      autoplay: true,
      startAtMs: parseStartTime(location.search),
      onChange: (next) => {
        // The test hooks follow the controller at once, not on the next render.
        document.body.dataset.playerState = hookState(next);
        if (playerRef.current) playerRef.current.dataset.playerTime = String(Math.round(next.timeMs));
        setSnapshot(next);
      },
    });
    controllerRef.current = controller;
    document.body.dataset.playerState = hookState(controller.snapshot);
    setSnapshot(controller.snapshot);
    const abort = new AbortController();
    recording
      .then(({ chunks, prefetched }) => loadChunks(chunks, { onChunk: (chunk, events) => controller.addChunk(chunk.page, events) }, abort.signal, prefetched))
      .then(() => {
        if (!abort.signal.aborted) controller.finishLoading();
      })
      .catch((error: Error) => {
        if (abort.signal.aborted) return;
        if (controller.started) {
          showToast(`The rest of this recording could not be downloaded (${error.message}). Playing what arrived.`, 'error');
          controller.finishLoading();
          return;
        }
        controller.fail(error instanceof ApiError && error.status === 404
          ? 'The recording data for this session is missing. It may have expired.'
          : `The recording could not be downloaded: ${error.message}`);
      });
    return () => {
      abort.abort();
      controller.destroy();
      controllerRef.current = null;
    };
  }, [project.id, summary.sessionId]);

  // A paused player keeps its moment in the URL (?t=), ready to be shared or reloaded.
  useEffect(() => {
    if (snapshot?.status === 'paused') updateQuery({ t: String(Math.round(snapshot.timeMs)) }, { silent: true });
  }, [snapshot?.status, snapshot?.timeMs]);

  const run = (action: PlayerAction) => {
    const controller = controllerRef.current;
    if (!controller) return;
    switch (action.type) {
      case 'toggle': controller.toggle(); break;
      case 'seekBy': controller.seekBy(action.ms); break;
      case 'speed':
        controller.setSpeed(action.speed);
        savePreferences({ speed: action.speed, skipInactive: controller.snapshot.skipInactive });
        break;
      case 'toggleSkip': {
        const skip = !controller.snapshot.skipInactive;
        controller.setSkipInactive(skip);
        savePreferences({ speed: controller.snapshot.speed, skipInactive: skip });
        break;
      }
    }
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('.menu:not(.shortcuts-popup)')) return;
      const action = actionForKey(event);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      // Space on a focused button would click it as well: the player already handled the key.
      if (event.key === ' ' && (event.target as HTMLElement)?.tagName === 'BUTTON') event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
    };
  }, []);

  const controller = controllerRef.current;
  const pageStartMs = (page: SessionDetail['pages'][number]) =>
    controller?.pageStartMs(page.pageNumber) ?? Math.max(0, page.startedAt - summary.startedAt);
  const pageStarts = detail.pages.map((p) => ({ pageNumber: p.pageNumber, ms: pageStartMs(p) }));
  const timeMs = snapshot?.timeMs ?? 0;
  let currentPage: number | null = null;
  for (const p of pageStarts) if (p.ms <= timeMs + 1) currentPage = p.pageNumber;
  if (currentPage === null && pageStarts.length) currentPage = pageStarts[0]!.pageNumber;
  const current = detail.pages.find((p) => p.pageNumber === currentPage);
  const seek = (ms: number) => controllerRef.current?.seek(ms);

  return (
    <div class="player" id="player" ref={playerRef} data-player-time={Math.round(timeMs)} data-session-id={summary.sessionId}>
      <header class="player-header">
        <Link href={listHref(project.id)} class="back-link" id="back-to-recordings">
          <IconArrowLeft /> <span>Recordings</span>
        </Link>
        <div class="player-title">
          <h1>
            <span class="inline-icon"><DeviceIcon device={summary.deviceClass} size={18} /></span>
            {formatDateTime(summary.startedAt)}
          </h1>
          <p class="muted">
            {formatDuration(summary.durationMs)} · {summary.pages} page{summary.pages === 1 ? '' : 's'} · {summary.browser || 'Unknown browser'} on {summary.os || 'unknown OS'} · {countryName(summary.country)}
          </p>
        </div>
        <div class="player-actions">
          <PinBackgroundButton projectId={project.id} sessionId={summary.sessionId} pageNumber={currentPage}
            timeMs={() => controllerRef.current?.snapshot.timeMs ?? 0} />
          <CopyButton
            id="copy-link"
            label="Copy link at current time"
            copiedMessage="Link copied — it opens the recording at this moment"
            text={() => {
              const url = new URL(location.href);
              url.searchParams.set('t', String(Math.round(controllerRef.current?.snapshot.timeMs ?? 0)));
              return url.toString();
            }}
          />
        </div>
      </header>
      <RecordingNotes projectId={project.id} sessionId={summary.sessionId} />

      <div class="player-body">
        <section class="player-main" aria-label="Replay">
          <div class="now-showing" id="now-showing">
            {current ? (
              <>
                <span class="badge badge-neutral">Page {current.pageNumber} of {detail.pages.length}</span>
                <span class="now-url" title={current.url}>{urlPath(current.url) || current.url}</span>
              </>
            ) : <span class="muted">Waiting for the first page…</span>}
          </div>
          <ReplayStage rootRef={rootRef} snapshot={snapshot} onPlay={() => controllerRef.current?.play()} onToggle={() => run({ type: 'toggle' })} />
          <div class="player-bar">
            <SeekBar
              timeMs={timeMs}
              durationMs={snapshot?.durationMs ?? summary.durationMs}
              loadedMs={snapshot?.loadedAll ? (snapshot?.durationMs ?? 0) : (snapshot?.loadedMs ?? 0)}
              markers={markers}
              pageStarts={pageStarts}
              inactive={snapshot?.inactive ?? []}
              onSeek={seek}
            />
            <PlayerControls
              snapshot={snapshot}
              onToggle={() => run({ type: 'toggle' })}
              onSeekBy={(ms) => run({ type: 'seekBy', ms })}
              onSpeed={(speed) => run({ type: 'speed', speed })}
              onSkip={(skip) => {
                if (skip !== controllerRef.current?.snapshot.skipInactive) run({ type: 'toggleSkip' });
              }}
            />
          </div>
        </section>

        <aside class="player-side" aria-label="Session">
          <div class="tabs" role="tablist">
            <button type="button" role="tab" id="tab-journey" aria-selected={tab === 'journey'} class={tab === 'journey' ? 'active' : ''} onClick={() => setTab('journey')}>
              Pages &amp; events
            </button>
            <button type="button" role="tab" id="tab-details" aria-selected={tab === 'details'} class={tab === 'details' ? 'active' : ''} onClick={() => setTab('details')}>
              Details
            </button>
          </div>
          <div class="tab-panel" role="tabpanel">
            {tab === 'journey' ? (
              <JourneyPanel pages={detail.pages} markers={markers} pageStartMs={pageStartMs} currentPage={currentPage} timeMs={timeMs} onSeek={seek} />
            ) : (
              <SessionDetails detail={detail} />
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}

import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PlayerSnapshot } from '../../player/player-controller';
import { IconAlert, IconPlay, IconSkip } from '../icons';
import { Spinner } from '../loading';

interface StageProps {
  rootRef: RefObject<HTMLDivElement | null>;
  snapshot: PlayerSnapshot | null;
  onPlay: () => void;
  onToggle: () => void;
}

const PADDING = 24;

function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry!.contentRect;
      setSize({ width: box.width, height: box.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The replay, scaled to fit the area while keeping the recorded viewport's aspect ratio. */
export function ReplayStage({ rootRef, snapshot, onPlay, onToggle }: StageProps) {
  const stageRef = useRef<HTMLDivElement>(null);
  const area = useElementSize(stageRef);
  const viewport = snapshot?.viewport ?? null;
  const scale = viewport && area.width > 0
    ? Math.max(0.05, Math.min((area.width - PADDING * 2) / viewport.width, (area.height - PADDING * 2) / viewport.height))
    : 1;
  const status = snapshot?.status ?? 'loading';
  const showSpinner = status === 'loading' || !!snapshot?.buffering;

  return (
    <div class="stage" ref={stageRef} id="replay-stage">
      <div
        class={'replay-frame' + (viewport ? '' : ' hidden')}
        onClick={onToggle}
        style={viewport ? { width: `${Math.round(viewport.width * scale)}px`, height: `${Math.round(viewport.height * scale)}px` } : undefined}
      >
        <div
          class="replay-root"
          id="replay-root"
          ref={rootRef}
          style={viewport ? { width: `${viewport.width}px`, height: `${viewport.height}px`, transform: `scale(${scale})` } : undefined}
        />
      </div>

      {viewport ? (
        <span class="viewport-badge" id="viewport-size" title="The visitor's browser viewport">
          {viewport.width} × {viewport.height}
          {scale < 0.995 || scale > 1.005 ? <span class="muted"> · {Math.round(scale * 100)}%</span> : null}
        </span>
      ) : null}

      {snapshot?.skipping && status === 'playing' ? (
        <span class="stage-pill" id="skipping-indicator"><IconSkip size={14} /> Skipping inactivity</span>
      ) : null}

      {showSpinner && status !== 'error' ? (
        <div class={'stage-overlay' + (viewport ? ' translucent' : '')}>
          <Spinner size={26} label="Loading the recording" />
          <span>{snapshot?.buffering ? 'Loading the rest of the recording…' : 'Loading the recording…'}</span>
        </div>
      ) : null}

      {status === 'ended' ? (
        <button type="button" class="stage-overlay clickable translucent" id="replay-again" onClick={onPlay}>
          <span class="big-play"><IconPlay size={22} /></span>
          <span>Watch again</span>
        </button>
      ) : null}

      {status === 'error' ? (
        <div class="stage-overlay" id="player-error">
          <IconAlert size={28} />
          <strong>This recording can't be played</strong>
          <span class="stage-message">{snapshot?.error}</span>
        </div>
      ) : null}
    </div>
  );
}

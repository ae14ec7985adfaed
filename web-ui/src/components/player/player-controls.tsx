import { useCallback, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../format';
import type { PlayerSnapshot } from '../../player/player-controller';
import { SHORTCUTS } from '../../player/shortcuts';
import { SEEK_STEP_MS, SPEEDS } from '../../player/timeline';
import { useDismiss } from '../dismiss';
import { IconKeyboard, IconPause, IconPlay, IconReplay } from '../icons';

interface ControlsProps {
  snapshot: PlayerSnapshot | null;
  onToggle: () => void;
  onSeekBy: (ms: number) => void;
  onSpeed: (speed: number) => void;
  onSkip: (skip: boolean) => void;
}

export function PlayerControls({ snapshot, onToggle, onSeekBy, onSpeed, onSkip }: ControlsProps) {
  const status = snapshot?.status ?? 'loading';
  const playing = status === 'playing';
  const disabled = status === 'loading' || status === 'error';
  return (
    <div class="controls" id="player-controls">
      <div class="controls-left">
        <button type="button" class="play-button" id="play-toggle" disabled={disabled} onClick={onToggle} aria-label={playing ? 'Pause (Space)' : 'Play (Space)'} title={playing ? 'Pause (Space)' : 'Play (Space)'}>
          {playing ? <IconPause size={18} /> : status === 'ended' ? <IconReplay size={18} /> : <IconPlay size={18} />}
        </button>
        <button type="button" class="icon-button" id="seek-back" disabled={disabled} onClick={() => onSeekBy(-SEEK_STEP_MS)} title="Back 5 seconds (←)" aria-label="Back 5 seconds">
          <span class="step-label">−5s</span>
        </button>
        <button type="button" class="icon-button" id="seek-forward" disabled={disabled} onClick={() => onSeekBy(SEEK_STEP_MS)} title="Forward 5 seconds (→)" aria-label="Forward 5 seconds">
          <span class="step-label">+5s</span>
        </button>
        <span class="clock" id="player-clock">
          <span>{formatClock(snapshot?.timeMs ?? 0)}</span>
          <span class="muted"> / {formatClock(snapshot?.durationMs ?? 0)}</span>
        </span>
      </div>
      <div class="controls-right">
        <div class="segmented segmented-sm" role="group" aria-label="Playback speed" id="speed-control">
          {SPEEDS.map((speed, i) => (
            <button key={speed} type="button" class={snapshot?.speed === speed ? 'active' : ''} aria-pressed={snapshot?.speed === speed} onClick={() => onSpeed(speed)} title={`${speed}× (${i + 1})`} data-speed={speed}>
              {speed}×
            </button>
          ))}
        </div>
        <label class="switch" for="skip-inactivity" title="Fast-forward through stretches without activity (S)">
          <input id="skip-inactivity" type="checkbox" role="switch" checked={snapshot?.skipInactive ?? true} onChange={(e) => onSkip(e.currentTarget.checked)} />
          <span class="switch-track" aria-hidden="true"><span class="switch-thumb" /></span>
          <span>Skip inactivity</span>
        </label>
        <ShortcutHelp />
      </div>
    </div>
  );
}

function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  return (
    <div class="shortcut-help" ref={ref}>
      <button type="button" class="icon-button" id="shortcuts-button" aria-expanded={open} aria-label="Keyboard shortcuts" title="Keyboard shortcuts" onClick={() => setOpen(!open)}>
        <IconKeyboard size={18} />
      </button>
      {open ? (
        <div class="menu shortcuts-popup" role="dialog" aria-label="Keyboard shortcuts">
          <h3>Keyboard shortcuts</h3>
          <dl>
            {SHORTCUTS.map((s) => (
              <div key={s.label} class="shortcut-row">
                <dt>{s.keys.map((k) => <kbd key={k}>{k}</kbd>)}</dt>
                <dd>{s.label}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}

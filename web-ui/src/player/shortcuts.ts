// The player's keyboard shortcuts, as data (for the help popover) and as a key → action mapping.
import { SEEK_STEP_MS, SPEEDS } from './timeline';

export type PlayerAction =
  | { type: 'toggle' }
  | { type: 'seekBy'; ms: number }
  | { type: 'speed'; speed: number }
  | { type: 'toggleSkip' };

export const SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ['Space'], label: 'Play / pause' },
  { keys: ['←'], label: `Back ${SEEK_STEP_MS / 1000} seconds` },
  { keys: ['→'], label: `Forward ${SEEK_STEP_MS / 1000} seconds` },
  { keys: ['1', '2', '3', '4', '5'], label: `Speed ${SPEEDS[0]}× to ${SPEEDS[SPEEDS.length - 1]}×` },
  { keys: ['S'], label: 'Skip inactivity on / off' },
];

/** The action for a key press, or null when the player should leave the key alone. */
export function actionForKey(event: KeyboardEvent): PlayerAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return { type: 'toggle' };
    case 'ArrowLeft':
      return { type: 'seekBy', ms: -SEEK_STEP_MS };
    case 'ArrowRight':
      return { type: 'seekBy', ms: SEEK_STEP_MS };
    case 's':
    case 'S':
      return { type: 'toggleSkip' };
    default: {
      const index = ['1', '2', '3', '4', '5'].indexOf(event.key);
      return index >= 0 ? { type: 'speed', speed: SPEEDS[index]! } : null;
    }
  }
}

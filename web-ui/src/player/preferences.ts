// The viewer's player settings, kept between recordings.
import { SPEEDS } from './timeline';

const KEY = 'sightline.player';

export interface PlayerPreferences {
  speed: number;
  skipInactive: boolean;
}

const DEFAULTS: PlayerPreferences = { speed: 1, skipInactive: true };

export function loadPreferences(): PlayerPreferences {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<PlayerPreferences>;
    return {
      speed: SPEEDS.includes(stored.speed as (typeof SPEEDS)[number]) ? stored.speed! : DEFAULTS.speed,
      skipInactive: typeof stored.skipInactive === 'boolean' ? stored.skipInactive : DEFAULTS.skipInactive,
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export function savePreferences(prefs: PlayerPreferences): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // storage full or disabled: the settings just don't persist
  }
}

/** `?t=<ms from session start>`; null when absent or not a number. */
export function parseStartTime(search: string): number | null {
  const raw = new URLSearchParams(search).get('t');
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
}

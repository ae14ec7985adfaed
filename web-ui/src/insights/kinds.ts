// The insight signals as the dashboard names them, in the order it lists them.
import type { InsightKind } from '../api-types';

export interface SignalInfo {
  kind: InsightKind;
  /** Plural, for lists and filters: "Rage clicks". */
  name: string;
  /** One occurrence: "rage click". */
  one: string;
  /** What to look for in the recordings that show it. */
  hint: string;
}

export const SIGNALS: SignalInfo[] = [
  { kind: 'RAGE_CLICK', name: 'Rage clicks', one: 'rage click', hint: 'Something visitors expected to respond did not.' },
  { kind: 'DEAD_CLICK', name: 'Dead clicks', one: 'dead click', hint: 'Elements that look clickable but do nothing.' },
  { kind: 'ERROR_CLICK', name: 'Error clicks', one: 'error click', hint: 'Clicks that broke something.' },
  { kind: 'QUICK_BACK', name: 'Quick backs', one: 'quick back', hint: 'Pages that were not what the link promised.' },
  { kind: 'EXCESSIVE_SCROLL', name: 'Excessive scrolling', one: 'excessive scroll', hint: 'Visitors searching for something they cannot find.' },
  { kind: 'JS_ERROR', name: 'JavaScript errors', one: 'JavaScript error', hint: 'Scripts failing in visitors\u2019 browsers.' },
  { kind: 'FORM_ABANDON', name: 'Form abandonment', one: 'abandoned form', hint: 'Forms started and left unfinished.' },
];

export const SIGNAL_BY_KIND = Object.fromEntries(SIGNALS.map((s) => [s.kind, s])) as Record<InsightKind, SignalInfo>;

export function isInsightKind(value: string | null | undefined): value is InsightKind {
  return !!value && value in SIGNAL_BY_KIND;
}

/** "3 rage clicks", "1 quick back". */
export function countLabel(kind: InsightKind, count: number): string {
  const one = SIGNAL_BY_KIND[kind].one;
  return `${count} ${count === 1 ? one : one === 'excessive scroll' ? 'excessive scrolls' : one + 's'}`;
}

/** A CSS class suffix for a kind: "rage_click". */
export function kindClass(kind: string): string {
  return kind.toLowerCase();
}

// The JSON shapes of the insights reports (docs/http-api.md). Times are epoch milliseconds.
import type { InsightKind } from '../api-types';

export interface Hotspot {
  pageKey: string;
  /** Empty for signals without an element. */
  selector: string;
  events: number;
  sessions: number;
}

export interface SignalSummary {
  kind: InsightKind;
  sessions: number;
  events: number;
  /** Share of all sessions in the range, 0..1. */
  rate: number;
  definition: string;
  hotspots: Hotspot[];
}

export interface InsightOverview {
  from: number;
  to: number;
  sessions: number;
  kinds: SignalSummary[];
}

export interface ErrorRecording {
  sessionId: string;
  sessionStartedAt: number;
  at: number;
  /** Where the player opens it (?t=). */
  offsetMs: number;
}

export interface ErrorGroup {
  message: string;
  source: string;
  line: number;
  column: number;
  occurrences: number;
  sessions: number;
  firstSeen: number;
  lastSeen: number;
  recordings: ErrorRecording[];
}

export interface FieldReport {
  field: string;
  fieldType: string;
  interactions: number;
  abandonments: number;
  medianFocusMs: number;
  refills: number;
}

export interface FormReport {
  pageKey: string;
  form: string;
  views: number;
  starts: number;
  completions: number;
  abandonments: number;
  fields: FieldReport[];
}

// The JSON shapes of docs/http-api.md. Times are epoch milliseconds (UTC).

export interface Account {
  id: string;
  email: string;
  owner: boolean;
}

export interface AuthState {
  setupRequired: boolean;
  account: Account | null;
  csrfToken: string | null;
}

export interface Project {
  id: string;
  name: string;
  siteKey: string;
  role: string;
  snippet: string;
}

export type DeviceClass = 'DESKTOP' | 'TABLET' | 'MOBILE' | 'OTHER';
export type Channel = 'DIRECT' | 'ORGANIC_SEARCH' | 'PAID' | 'SOCIAL' | 'EMAIL' | 'REFERRAL' | 'AI_TOOLS';

export interface Session {
  sessionId: string;
  visitorId: string;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  activeMs: number;
  pages: number;
  clicks: number;
  errors: number;
  deviceClass: DeviceClass | null;
  browser: string | null;
  os: string | null;
  country: string | null;
  entryUrl: string | null;
  exitUrl: string | null;
  referrer: string | null;
  channel: Channel | null;
  newVisitor: boolean;
  bot: boolean;
  userHash: string | null;
  /** Detected insights by kind (absent or empty: none). */
  insights?: Partial<Record<InsightKind, number>>;
}

export interface SessionList {
  sessions: Session[];
  total: number;
}

export interface PageView {
  pageNumber: number;
  url: string;
  pageKey: string;
  title: string | null;
  referrer: string | null;
  startedAt: number;
  lastSeenAt: number;
  durationMs: number;
  activeMs: number;
  maxScrollPermille: number;
  viewportWidth: number;
  viewportHeight: number;
  documentHeight: number;
}

export type InsightKind = 'RAGE_CLICK' | 'DEAD_CLICK' | 'ERROR_CLICK' | 'QUICK_BACK' | 'EXCESSIVE_SCROLL' | 'JS_ERROR' | 'FORM_ABANDON';

export type MarkerKind = 'PAGE' | 'CLICK' | 'ERROR' | 'EVENT' | Exclude<InsightKind, 'JS_ERROR'>;

export interface Marker {
  kind: MarkerKind;
  pageNumber: number;
  at: number;
  label: string;
}

export interface SessionDetail {
  summary: Session;
  pages: PageView[];
  markers: Marker[];
  tags: Record<string, string>;
}

export interface ChunkRef {
  page: number;
  seq: number;
  bytes: number;
  url: string;
}

export interface RecordingManifest {
  chunks: ChunkRef[];
}

export type SessionSort = 'start_time' | 'duration' | 'clicks' | 'pages';

export interface SessionQuery {
  from: number;
  to: number;
  sort: SessionSort;
  limit: number;
  offset: number;
  bots: boolean;
  /** Only sessions with this insight. */
  insight?: InsightKind | null;
}

/** The error body every failing endpoint answers with. */
export interface ErrorBody {
  error: string;
  reason?: string;
}

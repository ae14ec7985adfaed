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

export type SessionSort = 'start_time' | 'duration' | 'clicks' | 'pages' | 'frustration';

export interface SessionQuery {
  from: number;
  to: number;
  sort: SessionSort;
  limit: number;
  offset: number;
  bots: boolean;
  /** Only sessions with this insight. */
  insight?: InsightKind | null;
  /** Dashboard filters in URL form (`device:equals:mobile`). */
  filters?: string[];
  /** Funnel steps, and the step after which the sessions dropped. */
  steps?: string[];
  dropped?: number | null;
}

/** The error body every failing endpoint answers with. */
export interface ErrorBody {
  error: string;
  reason?: string;
}

// ---- Heatmaps ----

export interface Traffic {
  pageViews: number;
  sessions: number;
  clicks: number;
  averageScrollPermille: number;
  /** The latest title the page views reported; empty when none did. */
  title: string;
}

export interface HeatmapPage extends Traffic {
  pageKey: string;
  url: string;
  hasSnapshot: boolean;
}

export interface HeatmapGroupTraffic extends Traffic {
  id: string;
  name: string;
  pattern: string;
}

export interface HeatmapIndex {
  pages: HeatmapPage[];
  groups: HeatmapGroupTraffic[];
}

export interface PageGroup {
  id: string;
  name: string;
  pattern: string;
  createdAt: number;
}

/** Every click, the first click of each page view, or the clicks insights marked as rage, dead or error clicks. */
export type HeatmapLayer = 'clicks' | 'first_clicks' | 'rage_clicks' | 'dead_clicks' | 'error_clicks' | 'moves';
export type HeatmapDevice = 'desktop' | 'tablet' | 'mobile' | 'all';

export interface HeatmapElement {
  selector: string;
  tag: string;
  text: string;
  points: number;
  sessions: number;
  /** Five numbers a cell: columns, rows, column, row, points. */
  cells: number[];
}

export interface PointMap {
  layer: string;
  points: number;
  sessions: number;
  sessionsEstimated: boolean;
  unlistedPoints: number;
  elements: HeatmapElement[];
}

export interface PagePosition {
  selector: string;
  x: number;
  y: number;
  points: number;
}

export interface PagePositions {
  cellPixels: number;
  positions: PagePosition[];
}

export interface AreaStats {
  points: number;
  sessions: number;
  sessionsEstimated: boolean;
}

export interface ScrollMap {
  pageViews: number;
  /** Page views that reached at least p % of the document, p = 0..100. */
  reachedPercent: number[];
  averageFoldPixels: number;
  averageDocumentHeight: number;
}

export interface PageSnapshotInfo {
  pageKey: string;
  device: DeviceClass;
  sessionId: string;
  pageNumber: number;
  takenAt: number;
  viewportWidth: number;
  viewportHeight: number;
  pinned: boolean;
  eventsUrl: string;
}

/** What one heatmap covers: a page or a page group, a device class (or all), a window. */
export interface HeatmapScope {
  page?: string;
  group?: string;
  device: HeatmapDevice;
  from: number;
  to: number;
  /** The dashboard's filters (`field:operator:value`): only the sessions that meet them all. */
  filters?: string[];
}

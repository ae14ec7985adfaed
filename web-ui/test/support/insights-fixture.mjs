// Insights for the fixture server: counts and timeline markers on some synthetic sessions, and the
// reports of docs/http-api.md (signals, JavaScript errors, forms) computed from the fixture sessions.

export const KINDS = ['RAGE_CLICK', 'DEAD_CLICK', 'ERROR_CLICK', 'QUICK_BACK', 'EXCESSIVE_SCROLL', 'JS_ERROR', 'FORM_ABANDON'];

const DEFINITIONS = {
  RAGE_CLICK: '3 or more clicks on one element within 1 s, inside a 30 px radius',
  DEAD_CLICK: 'A click with no page change, request or navigation within 2.5 s',
  ERROR_CLICK: 'A click followed by a JavaScript error within 1 s',
  QUICK_BACK: 'Back on the previous page within 7 s',
  EXCESSIVE_SCROLL: 'At least 6 scroll direction changes',
  JS_ERROR: 'An uncaught JavaScript error or unhandled promise rejection',
  FORM_ABANDON: 'A form started and left without submitting',
};

export const FORM = {
  pageKey: 'localhost:8080/demo/signup.html', form: '#signup-form', views: 40, starts: 24, completions: 15, abandonments: 9,
  fields: [
    { field: '#signup-name', fieldType: 'text', interactions: 24, abandonments: 2, medianFocusMs: 3200, refills: 0 },
    { field: '#signup-email', fieldType: 'email', interactions: 21, abandonments: 5, medianFocusMs: 6100, refills: 4 },
    { field: '#signup-password', fieldType: 'password', interactions: 17, abandonments: 2, medianFocusMs: 4400, refills: 1 },
  ],
};

/** Gives some synthetic sessions insights: counts on the session and markers on the timeline. */
export function addInsights(sessions) {
  for (const s of sessions) {
    const m = /^synthetic-(\d+)$/.exec(s.summary.sessionId);
    if (!m) continue;
    const i = Number(m[1]);
    const insights = {};
    const clicks = s.markers.filter((k) => k.kind === 'CLICK');
    if (i % 5 === 1 && clicks.length >= 2) {
      insights.RAGE_CLICK = 1;
      insights.DEAD_CLICK = 2;
      s.markers.push({ kind: 'RAGE_CLICK', pageNumber: clicks[0].pageNumber, at: clicks[0].at, label: `3 rapid clicks on ${clicks[0].label}` });
      for (const c of clicks.slice(0, 2)) s.markers.push({ kind: 'DEAD_CLICK', pageNumber: c.pageNumber, at: c.at, label: `No response to a click on ${c.label}` });
    }
    if (i % 7 === 2 && s.pages.length >= 2) {
      insights.QUICK_BACK = 1;
      s.markers.push({ kind: 'QUICK_BACK', pageNumber: s.pages[0].pageNumber, at: s.pages[1].startedAt, label: 'Back to /demo/ after 3.2 s' });
    }
    if (i % 6 === 3) {
      insights.FORM_ABANDON = 1;
      const last = s.pages.at(-1);
      s.markers.push({ kind: 'FORM_ABANDON', pageNumber: last.pageNumber, at: last.startedAt + 400, label: 'Left #signup-form at #signup-email' });
    }
    const errors = s.markers.filter((k) => k.kind === 'ERROR').length;
    if (errors > 0) insights.JS_ERROR = errors;
    s.summary.insights = insights;
    s.markers.sort((a, b) => a.at - b.at);
  }
}

function windowOf(url) {
  const now = Date.now();
  return { from: Number(url.searchParams.get('from') ?? now - 30 * 86_400_000), to: Number(url.searchParams.get('to') ?? now) };
}

function overview(sessions, from, to) {
  const inRange = sessions.filter((s) => !s.summary.bot && s.summary.startedAt >= from && s.summary.startedAt < to);
  return {
    from, to, sessions: inRange.length,
    kinds: KINDS.map((kind) => {
      const withIt = inRange.filter((s) => (s.summary.insights?.[kind] ?? 0) > 0);
      const events = withIt.reduce((n, s) => n + s.summary.insights[kind], 0);
      const hotspots = withIt.length === 0 ? [] : [
        { pageKey: 'localhost:8080/demo/pricing.html', selector: kind === 'QUICK_BACK' || kind === 'JS_ERROR' ? '' : '#apply-coupon', events: Math.ceil(events * 0.7), sessions: Math.ceil(withIt.length * 0.7) },
        { pageKey: 'localhost:8080/demo/', selector: kind === 'QUICK_BACK' || kind === 'JS_ERROR' ? '' : '#product-preview', events: Math.floor(events * 0.3), sessions: Math.floor(withIt.length * 0.3) },
      ].filter((h) => h.events > 0);
      return { kind, sessions: withIt.length, events, rate: inRange.length ? withIt.length / inRange.length : 0, definition: DEFINITIONS[kind], hotspots };
    }),
  };
}

function errorGroups(sessions, from, to) {
  const groups = new Map();
  for (const s of sessions) {
    if (s.summary.bot) continue;
    for (const marker of s.markers) {
      if (marker.kind !== 'ERROR' || marker.at < from || marker.at >= to) continue;
      const group = groups.get(marker.label) ?? { message: marker.label, source: 'http://localhost:8080/demo/demo.js', line: 47, column: 33, occurrences: 0, sessions: new Set(), firstSeen: marker.at, lastSeen: marker.at, recordings: [] };
      group.occurrences++;
      group.sessions.add(s.summary.sessionId);
      group.firstSeen = Math.min(group.firstSeen, marker.at);
      group.lastSeen = Math.max(group.lastSeen, marker.at);
      if (!group.recordings.some((r) => r.sessionId === s.summary.sessionId)) {
        group.recordings.push({ sessionId: s.summary.sessionId, sessionStartedAt: s.summary.startedAt, at: marker.at, offsetMs: marker.at - s.summary.startedAt });
      }
      groups.set(marker.label, group);
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g, sessions: g.sessions.size, recordings: g.recordings.sort((a, b) => b.at - a.at).slice(0, 5) }))
    .sort((a, b) => b.occurrences - a.occurrences);
}

/** Answers an insights request of the fixture server, or null when the path is not one. */
export function insightsResponse(method, url, sessionsByProject) {
  const m = url.pathname.match(/^\/api\/projects\/([^/]+)\/insights(?:\/(errors|forms))?$/);
  if (!m || method !== 'GET') return null;
  const sessions = sessionsByProject[decodeURIComponent(m[1])];
  if (!sessions) return { status: 404, body: { error: 'not_found', reason: 'No such project.' } };
  const { from, to } = windowOf(url);
  if (m[2] === 'errors') return { status: 200, body: { errors: errorGroups(sessions, from, to) } };
  if (m[2] === 'forms') return { status: 200, body: { forms: sessions.some((s) => s.summary.insights?.FORM_ABANDON) ? [FORM] : [] } };
  return { status: 200, body: overview(sessions, from, to) };
}

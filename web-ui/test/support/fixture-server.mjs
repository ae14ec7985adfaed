// A stand-in for the Java server in UI tests: serves the built dashboard and answers the API of
// docs/http-api.md from recorded fixtures. Listens on port 0; every API request is logged.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildHostileSession } from './hostile-fixture.mjs';
import { addInsights, insightsResponse } from './insights-fixture.mjs';
import { demoDir, fixturesDir, uiDir } from './paths.mjs';
import { serveFile } from './static-files.mjs';

export const OWNER = { email: 'owner@example.com', password: 'correct-horse-42' };

export const DASHBOARD_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
  'img-src * data: blob:', 'font-src * data:', 'media-src * blob:', "connect-src 'self'",
  "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const SNIPPET = '<script>window.sightline=window.sightline||function(){(sightline.q=sightline.q||[]).push(arguments)};</script>\n<script async src="http://localhost:8080/sightline.js?k=demo-site-key"></script>';

function shiftSession(session, newStart, overrides = {}) {
  const delta = newStart - session.summary.startedAt;
  return {
    summary: { ...session.summary, startedAt: session.summary.startedAt + delta, endedAt: session.summary.endedAt + delta, ...overrides },
    pages: session.pages.map((p) => ({
      ...p,
      startedAt: p.startedAt + delta,
      lastSeenAt: p.lastSeenAt + delta,
      events: p.events.map((e) => ({ ...e, timestamp: e.timestamp + delta })),
    })),
    markers: session.markers.map((m) => ({ ...m, at: m.at + delta })),
    tags: session.tags,
  };
}

const DEVICES = ['DESKTOP', 'MOBILE', 'DESKTOP', 'TABLET', 'DESKTOP', 'MOBILE'];
const BROWSERS = [['Chrome 156', 'Windows'], ['Safari 19', 'iOS'], ['Firefox 146', 'Linux'], ['Safari 19', 'iPadOS'], ['Edge 156', 'Windows'], ['Chrome 156', 'Android']];
const COUNTRIES = ['US', 'FR', 'JP', 'BR', 'DE', '--', 'GB', 'IN'];

/** Builds the sessions of the "demo" project: the recorded ones first, then synthetic copies. */
function buildSessions({ synthetic, hostile }) {
  const fixture = JSON.parse(readFileSync(join(fixturesDir, 'recordings.json'), 'utf8'));
  const now = Date.now();
  const sessions = [
    shiftSession(fixture.sessions.journey, now - 2 * 60_000),
    shiftSession(fixture.sessions.twoPages, now - 6 * 60_000),
  ];
  if (hostile) sessions.push(buildHostileSession(now - 20 * 60_000));
  for (let i = 0; i < synthetic; i++) {
    const base = i % 3 === 0 ? fixture.sessions.twoPages : fixture.sessions.journey;
    const [browser, os] = BROWSERS[i % BROWSERS.length];
    sessions.push(shiftSession(base, now - (i + 1) * 9 * 3_600_000, {
      sessionId: `synthetic-${String(i + 1).padStart(3, '0')}`,
      deviceClass: DEVICES[i % DEVICES.length], browser, os, country: COUNTRIES[i % COUNTRIES.length],
      newVisitor: i % 2 === 0, bot: i % 17 === 16, durationMs: undefined,
    }));
  }
  for (const s of sessions) s.summary.durationMs = s.summary.endedAt - s.summary.startedAt;
  addInsights(sessions);
  return sessions;
}

function chunkPages(session, chunkSize) {
  const chunks = [];
  for (const page of session.pages) {
    for (let seq = 0; seq * chunkSize < page.events.length; seq++) {
      chunks.push({ page: page.pageNumber, seq, events: page.events.slice(seq * chunkSize, (seq + 1) * chunkSize) });
    }
  }
  return chunks;
}

function parseCookies(header = '') {
  return Object.fromEntries(header.split(';').map((c) => c.trim().split('=')).filter(([k]) => k).map(([k, ...v]) => [k, v.join('=')]));
}

function readBody(req) {
  return new Promise((resolve) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      try {
        resolve(raw ? JSON.parse(raw) : null);
      } catch {
        resolve(undefined);
      }
    });
  });
}

/**
 * Options: setupRequired (no account yet), csp (send the dashboard CSP, default true), synthetic
 * (number of generated sessions, default 60), hostile (add the hostile session), chunkSize (events
 * per chunk, default 8), chunkGate ((page, seq) => a promise the chunk waits for, 'fail' for a 500, or nothing),
 * emptyProjects (only the empty project).
 */
export async function startFixtureServer(options = {}) {
  const {
    setupRequired = false, csp = true, synthetic = 60, hostile = false, chunkSize = 8,
    chunkGate = () => undefined, emptyProjects = false,
  } = options;
  const requests = [];
  const accounts = setupRequired ? [] : [{ id: 'acc-1', ...OWNER, owner: true }];
  const logins = new Map(); // session cookie → { accountId, csrf }
  const preCsrf = new Map(); // pre-login cookie → csrf
  const projects = emptyProjects
    ? [{ id: 'empty', name: 'Marketing site', siteKey: 'marketing-key', role: 'OWNER', snippet: SNIPPET.replace('demo-site-key', 'marketing-key') }]
    : [
        { id: 'demo', name: 'Pulseboard demo', siteKey: 'demo-site-key', role: 'OWNER', snippet: SNIPPET },
        { id: 'empty', name: 'Marketing site', siteKey: 'marketing-key', role: 'OWNER', snippet: SNIPPET.replace('demo-site-key', 'marketing-key') },
      ];
  const sessionsByProject = { demo: emptyProjects ? [] : buildSessions({ synthetic, hostile }), empty: [] };
  const token = () => randomBytes(12).toString('hex');

  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (res, status, code, reason) => json(res, status, { error: code, reason });

  function authState(login) {
    const account = login ? accounts.find((a) => a.id === login.accountId) : null;
    return {
      setupRequired: accounts.length === 0,
      account: account ? { id: account.id, email: account.email, owner: account.owner } : null,
      csrfToken: login ? login.csrf : null,
    };
  }

  function startLogin(res, account) {
    const cookie = token();
    const login = { accountId: account.id, csrf: token() };
    logins.set(cookie, login);
    json(res, 200, authState(login), { 'Set-Cookie': `sl_session=${cookie}; Path=/; HttpOnly; SameSite=Lax` });
  }

  async function api(req, res, url) {
    const cookies = parseCookies(req.headers.cookie);
    const login = logins.get(cookies.sl_session);
    const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) ? await readBody(req) : null;
    requests.push({ method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), csrf: req.headers['x-csrf-token'] ?? null, body });
    const route = `${req.method} ${url.pathname}`;

    if (route === 'GET /api/auth/state') {
      if (login) return json(res, 200, authState(login));
      // Before login the page still gets a token, bound to a cookie, for the setup and login forms.
      const pre = cookies.sl_pre && preCsrf.has(cookies.sl_pre) ? cookies.sl_pre : token();
      if (!preCsrf.has(pre)) preCsrf.set(pre, token());
      return json(res, 200, { ...authState(null), csrfToken: preCsrf.get(pre) }, { 'Set-Cookie': `sl_pre=${pre}; Path=/; HttpOnly; SameSite=Lax` });
    }

    if (req.method !== 'GET') {
      const expected = login ? login.csrf : preCsrf.get(cookies.sl_pre);
      if (!expected || req.headers['x-csrf-token'] !== expected) return error(res, 403, 'csrf', 'Missing or wrong X-CSRF-Token header.');
    }

    if (route === 'POST /api/auth/setup') {
      if (accounts.length > 0) return error(res, 409, 'setup_done', 'An account already exists.');
      if (!body?.email || typeof body.password !== 'string' || body.password.length < 10) return error(res, 400, 'invalid', 'Password must be at least 10 characters.');
      const account = { id: 'acc-1', email: body.email, password: body.password, owner: true };
      accounts.push(account);
      return startLogin(res, account);
    }
    if (route === 'POST /api/auth/login') {
      const account = accounts.find((a) => a.email === body?.email && a.password === body?.password);
      if (!account) return error(res, 401, 'bad_credentials', 'Wrong email or password.');
      return startLogin(res, account);
    }
    if (route === 'POST /api/auth/logout') {
      logins.delete(cookies.sl_session);
      res.writeHead(204, { 'Set-Cookie': 'sl_session=; Path=/; Max-Age=0' });
      return res.end();
    }

    if (!login) return error(res, 401, 'unauthenticated', 'Log in first.');

    if (route === 'GET /api/projects') return json(res, 200, projects);

    const insight = insightsResponse(req.method, url, sessionsByProject);
    if (insight) return json(res, insight.status, insight.body);

    const m = url.pathname.match(/^\/api\/projects\/([^/]+)\/sessions(?:\/([^/]+)(?:\/recording(?:\/(\d+)\/(\d+))?)?)?$/);
    if (!m || req.method !== 'GET') return error(res, 404, 'not_found', 'No such endpoint.');
    const [, projectId, sessionId, page, seq] = m.map((v) => (v === undefined ? v : decodeURIComponent(v)));
    const list = sessionsByProject[projectId];
    if (!list || !projects.some((p) => p.id === projectId)) return error(res, 404, 'not_found', 'No such project.');

    if (!sessionId) {
      const now = Date.now();
      const from = Number(url.searchParams.get('from') ?? now - 30 * 86_400_000);
      const to = Number(url.searchParams.get('to') ?? now);
      const sort = url.searchParams.get('sort') ?? 'start_time';
      const limit = Math.min(500, Number(url.searchParams.get('limit') ?? 50));
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const bots = url.searchParams.get('bots') === 'true';
      const insightKind = url.searchParams.get('insight');
      const key = { start_time: 'startedAt', duration: 'durationMs', clicks: 'clicks', pages: 'pages' }[sort];
      if (!key) return error(res, 400, 'invalid', 'Unknown sort.');
      const matching = list.map((s) => s.summary)
        .filter((s) => s.startedAt >= from && s.startedAt < to && (bots || !s.bot))
        .filter((s) => !insightKind || (s.insights?.[insightKind] ?? 0) > 0)
        .sort((a, b) => b[key] - a[key] || b.startedAt - a.startedAt);
      return json(res, 200, { sessions: matching.slice(offset, offset + limit), total: matching.length });
    }

    const session = list.find((s) => s.summary.sessionId === sessionId);
    if (!session) return error(res, 404, 'not_found', 'No such session.');
    const chunks = chunkPages(session, chunkSize);
    const base = `/api/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(sessionId)}/recording`;
    if (url.pathname.endsWith('/recording')) {
      return json(res, 200, {
        chunks: chunks.map((c) => ({ page: c.page, seq: c.seq, bytes: gzipSync(JSON.stringify(c.events)).length, url: `${base}/${c.page}/${c.seq}` })),
      });
    }
    if (page !== undefined) {
      const chunk = chunks.find((c) => c.page === Number(page) && c.seq === Number(seq));
      if (!chunk) return error(res, 404, 'not_found', 'No such chunk.');
      if ((await chunkGate(chunk.page, chunk.seq)) === 'fail') return error(res, 500, 'storage', 'The chunk could not be read.');
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Cache-Control': 'private, max-age=3600' });
      return res.end(gzipSync(JSON.stringify(chunk.events)));
    }
    const { pages, markers, tags, summary } = session;
    return json(res, 200, { summary, pages: pages.map(({ events, ...p }) => ({ ...p, durationMs: p.lastSeenAt - p.startedAt })), markers, tags });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    try {
      if (url.pathname.startsWith('/api/')) return await api(req, res, url);
      if (url.pathname.startsWith('/assets/') && (await serveFile(res, join(uiDir, 'assets'), url.pathname.slice('/assets/'.length)))) return;
      if (url.pathname.startsWith('/demo/')) {
        const rel = url.pathname === '/demo/' ? 'index.html' : url.pathname.slice('/demo/'.length);
        if (await serveFile(res, demoDir, rel)) return;
      }
      if (url.pathname === '/sightline.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        return res.end('/* tracker stand-in */');
      }
      if (req.method === 'GET' && !url.pathname.startsWith('/assets/')) {
        const headers = csp ? { 'Content-Security-Policy': DASHBOARD_CSP } : {};
        if (await serveFile(res, uiDir, 'index.html', headers)) return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e?.stack ?? e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    requests,
    sessions: sessionsByProject.demo,
    session: (id) => sessionsByProject.demo.find((s) => s.summary.sessionId === id),
    /** Logs a browser context in without the UI. */
    async login(context) {
      const cookie = token();
      logins.set(cookie, { accountId: accounts[0].id, csrf: token() });
      await context.addCookies([{ name: 'sl_session', value: cookie, url: origin }]);
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

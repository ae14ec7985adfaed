import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { close, inReplay, playerState, playerTime, useBrowser, waitForPlayerState } from './support/harness.mjs';

const env = useBrowser();
const heading = (page) => inReplay(page, (doc) => doc?.querySelector('h1')?.textContent ?? null);
const HEADINGS = { '/demo/': 'Metrics your whole team actually reads', '/demo/pricing.html': 'Simple pricing that grows with you', '/demo/signup.html': 'Start your 14-day free trial' };

/** The heading a recorded session shows at a session time. */
function headingAt(session, ms) {
  const page = session.pages.filter((p) => p.startedAt - session.summary.startedAt < ms).at(-1);
  return HEADINGS[new URL(page.url).pathname];
}

describe('session player', () => {
  test('reaches ready and replays the recorded page inside an iframe sandboxed without allow-scripts', async () => {
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0');
    assert.equal(await waitForPlayerState(page, 'ready'), 'ready');
    const sandbox = await page.getAttribute('#replay-root iframe', 'sandbox');
    assert.equal(sandbox, 'allow-same-origin');
    assert.ok(!sandbox.includes('allow-scripts'));
    assert.equal(await page.locator('#replay-root iframe').count(), 1);
    assert.equal(await heading(page), 'Metrics your whole team actually reads');
    assert.deepEqual(page.pageErrors, []);
    await close(page);
  });

  test('starts playing on its own when opened without ?t=', async () => {
    const page = await env.open('/p/demo/recordings/fixture-journey');
    assert.equal(await waitForPlayerState(page, ['playing', 'ended']), 'playing');
    await page.waitForFunction(() => Number(document.querySelector('#player').dataset.playerTime) > 300);
    await close(page);
  });

  test('?t= opens the second page of a two-page recording', async () => {
    const session = env.server.session('fixture-two-pages');
    const t = session.pages[1].startedAt - session.summary.startedAt + 300;
    const page = await env.open(`/p/demo/recordings/fixture-two-pages?t=${t}`);
    await waitForPlayerState(page, 'ready');
    assert.equal(await heading(page), 'Simple pricing that grows with you');
    assert.ok(Math.abs((await playerTime(page)) - t) < 50, 'data-player-time tells where the player is');
    assert.match(await page.textContent('#now-showing'), /Page 2 of 2/);
    await close(page);
  });

  test('the seek bar carries a marker for every page view, click, error and custom event', async () => {
    const session = env.server.session('fixture-journey');
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0');
    await waitForPlayerState(page, 'ready');
    const markers = await page.$$eval('#seek-markers .marker', (ms) => ms.map((m) => ({ kind: m.dataset.kind, label: m.getAttribute('aria-label'), left: parseFloat(m.style.left) })));
    assert.equal(markers.length, session.markers.length);
    assert.deepEqual([...new Set(markers.map((m) => m.kind))].sort(), ['CLICK', 'ERROR', 'EVENT', 'PAGE']);
    const error = markers.find((m) => m.kind === 'ERROR');
    assert.match(error.label, /Error at 0:0\d: Uncaught TypeError/);
    assert.ok(markers.every((m) => m.left >= 0 && m.left <= 100));
    const shapes = await page.$$eval('#seek-markers .marker-shape', (els) => new Set(els.map((e) => getComputedStyle(e).backgroundColor)).size);
    assert.ok(shapes >= 4, 'each kind has its own colour');
    await close(page);
  });

  test('clicking a marker jumps to just before it', async () => {
    const session = env.server.session('fixture-journey');
    const eventAt = session.markers.find((m) => m.kind === 'EVENT').at - session.summary.startedAt;
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0');
    await waitForPlayerState(page, 'ready');
    await page.click('#seek-markers .marker[data-kind="EVENT"]');
    await page.waitForFunction((want) => Math.abs(Number(document.querySelector('#player').dataset.playerTime) - want) < 50, eventAt - 1500);
    assert.equal(await playerState(page), 'ready');
    assert.equal(await heading(page), headingAt(session, eventAt - 1500));
    await close(page);
  });

  test('the list of pages visited jumps to a page', async () => {
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0');
    await waitForPlayerState(page, 'ready');
    assert.equal(await page.locator('#page-list .journey-page').count(), 5);
    await page.click('#page-list .journey-page[data-page-number="4"] .journey-page-button');
    await page.waitForFunction(() => document.querySelector('#replay-root iframe')?.contentDocument?.querySelector('h1')?.textContent === 'Start your 14-day free trial');
    assert.match(await page.textContent('#now-showing'), /Page 4 of 5/);
    assert.equal(await page.getAttribute('#page-list .journey-page[data-page-number="4"]', 'class'), 'journey-page active');
    await close(page);
  });

  test('keyboard shortcuts play, pause, seek and change the speed; a pause writes ?t= into the URL', async () => {
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0');
    await waitForPlayerState(page, 'ready');
    await page.keyboard.press('Space');
    assert.equal(await waitForPlayerState(page, 'playing'), 'playing');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    assert.equal(await waitForPlayerState(page, 'paused'), 'paused');
    const paused = await playerTime(page);
    assert.ok(paused > 0);
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('t') === String(t), paused);

    const duration = env.server.session('fixture-journey').summary.durationMs;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((t) => Number(document.querySelector('#player').dataset.playerTime) >= t - 100, Math.min(paused + 5000, duration));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => Number(document.querySelector('#player').dataset.playerTime) < 1000);

    await page.keyboard.press('4');
    assert.equal(await page.getAttribute('#speed-control [data-speed="4"]', 'aria-pressed'), 'true');
    await page.keyboard.press('1');
    assert.equal(await page.getAttribute('#speed-control [data-speed="0.5"]', 'aria-pressed'), 'true');
    assert.equal(await page.isChecked('#skip-inactivity'), true, 'skipping inactivity is on by default');
    await page.keyboard.press('s');
    assert.equal(await page.isChecked('#skip-inactivity'), false);
    await close(page);
  });

  test('clicking the replay toggles playback', async () => {
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0');
    await waitForPlayerState(page, 'ready');
    await page.click('.replay-frame');
    assert.equal(await waitForPlayerState(page, 'playing'), 'playing');
    await page.click('.replay-frame');
    assert.equal(await waitForPlayerState(page, 'paused'), 'paused');
    await close(page);
  });

  test('a chunk that cannot be downloaded after playback started leaves the rest playable and says so', async () => {
    const server = await env.startServer({ chunkGate: (pageNumber) => (pageNumber >= 3 ? 'fail' : undefined) });
    const page = await env.open('/p/demo/recordings/fixture-journey', { server });
    await page.waitForSelector('.toast-error');
    assert.match(await page.textContent('.toast-error'), /could not be downloaded/);
    await page.keyboard.press('5');
    assert.equal(await waitForPlayerState(page, 'ended'), 'ended');
    await close(page);
  });

  test('plays to the end and offers to watch again', async () => {
    const page = await env.open('/p/demo/recordings/fixture-two-pages');
    await page.keyboard.press('5');
    assert.equal(await waitForPlayerState(page, 'ended'), 'ended');
    await page.keyboard.press('1');
    await page.click('#replay-again');
    assert.equal(await waitForPlayerState(page, 'playing'), 'playing');
    await close(page);
  });

  test('playback starts on the first chunks, before the rest of the recording has downloaded', async () => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const served = [];
    const server = await env.startServer({
      chunkSize: 4,
      chunkGate: (pageNumber, seq) => {
        served.push(`${pageNumber}/${seq}`);
        return pageNumber === 1 ? undefined : held;
      },
    });
    const page = await env.open('/p/demo/recordings/fixture-journey', { server });
    assert.equal(await waitForPlayerState(page, ['playing', 'ready']), 'playing', 'playing while most chunks are held back');
    assert.equal(await heading(page), 'Metrics your whole team actually reads');
    assert.ok(await page.$eval('.seek-loaded', (el) => parseFloat(el.style.width) < 100), 'the rest is still downloading');
    assert.ok(served.length < 12, `chunks are fetched a few at a time, in order (${served.join(' ')})`);
    await page.keyboard.press('5');
    assert.equal(await waitForPlayerState(page, 'loading'), 'loading', 'waits for the rest at the end of what has arrived');
    release();
    await page.waitForFunction(() => parseFloat(document.querySelector('.seek-loaded').style.width) === 100);
    assert.equal(await waitForPlayerState(page, 'ended', 30_000), 'ended');
    await close(page);
  });

  test('the replay is scaled to fit and keeps the recorded aspect ratio', async () => {
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0', { contextOptions: { viewport: { width: 1200, height: 760 } } });
    await waitForPlayerState(page, 'ready');
    const frame = await page.locator('.replay-frame').boundingBox();
    const stage = await page.locator('#replay-stage').boundingBox();
    assert.ok(Math.abs(frame.width / frame.height - 1280 / 800) < 0.01);
    assert.ok(frame.width <= stage.width && frame.height <= stage.height);
    assert.match(await page.textContent('#viewport-size'), /^1280 × 800/);
    await close(page);
  });

  test('the details tab shows the session metadata as text', async () => {
    const page = await env.open('/p/demo/recordings/fixture-journey?t=0');
    await waitForPlayerState(page, 'ready');
    await page.click('#tab-details');
    const text = await page.textContent('#session-details');
    const s = env.server.session('fixture-journey').summary;
    for (const expected of ['Chrome 156', 'Linux', 'Germany', 'Direct', 'New', 'plan', 'pro', s.userHash, s.entryUrl, s.exitUrl]) {
      assert.ok(text.includes(expected), `details mention ${expected}`);
    }
    await close(page);
  });

  test('an unknown session shows a friendly not-found page with a way back', async () => {
    const page = await env.open('/p/demo/recordings/no-such-session');
    await page.waitForSelector('#not-found');
    assert.match(await page.textContent('#not-found'), /Recording not found/);
    assert.equal(await playerState(page), 'error');
    await page.click('#not-found-back');
    await page.waitForURL('**/p/demo/recordings');
    await close(page);
  });

  test('the dashboard and the replay work under the content security policy', async () => {
    const page = await env.open('/p/demo/recordings', { login: true });
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.waitForSelector('.recording-row');
    const csp = (await page.request.get(env.server.origin + '/p/demo/recordings')).headers()['content-security-policy'];
    assert.match(csp, /script-src 'self'/);
    await page.click('.recording-row:first-child .row-link');
    await waitForPlayerState(page, ['playing', 'ended']);
    await page.waitForTimeout(500);
    assert.deepEqual(violations, []);
    assert.deepEqual(page.pageErrors, []);
    await close(page);
  });
});

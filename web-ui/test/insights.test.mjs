import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { close, playerTime, useBrowser, waitForPlayerState } from './support/harness.mjs';
import { FORM } from './support/insights-fixture.mjs';

const env = useBrowser();
const DAY = 86_400_000;

function requestsTo(path) {
  return env.server.requests.filter((r) => r.method === 'GET' && r.path === path);
}

function nonBotSessions() {
  return env.server.sessions.filter((s) => !s.summary.bot);
}

function withInsight(kind) {
  return nonBotSessions().filter((s) => (s.summary.insights?.[kind] ?? 0) > 0);
}

describe('insights page', () => {
  test('shows every signal with its share of sessions as a bar, its counts, definition and hotspots', async () => {
    const page = await env.open('/p/demo/insights');
    await page.waitForSelector('#signal-cards .signal-card');
    assert.equal(await page.locator('.signal-card').count(), 7);
    assert.match(await page.textContent('#insights-summary'), new RegExp(`${nonBotSessions().length} sessions`));

    const rage = page.locator('.signal-card[data-kind="RAGE_CLICK"]');
    const rageSessions = withInsight('RAGE_CLICK').length;
    assert.ok(rageSessions > 0);
    assert.match(await rage.locator('h2').textContent(), /Rage clicks/);
    assert.match(await rage.locator('.signal-sessions').textContent(), new RegExp(`^${rageSessions} sessions?$`));
    const expected = (rageSessions / nonBotSessions().length) * 100;
    assert.equal(await rage.locator('.signal-rate').textContent(), `${expected < 10 ? expected.toFixed(1).replace(/\.0$/, '') : Math.round(expected)}%`);
    const barWidth = await rage.locator('.share-bar span').first().evaluate((el) => parseFloat(el.style.width));
    assert.ok(Math.abs(barWidth - expected) < 0.01, `the bar is ${barWidth}% wide for ${expected}%`);
    assert.match(await rage.locator('.signal-definition').textContent(), /3 or more clicks/);
    assert.equal(await rage.locator('.hotspots li').count(), 2);
    assert.match(await rage.locator('.hotspots li').first().textContent(), /#apply-coupon\/demo\/pricing\.html/);

    const scroll = page.locator('.signal-card[data-kind="EXCESSIVE_SCROLL"]');
    assert.equal(await scroll.locator('.signal-rate').textContent(), '0%');
    assert.match(await scroll.textContent(), /None in this range/);
    assert.equal(await scroll.locator('.signal-recordings').count(), 0, 'no link to an empty list');
    assert.deepEqual(page.pageErrors, []);
    await close(page);
  });

  test("a signal's recordings link opens the recordings list filtered by it, with its badges", async () => {
    const page = await env.open('/p/demo/insights?range=7d');
    await page.waitForSelector('.signal-card[data-kind="RAGE_CLICK"] .signal-recordings');
    await page.click('.signal-card[data-kind="RAGE_CLICK"] .signal-recordings');
    await page.waitForURL('**/p/demo/recordings?range=7d&insight=RAGE_CLICK');
    await page.waitForSelector('.recording-row');
    const q = requestsTo('/api/projects/demo/sessions').at(-1).query;
    assert.equal(q.insight, 'RAGE_CLICK');
    assert.ok(Math.abs(Number(q.to) - Number(q.from) - 7 * DAY) < 1000);
    assert.equal(await page.inputValue('#signal'), 'RAGE_CLICK');
    const rows = await page.locator('.recording-row').count();
    const expected = withInsight('RAGE_CLICK').filter((s) => s.summary.startedAt > Date.now() - 7 * DAY).length;
    assert.equal(rows, expected);
    assert.equal(await page.locator('.recording-row .insight-badge[data-kind="RAGE_CLICK"]').count(), rows);
    assert.match(await page.locator('.insight-badge[data-kind="DEAD_CLICK"]').first().getAttribute('title'), /^2 dead clicks$/);
    await close(page);
  });

  test('the recordings list filters by signal from its toolbar and keeps it in the URL', async () => {
    const page = await env.open('/p/demo/recordings?limit=100');
    await page.waitForSelector('.recording-row');
    await page.selectOption('#signal', 'QUICK_BACK');
    await page.waitForURL('**/recordings?limit=100&insight=QUICK_BACK');
    await page.waitForFunction((n) => document.querySelectorAll('.recording-row').length === n && !document.querySelector('.is-loading'),
      withInsight('QUICK_BACK').length);
    await page.reload();
    await page.waitForSelector('.recording-row');
    assert.equal(await page.inputValue('#signal'), 'QUICK_BACK');
    await page.selectOption('#signal', '');
    await page.waitForURL('**/recordings?limit=100');
    await close(page);
  });

  test('a signal without recordings explains itself and offers all recordings', async () => {
    const page = await env.open('/p/demo/recordings?insight=ERROR_CLICK');
    await page.waitForSelector('#reset-filters');
    assert.match(await page.textContent('.empty-state h2'), /No recordings with error clicks in this range/);
    await page.click('#reset-filters');
    await page.waitForURL('**/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    await close(page);
  });

  test('JavaScript errors are grouped with counts and open the player at the moment of the error', async () => {
    const page = await env.open('/p/demo/insights/errors');
    await page.waitForSelector('#error-groups .error-group');
    const group = page.locator('.error-group').first();
    assert.match(await group.locator('.error-message strong').textContent(), /TypeError/);
    assert.match(await group.locator('.error-message span').textContent(), /\/demo\/demo\.js:47:33$/);
    const errorSessions = nonBotSessions().filter((s) => s.markers.some((m) => m.kind === 'ERROR'));
    assert.equal(await group.locator('.error-sessions').textContent(), String(errorSessions.length));
    assert.equal(await group.locator('.recording-link').count(), Math.min(5, errorSessions.length));
    assert.equal(await page.getAttribute('#insights-tab-errors', 'aria-current'), 'page');

    const link = group.locator('.recording-link').first();
    const href = await link.getAttribute('href');
    const t = Number(new URL(href, env.server.origin).searchParams.get('t'));
    await link.click();
    await page.waitForURL(/\/recordings\/[^/?]+\?t=\d+$/);
    await waitForPlayerState(page, 'ready');
    assert.ok(Math.abs((await playerTime(page)) - t) < 50, 'the player waits at the error');
    await close(page);
  });

  test('the forms view draws the funnel and each field as bars', async () => {
    const page = await env.open('/p/demo/insights/forms');
    await page.waitForSelector('#form-reports .form-card');
    const card = page.locator('.form-card').first();
    assert.equal(await card.locator('h2').textContent(), FORM.form);
    const widths = await card.locator('.funnel-step .share-bar span').evaluateAll((els) => els.map((e) => parseFloat(e.style.width)));
    assert.deepEqual(widths, [100, (FORM.starts / FORM.views) * 100, (FORM.completions / FORM.views) * 100]);
    assert.match(await card.locator('.form-abandon-rate').textContent(), /38% abandoned/);
    assert.deepEqual(await card.locator('.form-field').evaluateAll((rows) => rows.map((r) => r.dataset.field)), FORM.fields.map((f) => f.field));
    const email = card.locator('.form-field[data-field="#signup-email"]');
    assert.equal(await email.locator('.field-refills').textContent(), '4');
    assert.match(await email.textContent(), /6\.1 s/);
    const left = await email.locator('.field-left .share-bar span').evaluate((el) => parseFloat(el.style.width));
    assert.ok(Math.abs(left - (5 / 9) * 100) < 0.01);
    await close(page);
  });

  test('an empty project explains what each view will show', async () => {
    const page = await env.open('/p/empty/insights');
    await page.waitForSelector('#signal-cards');
    assert.match(await page.textContent('#insights-summary'), /0 sessions/);
    await page.click('#insights-tab-errors');
    await page.waitForURL('**/p/empty/insights/errors');
    await page.waitForSelector('.empty-state');
    assert.match(await page.textContent('.empty-state h2'), /No JavaScript errors in this range/);
    await page.click('#insights-tab-forms');
    await page.waitForSelector('.empty-state h2:has-text("No form interactions")');
    assert.match(await page.textContent('.empty-state'), /Values never leave the browser/);
    await close(page);
  });

  test('the date range reaches every report and survives switching views', async () => {
    const page = await env.open('/p/demo/insights');
    await page.waitForSelector('.signal-card');
    await page.click('#range-today');
    await page.waitForURL('**/p/demo/insights?range=today');
    await page.click('#insights-tab-forms');
    await page.waitForURL('**/p/demo/insights/forms?range=today');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const q = requestsTo('/api/projects/demo/insights/forms').at(-1).query;
    const midnight = new Date(); midnight.setHours(0, 0, 0, 0);
    assert.equal(Number(q.from), midnight.getTime());
    assert.ok(await page.locator('#nav-insights.active').count(), 'the sidebar marks Insights');
    await close(page);
  });

  test('insight markers sit on the timeline with their own shapes, and a click jumps to them', async () => {
    const session = nonBotSessions().find((s) => s.markers.some((m) => m.kind === 'RAGE_CLICK'));
    const page = await env.open(`/p/demo/recordings/${session.summary.sessionId}?t=0`);
    await waitForPlayerState(page, 'ready');
    const kinds = await page.$$eval('#seek-markers .marker', (ms) => ms.map((m) => m.dataset.kind));
    assert.ok(kinds.includes('RAGE_CLICK') && kinds.includes('DEAD_CLICK'));
    const colours = await page.$$eval('#seek-markers .marker[data-kind="RAGE_CLICK"] .marker-shape, #seek-markers .marker[data-kind="DEAD_CLICK"] .marker-shape, #seek-markers .marker[data-kind="CLICK"] .marker-shape',
      (els) => new Set(els.map((e) => getComputedStyle(e).backgroundColor + getComputedStyle(e).borderColor)).size);
    assert.equal(colours, 3, 'rage, dead and plain clicks look different');
    const rage = session.markers.find((m) => m.kind === 'RAGE_CLICK');
    await page.click('#seek-markers .marker[data-kind="RAGE_CLICK"]');
    await page.waitForFunction((at) => Math.abs(Number(document.querySelector('#player').dataset.playerTime) - at) < 100,
      Math.max(0, rage.at - session.summary.startedAt - 1500));
    assert.match(await page.textContent('#page-list'), /3 rapid clicks on/);
    assert.equal(await page.locator('#page-list .journey-event.event-rage_click').count(), 1);
    await close(page);
  });
});

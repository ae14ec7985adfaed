import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { close, useBrowser } from './support/harness.mjs';

const env = useBrowser();
const DAY = 86_400_000;

function sessionRequests(server, projectId = 'demo') {
  return server.requests.filter((r) => r.method === 'GET' && r.path === `/api/projects/${projectId}/sessions`);
}

describe('recordings list', () => {
  test('lists the newest sessions first with duration, pages, clicks, errors, device, browser, country, entry page and visitor type', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    assert.equal(await page.locator('.recording-row').count(), 50);
    assert.match(await page.textContent('#recordings-count'), /^59 recordings/);
    assert.match(await page.textContent('#pagination-range'), /1–50 of 59/);

    const first = page.locator('.recording-row').first();
    assert.equal(await first.getAttribute('data-session-id'), 'fixture-journey');
    const cells = (await first.locator('td').allTextContents()).map((c) => c.trim());
    const journey = env.server.session('fixture-journey').summary;
    assert.match(cells[0], /minutes? ago/);
    assert.equal(cells[3], String(journey.pages));
    assert.equal(cells[4], String(journey.clicks));
    assert.equal(cells[5], '1');
    assert.equal(cells[7], 'Chrome 156 · Linux');
    assert.equal(cells[8], 'DE');
    assert.equal(cells[9], '/demo/');
    assert.equal(cells[10], 'New');
    assert.ok(await first.locator('.cell-device svg[aria-label="Desktop"]').count());
    assert.match(await first.locator('.row-link').getAttribute('title'), /\d{4}/, 'the absolute time is on hover');
    await close(page);
  });

  test('asks the API for the last 30 days by default, sorted by start time, 50 at a time', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    const q = sessionRequests(env.server).at(-1).query;
    assert.equal(q.sort, 'start_time');
    assert.equal(q.limit, '50');
    assert.equal(q.offset, '0');
    assert.ok(Math.abs(Number(q.to) - Number(q.from) - 30 * DAY) < 1000);
    assert.ok(Math.abs(Number(q.to) - Date.now()) < 60_000);
    assert.equal(q.bots, undefined);
    await close(page);
  });

  test('sort, date range and page live in the URL, reach the API, and survive a reload', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row');

    await page.selectOption('#sort', 'clicks');
    await page.waitForURL('**/recordings?sort=clicks');
    await page.click('#range-7d');
    await page.waitForURL('**/recordings?range=7d&sort=clicks');
    await page.waitForFunction(() => !document.querySelector('.table-card.is-loading'));
    let q = sessionRequests(env.server).at(-1).query;
    assert.equal(q.sort, 'clicks');
    assert.ok(Math.abs(Number(q.to) - Number(q.from) - 7 * DAY) < 1000);
    const rows7d = await page.locator('.recording-row').count();
    assert.ok(rows7d > 0 && rows7d < 50, `a week holds fewer sessions (${rows7d})`);

    await page.click('#range-30d');
    await page.waitForURL('**/recordings?sort=clicks');
    await page.click('#page-next');
    await page.waitForURL('**/recordings?sort=clicks&page=2');
    await page.waitForFunction(() => document.querySelectorAll('.recording-row').length === 9);
    q = sessionRequests(env.server).at(-1).query;
    assert.equal(q.offset, '50');

    await page.reload();
    await page.waitForSelector('.recording-row');
    assert.equal(await page.inputValue('#sort'), 'clicks');
    assert.match(await page.textContent('#pagination-range'), /51–59 of 59/);
    await close(page);
  });

  test('a custom date range asks for whole days and keeps them in the URL', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    await page.click('#range-custom');
    const today = new Date();
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 2);
    await page.fill('#range-from', iso(from));
    await page.fill('#range-to', iso(today));
    await page.click('#range-apply');
    await page.waitForURL(`**/recordings?range=custom&from=${iso(from)}&to=${iso(today)}`);
    await page.waitForFunction(() => !document.querySelector('.table-card.is-loading'));
    const q = sessionRequests(env.server).at(-1).query;
    assert.equal(Number(q.from), from.getTime());
    assert.equal(Number(q.to), new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime());
    await close(page);
  });

  test('bots are left out unless asked for', async () => {
    const page = await env.open('/p/demo/recordings?limit=100');
    await page.waitForSelector('.recording-row');
    assert.equal(await page.locator('.recording-row').count(), 59);
    await page.check('#include-bots');
    await page.waitForURL('**/recordings?limit=100&bots=1');
    await page.waitForFunction(() => document.querySelectorAll('.recording-row').length === 62);
    assert.equal(sessionRequests(env.server).at(-1).query.bots, 'true');
    assert.equal(await page.locator('.recording-row .badge-warn').count(), 3);
    await close(page);
  });

  test('clicking a row opens the player of that session', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    await page.click('.recording-row:nth-child(2) td.cell-url');
    await page.waitForURL('**/p/demo/recordings/fixture-two-pages');
    await page.waitForSelector('#player');
    await page.click('#back-to-recordings');
    await page.waitForURL('**/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    await close(page);
  });

  test('a project without recordings explains the next step with its snippet, a copy button and the demo site', async () => {
    const page = await env.open('/p/empty/recordings', { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await page.waitForSelector('#install-snippet');
    assert.match(await page.textContent('.empty-state h2'), /No recordings yet/);
    const project = (await page.evaluate(async () => (await fetch('/api/projects')).json())).find((p) => p.id === 'empty');
    assert.equal(await page.textContent('#install-snippet'), project.snippet);
    assert.equal(await page.getAttribute('#open-demo', 'href'), '/demo/');
    await page.click('#copy-snippet');
    await page.waitForSelector('.toast-success');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), project.snippet);
    await close(page);
  });

  test('an empty date range offers to widen it instead of the install instructions', async () => {
    const page = await env.open('/p/demo/recordings?range=custom&from=2020-01-01&to=2020-01-02');
    await page.waitForSelector('#reset-filters');
    assert.equal(await page.locator('#install-snippet').count(), 0);
    await page.click('#reset-filters');
    await page.waitForURL('**/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    await close(page);
  });
});

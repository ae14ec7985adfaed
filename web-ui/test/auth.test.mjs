import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newPage } from './support/chromium.mjs';
import { OWNER } from './support/fixture-server.mjs';
import { close, useBrowser } from './support/harness.mjs';

const env = useBrowser();

function lastRequest(server, method, path) {
  return server.requests.filter((r) => r.method === method && r.path === path).at(-1);
}

async function stateToken(page) {
  return page.evaluate(async () => (await (await fetch('/api/auth/state')).json()).csrfToken);
}

describe('first-run setup', () => {
  test('a fresh installation sends every visitor to the setup page', async () => {
    const server = await env.startServer({ setupRequired: true });
    const page = await env.open('/p/demo/recordings', { server, login: false });
    await page.waitForSelector('#setup-form');
    assert.equal(new URL(page.url()).pathname, '/setup');
    await close(page);
  });

  test('the setup form refuses a short password and explains the rule', async () => {
    const server = await env.startServer({ setupRequired: true });
    const page = await env.open('/setup', { server, login: false });
    await page.fill('#setup-email', 'owner@example.com');
    await page.fill('#setup-password', 'short');
    assert.match(await page.textContent('#password-strength'), /Too short/);
    await page.fill('#setup-confirm', 'short');
    await page.click('#setup-submit');
    assert.match(await page.textContent('#setup-password-error'), /at least 10 characters/);
    assert.equal(server.requests.filter((r) => r.path === '/api/auth/setup').length, 0, 'nothing was sent');
    await close(page);
  });

  test('creating the owner account posts to /api/auth/setup with the CSRF header and opens the first project', async () => {
    const server = await env.startServer({ setupRequired: true });
    const page = await env.open('/setup', { server, login: false });
    await page.fill('#setup-email', 'first@example.com');
    await page.fill('#setup-password', 'Tr0mbone-Lagoon-42');
    assert.match(await page.textContent('#password-strength'), /strong/i);
    await page.fill('#setup-confirm', 'Tr0mbone-Lagoon-42');
    const token = await stateToken(page);
    await page.click('#setup-submit');
    await page.waitForURL('**/p/demo/recordings');
    await page.waitForSelector('.recording-row');

    const setup = lastRequest(server, 'POST', '/api/auth/setup');
    assert.deepEqual(setup.body, { email: 'first@example.com', password: 'Tr0mbone-Lagoon-42' });
    assert.equal(setup.csrf, token);
    assert.ok(lastRequest(server, 'GET', '/api/projects'), 'the projects were loaded');
    assert.match(await page.textContent('#account-button'), /first@example\.com/);
    await close(page);
  });
});

describe('login and logout', () => {
  test('a visitor without a session is sent to the login page and back to where they were going', async () => {
    const page = await env.open('/p/demo/recordings?sort=clicks', { login: false });
    await page.waitForSelector('#login-form');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/p/demo/recordings?sort=clicks');

    await page.fill('#login-email', OWNER.email);
    await page.fill('#login-password', 'wrong password');
    await page.click('#login-submit');
    assert.match(await page.textContent('#login-error'), /do not match/);

    const token = await stateToken(page);
    await page.fill('#login-password', OWNER.password);
    await page.click('#login-submit');
    await page.waitForURL('**/p/demo/recordings?sort=clicks');
    await page.waitForSelector('.recording-row');
    const login = lastRequest(env.server, 'POST', '/api/auth/login');
    assert.deepEqual(login.body, { email: OWNER.email, password: OWNER.password });
    assert.equal(login.csrf, token);
    await close(page);
  });

  test('logging out from the account menu sends the CSRF token of the login and shows the login page', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.origin + '/login');
    await page.fill('#login-email', OWNER.email);
    await page.fill('#login-password', OWNER.password);
    const loginResponse = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await page.click('#login-submit');
    const { csrfToken } = await (await loginResponse).json();
    await page.waitForSelector('.recording-row');

    await page.click('#account-button');
    await page.click('#logout');
    await page.waitForSelector('#login-form');
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(lastRequest(env.server, 'POST', '/api/auth/logout').csrf, csrfToken);
    await close(page);
  });

  test('a session that ends while the dashboard is open leads back to the login page', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    await page.context().clearCookies();
    await page.click('.recording-row:first-child .row-link');
    await page.waitForSelector('#login-form');
    const next = new URL(page.url()).searchParams.get('next');
    assert.match(next, /^\/p\/demo\/recordings\/fixture-journey/);
    await close(page);
  });
});

describe('shell', () => {
  test('the project switcher lists every project and switches to another one', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row');
    await page.click('#project-switcher');
    const names = await page.$$eval('.project-menu [role=option]', (items) => items.map((i) => i.textContent));
    assert.equal(names.length, 2);
    await page.click('.project-menu [role=option]:nth-child(2) button');
    await page.waitForURL('**/p/empty/recordings');
    await page.waitForSelector('#install-snippet');
    assert.match(await page.textContent('#project-switcher'), /Marketing site/);
    await close(page);
  });

  test('the sidebar only links to pages that exist', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.side-nav');
    const links = await page.$$eval('.side-nav a', (as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
    assert.deepEqual(links, [['Dashboard', '/p/demo/dashboard'], ['Recordings', '/p/demo/recordings'], ['Heatmaps', '/p/demo/heatmaps'],
      ['Insights', '/p/demo/insights'], ['Funnels', '/p/demo/funnels'], ['Settings', '/p/demo/settings/general']]);
    await close(page);
  });

  test('unknown pages and projects get a friendly not-found page', async () => {
    const page = await env.open('/p/nope/recordings');
    await page.waitForSelector('#not-found');
    assert.match(await page.textContent('#not-found'), /Project not found/);
    await page.goto(env.server.origin + '/somewhere/else');
    await page.waitForSelector('#not-found');
    assert.match(await page.textContent('#not-found'), /Page not found/);
    await page.click('#not-found-back');
    await page.waitForURL('**/p/demo/recordings');
    await close(page);
  });
});

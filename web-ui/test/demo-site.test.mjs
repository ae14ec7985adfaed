import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { newPage } from './support/chromium.mjs';
import { close, useBrowser } from './support/harness.mjs';
import { demoDir } from './support/paths.mjs';

const env = useBrowser({ synthetic: 0 });
const SNIPPET = [
  '<script>window.sightline=window.sightline||function(){(sightline.q=sightline.q||[]).push(arguments)};</script>',
  '<script async src="/sightline.js?k=demo-site-key"></script>',
].join('\n');

async function openDemo(path, viewport = { width: 1280, height: 800 }) {
  const page = await newPage(env.browser, { viewport });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(env.server.origin)) external.push(r.url()); });
  page.external = external;
  await page.goto(env.server.origin + path);
  return page;
}

/** The calls the page queued for the tracker (the test's tracker stand-in leaves the queue alone). */
const queued = (page) => page.evaluate(() => (window.sightline.q || []).map((args) => Array.from(args)));

describe('demo site', () => {
  test('every page installs the tracker with exactly the documented snippet', async () => {
    const pages = (await readdir(demoDir)).filter((f) => f.endsWith('.html'));
    assert.deepEqual(pages.sort(), ['index.html', 'pricing.html', 'signup.html']);
    for (const name of pages) {
      const html = await readFile(join(demoDir, name), 'utf8');
      assert.ok(html.includes(SNIPPET), `${name} carries the snippet`);
    }
  });

  test('no page refers to another host', async () => {
    for (const name of await readdir(demoDir)) {
      const text = await readFile(join(demoDir, name), 'utf8');
      assert.doesNotMatch(text, /(src|href)\s*=\s*["']?(https?:)?\/\//i, name);
      assert.doesNotMatch(text, /url\(\s*["']?(https?:)?\/\//i, name);
      assert.doesNotMatch(text, /@import/i, name);
    }
    for (const path of ['/demo/', '/demo/pricing.html', '/demo/signup.html']) {
      const page = await openDemo(path);
      await page.waitForLoadState('load');
      assert.deepEqual(page.external, [], path);
      await close(page);
    }
  });

  test('the landing page has stable call-to-action ids and is at least three viewport heights long', async () => {
    const page = await openDemo('/demo/');
    for (const id of ['#cta-start', '#cta-pricing', '#cta-bottom', '#testimonials', '#hero-title']) assert.equal(await page.locator(id).count(), 1, id);
    const { height, viewport } = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, viewport: innerHeight }));
    assert.ok(height >= 3 * viewport, `${height} px for a ${viewport} px viewport`);
    await close(page);
  });

  test('the yearly toggle is an SPA route change to ?billing=yearly that updates the prices in place', async () => {
    const page = await openDemo('/demo/pricing.html');
    await page.evaluate(() => { window.__samePage = true; });
    assert.equal(await page.textContent('#plan-pro .amount'), '$49');
    await page.click('#billing-yearly');
    assert.equal(new URL(page.url()).search, '?billing=yearly');
    assert.equal(await page.evaluate(() => window.__samePage), true, 'no page load');
    assert.equal(await page.textContent('#plan-pro .amount'), '$39');
    await page.goBack();
    assert.equal(await page.textContent('#plan-pro .amount'), '$49');
    await close(page);
  });

  test('Apply coupon is deliberately broken: it throws an uncaught TypeError', async () => {
    const page = await openDemo('/demo/pricing.html');
    const error = page.waitForEvent('pageerror');
    await page.fill('#coupon-code', 'LAUNCH20');
    await page.click('#apply-coupon');
    assert.equal((await error).name, 'TypeError');
    await close(page);
  });

  test('choosing the Pro plan tags the visit with plan=pro', async () => {
    const page = await openDemo('/demo/pricing.html');
    await page.evaluate(() => document.getElementById('choose-pro').addEventListener('click', (e) => e.preventDefault()));
    await page.click('#choose-pro');
    assert.deepEqual((await queued(page)).at(-1), ['set', 'plan', 'pro']);
    await close(page);
  });

  test('signing up sends the signup event, identifies the visitor and shows the thank-you view via pushState', async () => {
    const page = await openDemo('/demo/signup.html?plan=pro');
    await page.click('#signup-submit');
    assert.match(await page.textContent('#signup-error'), /name/);
    await page.fill('#signup-name', 'Dana Scully');
    await page.fill('#signup-email', 'dana@example.com');
    await page.fill('#signup-password', 'correct horse battery');
    await page.selectOption('#signup-size', '51-200');
    await page.check('#plan-radio-business');
    await page.fill('#signup-goals', 'Churn');
    await page.check('#signup-terms');
    await page.evaluate(() => { window.__samePage = true; });
    await page.click('#signup-submit');
    await page.waitForSelector('#thanks-view:not([hidden])');
    assert.equal(new URL(page.url()).search, '?done=1');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    const calls = await queued(page);
    assert.deepEqual(calls.slice(-3), [['set', 'plan', 'business'], ['event', 'signup'], ['identify', 'dana@example.com']]);
    await close(page);
  });
});

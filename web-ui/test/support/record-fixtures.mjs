// Test setup step: records real sessions of the demo site with rrweb in headless Chromium and stores
// them as target/test-fixtures/recordings.json. Skipped when the demo site and this script are unchanged.
//   node test/support/record-fixtures.mjs [--force]
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { demoDir, fixturesDir, webUiDir } from './paths.mjs';
import { serveFile } from './static-files.mjs';
import { buildRecordedSession } from './session-builder.mjs';

const OUTPUT = join(fixturesDir, 'recordings.json');

async function inputsHash() {
  const hash = createHash('sha256');
  for (const name of (await readdir(demoDir)).sort()) hash.update(name).update(await readFile(join(demoDir, name)));
  for (const name of ['record-fixtures.mjs', 'recorder-shim.js', 'session-builder.mjs']) {
    hash.update(await readFile(join(webUiDir, 'test', 'support', name)));
  }
  hash.update(JSON.parse(await readFile(join(webUiDir, 'node_modules', 'rrweb', 'package.json'), 'utf8')).version);
  return hash.digest('hex');
}

async function bundleRecorder() {
  const result = await build({
    entryPoints: [join(webUiDir, 'test', 'support', 'recorder-shim.js')],
    bundle: true, format: 'iife', platform: 'browser', write: false, minify: true, logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

function startDemoServer(recorderJs) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/sightline.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(recorderJs);
      return;
    }
    if (url.pathname.startsWith('/demo/')) {
      const rel = url.pathname === '/demo/' ? 'index.html' : url.pathname.slice('/demo/'.length);
      if (await serveFile(res, demoDir, rel)) return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function recordVisit(browser, steps) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const messages = [];
  await context.exposeBinding('__slEmit', (_source, json) => {
    messages.push(JSON.parse(json));
  });
  const page = await context.newPage();
  page.on('pageerror', () => undefined); // the coupon button throws on purpose
  await steps(page);
  await page.waitForTimeout(400);
  await context.close();
  return messages;
}

const pause = (page, ms) => page.waitForTimeout(ms);

async function journey(page, base) {
  await page.goto(`${base}/demo/`);
  await page.waitForSelector('#hero-title');
  await pause(page, 300);
  await page.mouse.move(300, 260);
  await page.mouse.move(640, 420, { steps: 6 });
  await page.hover('#cta-start');
  await pause(page, 200);
  for (const dy of [700, 900, 1200, 1400]) {
    await page.mouse.wheel(0, dy);
    await pause(page, 180);
  }
  await page.click('#faq-trial > summary');
  await pause(page, 250);
  await page.mouse.wheel(0, -8000);
  await pause(page, 300);
  await page.click('#cta-pricing');
  await page.waitForSelector('#pricing-title');
  await pause(page, 350);
  await page.click('#billing-yearly');
  await pause(page, 350);
  await page.fill('#coupon-code', 'LAUNCH20');
  await page.click('#apply-coupon');
  await pause(page, 350);
  await page.click('#choose-pro');
  await page.waitForSelector('#signup-title');
  await pause(page, 250);
  await page.fill('#signup-name', 'Dana Scully');
  await page.fill('#signup-email', 'dana@example.com');
  await page.fill('#signup-password', 'correct horse battery');
  await page.selectOption('#signup-size', '51-200');
  await page.fill('#signup-goals', 'Trial conversion');
  await page.check('#signup-terms');
  await pause(page, 200);
  await page.click('#signup-submit');
  await page.waitForSelector('#thanks-view:not([hidden])');
  await pause(page, 300);
}

async function twoPages(page, base) {
  await page.goto(`${base}/demo/`);
  await page.waitForSelector('#hero-title');
  await pause(page, 300);
  await page.mouse.move(500, 300, { steps: 5 });
  await page.hover('#cta-pricing');
  await pause(page, 200);
  await page.click('#cta-pricing');
  await page.waitForSelector('#pricing-title');
  await pause(page, 300);
  await page.mouse.move(600, 500, { steps: 5 });
  await pause(page, 300);
}

export async function recordFixtures({ force = false } = {}) {
  const hash = await inputsHash();
  if (!force) {
    try {
      const existing = JSON.parse(await readFile(OUTPUT, 'utf8'));
      if (existing.inputsHash === hash) return existing;
    } catch {
      // none yet
    }
  }
  const started = Date.now();
  const server = await startDemoServer(await bundleRecorder());
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  try {
    const sessions = {
      journey: buildRecordedSession('fixture-journey', await recordVisit(browser, (p) => journey(p, base))),
      twoPages: buildRecordedSession('fixture-two-pages', await recordVisit(browser, (p) => twoPages(p, base))),
    };
    const fixture = { inputsHash: hash, recordedAt: Date.now(), sessions };
    await mkdir(fixturesDir, { recursive: true });
    await writeFile(OUTPUT, JSON.stringify(fixture));
    const summary = Object.values(sessions).map((s) => `${s.summary.sessionId}: ${s.pages.length} pages, ${s.pages.reduce((n, p) => n + p.events.length, 0)} events`);
    console.log(`recorded demo fixtures in ${Date.now() - started} ms (${summary.join('; ')})`);
    return fixture;
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await recordFixtures({ force: process.argv.includes('--force') });
}

// Recorded pages are hostile content. These tests serve the dashboard WITHOUT its content security
// policy, so that the sandboxed iframe and the sanitizing alone must keep the dashboard safe.
import { build } from 'esbuild';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { newPage } from './support/chromium.mjs';
import { HOSTILE_TITLE, PWN } from './support/hostile-fixture.mjs';
import { close, inReplay, useBrowser, waitForPlayerState } from './support/harness.mjs';
import { webUiDir } from './support/paths.mjs';

const env = useBrowser({ hostile: true, csp: false, synthetic: 0 });

const pwned = (page) => page.evaluate(() => window.__pwned ?? null);

describe('hostile recordings', () => {
  test('replaying a hostile recording and clicking its javascript: link never runs script in the dashboard', async () => {
    const page = await env.open('/p/demo/recordings/fixture-hostile?t=1000');
    await waitForPlayerState(page, 'ready');
    assert.equal(await page.getAttribute('#replay-root iframe', 'sandbox'), 'allow-same-origin');
    assert.equal(await inReplay(page, (doc) => doc.querySelector('#hostile-heading').textContent), 'Hostile page');

    await inReplay(page, (doc) => {
      for (const id of ['evil-link', 'evil-link-2', 'added-link', 'evil-button', 'mutation-target']) doc.getElementById(id)?.click();
      doc.querySelector('svg a')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      doc.getElementById('evil-input')?.focus();
      doc.querySelector('details')?.removeAttribute('open');
    });
    await page.click('#play-toggle'); // play the rest, including the recorded click on the link
    await waitForPlayerState(page, 'ended');
    await page.waitForTimeout(300);

    assert.equal(await pwned(page), null);
    assert.equal(await inReplay(page, (doc) => doc.defaultView.__pwned ?? null), null);
    assert.match(page.url(), /\/p\/demo\/recordings\/fixture-hostile/, 'no redirect happened');
    assert.deepEqual(page.pageErrors, []);
    await close(page);
  });

  test('the replay document keeps no handlers, script URLs, srcdoc, refresh or base of the recording', async () => {
    const page = await env.open('/p/demo/recordings/fixture-hostile?t=1000');
    await waitForPlayerState(page, 'ready');
    const found = await inReplay(page, (doc) => {
      const bad = [];
      for (const el of doc.querySelectorAll('*')) {
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (name.startsWith('on') || name.startsWith('_on') || name === 'srcdoc' || name === 'formaction') bad.push(`${el.localName}[${name}]`);
          if (/^(javascript|vbscript):|^data:text\/html/.test(value) || value.includes(';javascript:')) bad.push(`${el.localName}[${name}=${attr.value}]`);
        }
      }
      if (doc.querySelector('meta[http-equiv]')) bad.push('meta[http-equiv]');
      if (doc.querySelector('base[href]')) bad.push('base[href]');
      if (doc.querySelector('script')) bad.push('script');
      if (doc.querySelector('form[action]')) bad.push('form[action]');
      return { bad, added: !!doc.getElementById('added-img'), target: doc.getElementById('mutation-target').getAttribute('style') };
    });
    assert.deepEqual(found.bad, []);
    assert.ok(found.added, 'the later mutation was replayed');
    assert.equal(found.target, 'color: red', 'harmless attribute changes still apply');
    await close(page);
  });

  test('hostile titles, labels, tags and URLs are shown as text, never as HTML', async () => {
    const page = await env.open('/p/demo/recordings/fixture-hostile?t=0');
    await waitForPlayerState(page, 'ready');
    assert.equal(await page.textContent('#page-list .journey-title'), HOSTILE_TITLE);
    assert.equal(await page.locator('.player img, .player script').count(), 0);
    const labels = await page.$$eval('#seek-markers .marker', (ms) => ms.map((m) => m.getAttribute('aria-label')));
    assert.ok(labels.some((l) => l.includes('<script>')));
    await page.click('#tab-details');
    assert.match(await page.textContent('#session-tags'), /<img src=x onerror=/);
    assert.equal(await page.locator('#session-details img').count(), 0);
    assert.equal(await pwned(page), null);
    await close(page);
  });

  test('a hostile session in the recordings list stays inert', async () => {
    const page = await env.open('/p/demo/recordings');
    await page.waitForSelector('.recording-row[data-session-id="fixture-hostile"]');
    const row = page.locator('.recording-row[data-session-id="fixture-hostile"]');
    assert.match(await row.textContent(), /<img src=x onerror=/);
    assert.equal(await row.locator('img').count(), 0);
    await page.waitForTimeout(200);
    assert.equal(await pwned(page), null);
    await close(page);
  });

  test('the same payload does run in an unprotected frame, so the tests above prove something', async () => {
    const page = await newPage(env.browser);
    await page.goto(env.server.origin + '/demo/');
    await page.evaluate((pwn) => {
      const frame = document.createElement('iframe');
      frame.srcdoc = `<img src=x onerror="${pwn}">`;
      document.body.append(frame);
    }, PWN);
    await page.waitForFunction(() => window.__pwned === 1);
    await close(page);
  });

  test('the Replayer plugin also cleans nodes that belong to the replay iframe\'s own document', async () => {
    const bundle = await build({
      entryPoints: [join(webUiDir, 'src/player/sanitize-plugin.ts')],
      bundle: true, format: 'iife', globalName: '__sl', write: false, logLevel: 'silent',
    });
    const page = await newPage(env.browser);
    await page.goto(env.server.origin + '/demo/');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const html = await page.evaluate((pwn) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-same-origin');
      document.body.append(frame);
      const doc = frame.contentDocument;
      doc.head.innerHTML = `<meta http-equiv="refresh" content="0;url=javascript:${pwn}"><base href="javascript:${pwn}//">`;
      doc.body.innerHTML = `<img src="x" onerror="${pwn}"><a href="javascript:${pwn}">a</a><iframe srcdoc="<b>x</b>"></iframe>`
        + `<form action="javascript:${pwn}"><button formaction="javascript:${pwn}">b</button></form><svg><a xlink:href="javascript:${pwn}"></a></svg>`;
      for (const el of doc.querySelectorAll('*')) window.__sl.sanitizeElement(el);
      return doc.documentElement.outerHTML;
    }, PWN);
    assert.equal(html, '<html><head><meta content="0;url=javascript:parent.__pwned=1;top.__pwned=1"><base></head>'
      + '<body><img src="x"><a>a</a><iframe></iframe><form data-sl-inert=""><button>b</button></form><svg><a></a></svg></body></html>',
      'handlers, script URLs, srcdoc, refresh, base and form targets are gone; a meta without http-equiv is inert');
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    await close(page);
  });
});

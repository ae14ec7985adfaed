import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { waitFor } from './helpers/browser.js'
import { assertUpload } from './helpers/schema.js'
import { setup } from './helpers/setup.js'

const env = setup()

describe('uploads, ids and consent', { concurrency: 3 }, () => {
  test('uploads are CORS simple requests: text/plain, no preflight, no credentials', async () => {
    const v = await env.visit('index.html')
    const [first] = await v.started().then(v.uploads)
    assert.match(first.headers['content-type'], /^text\/plain/)
    assert.equal(first.headers['sec-fetch-mode'], 'cors')
    assert.equal(first.headers.cookie, undefined)
    assert.equal(env.server.preflights.length, 0)
  })

  test('leaving the page delivers the final upload with last true by beacon', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.click('#box')
    await v.leave()
    const last = v.uploads().at(-1)
    assert.equal(last.last, true)
    assert.equal(last.headers['sec-fetch-mode'], 'no-cors', 'sendBeacon')
    assert.equal(last.a.find((e) => e[0] == 'click')[4], '#box', 'what was pending left with it')
    const seqs = v.uploads().map((u) => u.seq)
    assert.deepEqual(seqs, seqs.map((_, i) => i), 'sequence numbers 0, 1, 2, ...')
  })

  test('a final upload too large for one beacon sends the analytics first and never loses them for the recording', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.evaluate(() => {
      // ~52 KB of analytics and ~25 KB of fresh DOM: together too large for one 64 KB beacon
      for (let i = 0; i < 400; i++) sightline('event', 'e'.repeat(120))
      const d = document.createElement('div')
      d.textContent = Array.from({ length: 3000 }, (_, i) => 'word' + i.toString(36)).join(' ')
      document.body.appendChild(d)
    })
    await v.leave()
    const [analytics, rest] = v.uploads().slice(-2)
    assert.equal(analytics.a.length, 400)
    assert.deepEqual([analytics.r.length, analytics.last], [0, false])
    assert.equal(rest.seq, analytics.seq + 1)
    assert.equal(rest.a.length, 0)
    // Chromium counts both beacons against one 64 KB keepalive budget: the recording is dropped
    assert.ok(rest.last)
  })

  test('a 503 with Retry-After gets the same upload again, a 409 counts as delivered', async () => {
    const v503 = env.visit('index.html', { k: 'retry-503' })
    env.server.answer((u) => u.key == 'retry-503' && u.seq == 0, [503, { 'Retry-After': '1' }])
    env.server.answer((u) => u.key == 'retry-409' && u.seq == 0, [409])
    const v409 = env.visit('index.html', { k: 'retry-409' })
    for (const v of await Promise.all([v503, v409])) {
      await v.page.click('#box')
      await waitFor(() => env.server.uploads.filter((u) => u.key == v.key).length >= 2, 'a second upload', 15000)
    }
    const all = (key) => env.server.uploads.filter((u) => u.key == key).map((u) => [u.seq, u.status])
    const retried = all('retry-503')
    assert.deepEqual(retried.slice(0, 2), [[0, 503], [0, 200]])
    const [a, b] = env.server.uploads.filter((u) => u.key == 'retry-503')
    assert.ok(b.raw == a.raw, 'the very same upload')
    assert.deepEqual(all('retry-409').slice(0, 2), [[0, 409], [1, 200]])
  })

  test('any other 4xx stops the tracker for the page', async () => {
    env.server.answer((u) => u.key == 'refused' && u.seq == 0, [404])
    const v = await env.visit('index.html', { k: 'refused' })
    await waitFor(() => env.server.uploads.some((u) => u.key == 'refused'), 'the refused upload')
    await v.page.click('#box')
    await v.page.goto('about:blank')
    await new Promise((ok) => setTimeout(ok, 500))
    assert.deepEqual(env.server.uploads.filter((u) => u.key == 'refused').map((u) => u.status), [404])
    assert.deepEqual(v.errors, [])
  })

  test('a second full page load within 30 minutes keeps the session and counts pages', async () => {
    const v1 = await env.visit('index.html', { k: 'session' })
    await v1.started()
    const cookies = Object.fromEntries((await v1.ctx.cookies()).map((c) => [c.name, c]))
    assert.match(cookies._slv.value, /^[a-z0-9]{20}$/)
    assert.match(cookies._sls.value, /^[a-z0-9]{20}\.1\.\d+$/)
    assert.equal(cookies._sls.sameSite, 'Lax')
    assert.ok(cookies._slv.expires - Date.now() / 1000 > 364 * 86400, 'the visitor cookie lasts a year')
    assert.ok(cookies._sls.expires - Date.now() / 1000 <= 1800, 'the session cookie 30 minutes')
    await v1.leave()
    const v2 = await env.visit('index.html', { k: 'session' }, v1.ctx)
    await waitFor(() => v2.uploads().some((u) => u.pn == 2), 'page 2')
    const [one, two] = [v1.uploads()[0], v2.uploads().find((u) => u.pn == 2)]
    assert.equal(two.sid, one.sid)
    assert.equal(two.vid, one.vid)
    assert.equal(two.seq, 0)
  })

  test('a session that saw no activity for 30 minutes is not continued', async () => {
    const ctx = await env.browser.newContext()
    await ctx.addCookies([{ name: '_sls', value: 'abcdefghijklmnopqrst.5.' + (Date.now() - 31 * 60000), url: env.server.page('') }])
    const v = await env.visit('index.html', {}, ctx)
    const [u] = await v.started().then(v.uploads)
    assert.notEqual(u.sid, 'abcdefghijklmnopqrst')
    assert.equal(u.pn, 1)
  })

  test('a session past 128 pages is not recorded any more', async () => {
    const ctx = await env.browser.newContext()
    await ctx.addCookies([{ name: '_sls', value: 'abcdefghijklmnopqrst.128.' + Date.now(), url: env.server.page('') }])
    const v = await env.visit('index.html', {}, ctx)
    await v.page.click('#box')
    await v.page.goto('about:blank')
    await new Promise((ok) => setTimeout(ok, 1500))
    assert.equal(env.server.uploads.filter((u) => u.key == v.key).length, 0)
  })

  test('a page open for more than 2 hours ends with its last upload', async () => {
    const ctx = await env.browser.newContext()
    await ctx.clock.install()
    const v = await env.visit('index.html', {}, ctx)
    await ctx.clock.runFor(2000)
    await v.started()
    await ctx.clock.runFor(2 * 3600e3 + 10e3)
    await waitFor(() => v.uploads().some((u) => u.last), 'the last upload')
    const n = v.uploads().length
    await v.page.click('#box')
    await ctx.clock.runFor(30e3)
    await new Promise((ok) => setTimeout(ok, 300))
    assert.equal(v.uploads().length, n, 'nothing after it')
    assert.ok(v.uploads().at(-1).sent - v.uploads()[0].ts > 2 * 3600e3)
  })

  test('without cookies no cookie is set, SPA pages continue the session and every full page load is a new visitor', async () => {
    const v1 = await env.visit('spa.html', { k: 'nocookies', cookies: '0' })
    await v1.started()
    await v1.page.click('#next')
    const two = await waitFor(() => v1.uploads().find((u) => u.pn == 2), 'SPA page 2')
    assert.equal(two.sid, v1.uploads()[0].sid)
    assert.deepEqual(await v1.ctx.cookies(), [])
    assert.equal(await v1.page.evaluate(() => document.cookie), '')
    await v1.leave()
    const v2 = await env.visit('index.html', { k: 'nocookies', cookies: '0' }, v1.ctx)
    const firsts = () => v2.uploads().filter((u) => u.pn == 1 && u.seq == 0)
    const [a, b] = await waitFor(() => firsts()[1] && firsts(), 'the second full page load')
    assert.notEqual(a.vid, b.vid)
    assert.notEqual(a.sid, b.sid)
    assert.equal(b.pn, 1)
    assert.deepEqual(await v1.ctx.cookies(), [])
  })

  test('with consent required nothing is recorded, stored or sent before consent, and revoking deletes the cookies', async () => {
    const v = await env.visit('index.html', { consent: '1' })
    await v.page.click('#box')
    await v.page.evaluate(() => sightline('set', 'plan', 'early'))
    await v.page.waitForTimeout(2000)
    assert.equal(env.server.uploads.filter((u) => u.key == v.key).length, 0)
    assert.deepEqual(await v.ctx.cookies(), [])
    await v.page.evaluate(() => sightline('consent', true))
    const [first] = await v.started().then(v.uploads)
    assert.deepEqual(first.a.map((e) => e[0]), ['page', 'consent', 'tag'], 'no click from before consent; the tag kept in memory')
    assert.equal(first.a[1][2], 1)
    assert.deepEqual(first.r.slice(0, 2).map((e) => e.type), [4, 2])
    assert.equal((await v.ctx.cookies()).length, 2)
    await v.page.evaluate(() => sightline('consent', false))
    await waitFor(() => v.uploads().some((u) => u.last), 'the last upload')
    assert.equal(v.uploads().at(-1).a.at(-1)[0], 'consent')
    assert.equal(v.uploads().at(-1).a.at(-1)[2], 0)
    assert.deepEqual(await v.ctx.cookies(), [])
    const n = env.server.uploads.filter((u) => u.key == v.key).length
    await v.page.click('#box')
    await v.page.goto('about:blank')
    await new Promise((ok) => setTimeout(ok, 300))
    assert.equal(env.server.uploads.filter((u) => u.key == v.key).length, n, 'nothing after consent was revoked')
  })

  test('a browser sending Global Privacy Control is not recorded when the project honours it', async () => {
    const ctx = await env.browser.newContext()
    await ctx.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
    const v = await env.visit('index.html', { gpc: '1' }, ctx)
    await v.page.evaluate(() => sightline('consent', true))
    await v.page.click('#box')
    await v.page.goto('about:blank')
    await new Promise((ok) => setTimeout(ok, 1500))
    assert.equal(env.server.uploads.filter((u) => u.key == v.key).length, 0)
    assert.deepEqual(await ctx.cookies(), [])
  })

  test('sightline("stop") sends what is pending as the last upload and stops', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.evaluate(() => { document.getElementById('box').click(); sightline('stop') })
    await waitFor(() => v.uploads().some((u) => u.last), 'the last upload')
    const n = v.uploads().length
    await v.page.click('#box')
    await v.page.goto('about:blank')
    await new Promise((ok) => setTimeout(ok, 300))
    assert.equal(v.uploads().length, n)
  })

  test('without a server-side configuration the script tag configures the tracker', async () => {
    const v = await env.visit('tag.html', { raw: '1', k: 'from-query' })
    await v.started()
    await v.leave()
    const [u] = v.uploads()
    assert.equal(u.key, 'from-query', '?k= in the script URL wins over data-key')
    assert.equal(u.a[0][3], '********** ** ********** *', 'data-mask="strict"')
    assert.deepEqual(await v.ctx.cookies(), [], 'data-cookies="false"')
    v.uploads().forEach(assertUpload)
  })
})

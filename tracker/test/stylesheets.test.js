import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { waitFor } from './helpers/browser.js'
import { assertUpload } from './helpers/schema.js'
import { setup } from './helpers/setup.js'

const env = setup()

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex')

/** Every node of the page view's full snapshot(s) that carries a stylesheet, inline or by hash. */
function stylesheetNodes(uploads) {
  const found = []
  const walk = (n) => {
    const a = n.attributes
    if (a && ('_cssText' in a || '_cssHash' in a)) found.push({ tag: n.tagName, hash: a._cssHash, text: a._cssText })
    if (n.isStyle) found.push({ tag: '#text', hash: n._cssHash, text: n.textContent })
    n.childNodes?.forEach(walk)
  }
  uploads.flatMap((u) => u.r).filter((e) => e.type == 2).forEach((e) => walk(e.data.node))
  return found
}

describe('stylesheets by content hash', { concurrency: 2 }, () => {
  test('the first page view sends each large stylesheet once with its hash, a later page view the hash only', async () => {
    const v1 = await env.visit('styled.html', { k: 'css-twice' })
    await v1.leave()
    const first = v1.uploads()
    first.forEach(assertUpload)
    const sheets = stylesheetNodes(first)
    const link = sheets.find((s) => s.tag == 'link')
    const style = sheets.find((s) => s.tag == 'style' && s.hash)
    const small = sheets.find((s) => s.tag == 'style' && !s.hash)
    assert.ok(link && style && small, 'a link, a large <style> and a small one')
    assert.match(link.hash, /^[0-9a-f]{64}$/)
    assert.equal(link.text, undefined, 'no inline text beside the hash')
    assert.equal(style.text, undefined)
    assert.equal(small.text, '.small { color: red; }', 'a small stylesheet stays inline')
    const bodies = Object.assign({}, ...first.map((u) => u.css || {}))
    assert.deepEqual(Object.keys(bodies).sort(), [link.hash, style.hash].sort())
    assert.match(bodies[link.hash], /\.card-39/)
    assert.equal(sha256(bodies[link.hash]), link.hash, 'named by the SHA-256 of its UTF-8 text')
    assert.equal(sha256(bodies[style.hash]), style.hash)
    const carrier = first.find((u) => u.css)
    assert.ok(carrier.r.some((e) => e.type == 2), 'the texts travel with the snapshot that refers to them')

    const v2 = await env.visit('styled.html', { k: 'css-twice' }, v1.ctx)
    await v2.leave()
    const second = v2.uploads().filter((u) => u.pn == 2)
    assert.ok(second.length)
    second.forEach(assertUpload)
    assert.deepEqual(stylesheetNodes(second).filter((s) => s.hash).map((s) => s.hash).sort(), [link.hash, style.hash].sort())
    assert.ok(second.every((u) => !('css' in u)), 'no stylesheet text the second time')
  })

  test('in an insecure context (no crypto.subtle) stylesheets stay inline', async () => {
    const ctx = await env.browser.newContext({ proxy: { server: `http://127.0.0.1:${env.server.port}` } })
    const page = await ctx.newPage()
    await page.goto('http://insecure.test/styled.html?k=css-insecure')
    assert.equal(await page.evaluate(() => isSecureContext), false)
    const uploads = () => env.server.uploads.filter((u) => u.key == 'css-insecure')
    await waitFor(() => uploads().some((u) => u.r.some((e) => e.type == 2)), 'the full snapshot')
    const sheets = stylesheetNodes(uploads())
    assert.ok(sheets.find((s) => s.tag == 'link').text.includes('.card-39'))
    assert.ok(sheets.every((s) => !s.hash))
    assert.ok(uploads().every((u) => !('css' in u)))
    await ctx.close()
  })
})

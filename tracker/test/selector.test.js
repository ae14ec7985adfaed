import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { launch } from './helpers/browser.js'
import { scriptOf } from './helpers/bundle.js'

let browser, page

/** selector() of the element css finds, and whether querySelector(selector) finds it again. */
const sel = (css) => page.evaluate((css) => {
  const el = document.querySelector(css)
  const s = window.sl.selector(el)
  return { s, same: document.querySelector(s) === el }
}, css)

describe('stable selectors (in Chromium)', () => {
  before(async () => {
    browser = await launch()
    page = await browser.newPage()
    await page.setContent(await readFile(new URL('pages/selector.html', import.meta.url), 'utf8'))
    await page.addScriptTag({ content: await scriptOf('selector.ts', 'sl') })
  })
  after(() => browser?.close())

  test('a stable id names the element on its own', async () => {
    assert.deepEqual(await sel('#main-nav'), { s: '#main-nav', same: true })
  })

  test('an id with digits is skipped', async () => {
    const { s, same } = await sel('#item42')
    assert.ok(!s.includes('item42'), s)
    assert.ok(same)
  })

  test('an id that is not unique is skipped', async () => {
    const { s, same } = await sel('#dup + #dup')
    assert.equal(s, 'body>div:nth-of-type(2)')
    assert.ok(same)
  })

  test('generated css-in-js classes are left out', async () => {
    const { s, same } = await sel('#item42')
    assert.equal(s, '#main-nav>a.link:nth-of-type(1)')
    assert.ok(same)
  })

  test('state classes are left out', async () => {
    const { s, same } = await sel('a[href="/b"]')
    assert.equal(s, '#main-nav>a.link:nth-of-type(2)')
    assert.ok(same)
  })

  test('nth-of-type tells list items apart', async () => {
    const r = await Promise.all([1, 2, 3].map((i) => sel(`ul.list li:nth-child(${i}) span`)))
    assert.deepEqual(r.map((x) => x.s), [1, 2, 3].map((i) => `body>ul.list>li.row:nth-of-type(${i})>span`))
    assert.ok(r.every((x) => x.same))
  })

  test('unique data-testid and data-sl-id anchor the selector, repeated ones do not', async () => {
    assert.deepEqual(await sel('[data-testid=checkout] p + p'), { s: '[data-testid=checkout]>p:nth-of-type(2)', same: true })
    assert.deepEqual(await sel('[data-sl-id=promo] i'), { s: '[data-sl-id=promo]>i', same: true })
    const { s, same } = await sel('[data-testid=card] + [data-testid=card] b')
    assert.equal(s, 'body>div:nth-of-type(4)>b')
    assert.ok(same)
  })

  test('form fields are named by a unique name attribute', async () => {
    assert.deepEqual(await sel('input[name=email]'), { s: 'input[name=email]', same: true })
    assert.deepEqual(await sel('form'), { s: 'form[name=login]', same: true })
    const { s, same } = await sel('input[name=opt] + input[name=opt]')
    assert.equal(s, 'form[name=login]>input:nth-of-type(4)')
    assert.ok(same)
  })

  test('ids and classes with CSS syntax characters are escaped into valid selectors', async () => {
    const { s, same } = await sel('em')
    assert.equal(s, '#odd\\.id\\:name>em')
    assert.ok(same)
    const { s: s2, same: same2 } = await page.evaluate(() => {
      const el = document.querySelector('[id="odd.id:name"]')
      el.id = 'other id'
      const s = window.sl.selector(el)
      return { s, same: document.querySelector(s) === el }
    })
    assert.equal(s2, '#other\\ id')
    assert.ok(same2)
  })

  test('a deep element gets a selector of at most 8 steps that still finds it', async () => {
    const { s, same } = await sel('.leaf')
    assert.ok(same, s)
    assert.ok(s.split(/[> ]/).length <= 9, s)
    assert.match(s, /^body /)
  })

  test('svg elements get selectors too', async () => {
    const { s, same } = await sel('circle')
    assert.equal(s, 'body>svg>circle.dot')
    assert.ok(same)
  })

  test('every element of the page is found again by its selector', async () => {
    const bad = await page.evaluate(() => Array.from(document.querySelectorAll('body *'))
      .filter((el) => document.querySelector(window.sl.selector(el)) !== el).map((el) => el.outerHTML.slice(0, 80)))
    assert.deepEqual(bad, [])
  })

  test('an element outside the document has no selector', async () => {
    assert.equal(await page.evaluate(() => window.sl.selector(document.createElement('div'))), '')
  })
})

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { waitFor } from './helpers/browser.js'
import { assertUpload } from './helpers/schema.js'
import { setup } from './helpers/setup.js'

const env = setup()

/** Whether `selector` (as uploaded) finds the same element as `css` in the page. */
const resolves = (page, selector, css) =>
  page.evaluate(([s, css]) => document.querySelector(s) === document.querySelector(css), [selector, css])

describe('sightline.js on a page', { concurrency: 3 }, () => {
  test('a page view uploads a page event and its own Meta and FullSnapshot, all in the wire format', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.leave()
    const [first] = v.uploads()
    assert.equal(first.pn, 1)
    assert.equal(first.seq, 0)
    assert.ok(first.gzip, 'uploads by fetch are gzip-compressed')
    const page = first.a[0]
    assert.equal(page[0], 'page')
    assert.equal(page[2], first.url)
    assert.equal(page[3], 'Sightline test shop')
    assert.deepEqual(page.slice(5, 10), [1280, 720, 1280, 720, 100])
    assert.equal(page[10], 'en-US')
    assert.equal(typeof page[11], 'string')
    assert.equal(page[12], 3018, 'document height')
    assert.equal(page[13], 1, 'automated: Playwright sets navigator.webdriver')
    assert.deepEqual(first.r.slice(0, 2).map((e) => e.type), [4, 2])
    v.uploads().forEach(assertUpload)
    assert.deepEqual(v.errors, [])
  })

  test('a full snapshot leaves without the node ids that follow the one before; numbered again from data.ids they name the nodes later mutations refer to', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.evaluate(() => document.getElementById('box').append(document.createElement('p')))
    await v.leave()
    const events = v.uploads().flatMap((u) => u.r)
    const full = events.find((e) => e.type == 2)
    assert.equal(typeof full.data.ids, 'number')
    let next = full.data.ids
    let box
    let implied = 0
    const number = (n) => {
      if (n.id === undefined) implied++, n.id = next
      else assert.notEqual(n.id, next, 'an id is sent only when it does not follow the one before')
      next = n.id + 1
      if (n.attributes?.id == 'box') box = n.id
      n.childNodes?.forEach(number)
    }
    number(full.data.node)
    assert.ok(implied > 10, `${implied} node ids left out`)
    const added = events.filter((e) => e.type == 3 && e.data.source == 0).flatMap((e) => e.data.adds)
      .find((a) => a.node.tagName == 'p')
    assert.equal(added.parentId, box, 'the added paragraph names #box by the renumbered id')
  })

  test('a click is anchored to its element with its relative position', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.click('#box', { position: { x: 40, y: 150 } })
    await v.page.click('li:nth-child(2) button', { position: { x: 5, y: 5 } })
    await v.page.click('header a')
    const ok = await Promise.all([['#box', '#box'], ['body>ul.products>li.item:nth-of-type(2)>button.buy', 'li:nth-child(2) button'],
      ['body>header.site-header>a.nav-link', 'header a']].map(([s, css]) => resolves(v.page, s, css)))
    assert.deepEqual(ok, [true, true, true], 'the expected selectors resolve to the clicked elements')
    await v.leave()
    const [box, buy, link] = v.events('click')
    assert.deepEqual(box.slice(2, 5), [140, 270, '#box'], 'page x/y and selector')
    assert.ok(Math.abs(box[5] - 1000) <= 100 && Math.abs(box[6] - 7500) <= 100, `relX/relY ${box[5]}/${box[6]}`)
    assert.deepEqual(box.slice(7), ['div', 'Buy now', 0, 400, 200])
    assert.equal(buy[4], 'body>ul.products>li.item:nth-of-type(2)>button.buy')
    assert.equal(buy[9], 1, 'a button is reactive')
    assert.equal(link[4], 'body>header.site-header>a.nav-link')
    assert.equal(link[9], 1 | 8, 'a link is reactive and a link')
  })

  test('a keyboard click is placed at the centre of its element and flagged, a scripted one as synthetic', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.focus('#kbd')
    await v.page.keyboard.press('Enter')
    await v.page.evaluate(() => document.getElementById('box').click())
    await v.leave()
    const [kbd, synthetic] = v.events('click')
    assert.deepEqual(kbd.slice(2, 7), [150, 420, '#kbd', 5000, 5000])
    assert.equal(kbd[9], 1 | 2)
    assert.equal(synthetic[4], '#box')
    assert.equal(synthetic[9], 4)
  })

  test('mouse moves are sampled and anchored like clicks', async () => {
    const v = await env.visit('index.html')
    await v.started()
    for (let i = 0; i <= 20; i++) {
      await v.page.mouse.move(110 + i * 10, 130 + i * 5)
      await v.page.waitForTimeout(20)
    }
    await v.page.waitForTimeout(1000) // the resting point is reported after 500 ms without moves
    await v.leave()
    const moves = v.events('move')
    const last = moves.at(-1)
    assert.deepEqual(last.slice(2), [310, 230, '#box', 5250, 5500], 'where the pointer came to rest')
    const span = last[1] - moves[0][1]
    assert.ok(moves.length >= 2 && moves.length < 21 && moves.length <= span / 95 + 2, `${moves.length} moves for 21 pointer events in ${span} ms`)
    for (let i = 1; i < moves.length; i++) assert.ok(moves[i][1] - moves[i - 1][1] >= 95, 'at most about 10 per second')
  })

  test('scrolling reports the position where it stopped', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.evaluate(() => scrollTo(0, 400))
    await v.page.waitForTimeout(50)
    await v.page.evaluate(() => scrollTo(0, 900))
    await v.page.waitForTimeout(800) // the final position is reported 250 ms after scrolling stops
    await v.leave()
    assert.deepEqual(v.events('scroll').at(-1).slice(2), [0, 900, 3018, 720])
  })

  test('resizes and visibility changes are reported', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.setViewportSize({ width: 800, height: 600 })
    await v.page.waitForTimeout(1000) // resizes are reported once they settle for 500 ms
    await v.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
      document.dispatchEvent(new Event('visibilitychange'))
    })
    await v.leave()
    assert.deepEqual(v.events('resize')[0].slice(2, 4), [800, 600])
    assert.equal(v.events('visibility')[0][2], 0)
  })

  test('form fields report focus, input, blur, change and submit without their values', async () => {
    const v = await env.visit('forms.html')
    await v.started()
    await v.page.fill('#name', 'Ada Lovelace')
    await v.page.type('#email', 'ada@example.org')
    await v.page.click('#submit')
    await v.leave()
    const email = v.events('field').filter((e) => e[3] == '#email')
    assert.deepEqual(email.map((e) => e[2]), [0, 1, 3, 2], 'focus, input (once), change, blur')
    assert.deepEqual(email[0].slice(4), ['#signup', 'email'])
    assert.equal(v.events('submit')[0][2], '#signup')
    const click = v.events('click').find((e) => e[4] == '#submit')
    assert.equal(click[8], 'Sign up')
    assert.ok(!v.raw().includes('Lovelace') && !v.raw().includes('ada@example'))
  })

  test('a click into a text field is flagged and carries no text', async () => {
    const v = await env.visit('forms.html')
    await v.started()
    await v.page.fill('#bio', 'words words')
    await v.page.click('#bio')
    await v.page.click('#editor')
    await v.leave()
    const [bio, editor] = v.events('click')
    assert.deepEqual([bio[4], bio[8], bio[9]], ['#bio', '', 1 | 16])
    assert.deepEqual([editor[4], editor[8], editor[9]], ['#editor', '', 1 | 16])
  })

  test('a thrown error and an unhandled rejection arrive as errors, at most 5 per message', async () => {
    const v = await env.visit('errors.html')
    await v.started()
    await v.page.click('#throw')
    await v.page.click('#reject')
    await v.page.click('#many')
    await v.page.waitForTimeout(100)
    await v.leave()
    const error = v.events('error').find((e) => e[2].includes('boom-error'))
    assert.equal(error[2], 'Uncaught Error: boom-error')
    assert.match(error[3], /errors\.html/)
    assert.ok(error[4] > 0 && error[5] > 0)
    assert.equal(error[6], 0)
    const rejection = v.events('error').find((e) => e[2] == 'boom-rejection')
    assert.deepEqual(rejection.slice(3), ['', 0, 0, 1])
    assert.equal(v.events('error').filter((e) => e[2].includes('boom-many')).length, 5)
  })

  test('events, tags and identities reach the server, also calls queued before the script loaded, and only the hash of the id travels', async () => {
    const v = await env.visit('index.html')
    await v.started()
    await v.page.evaluate(() => {
      sightline('set', 'plan', 'pro')
      sightline('identify', 'alice@example.com')
      sightline('event', 'signup')
    })
    await v.page.waitForTimeout(100)
    await v.leave()
    assert.deepEqual(v.events('event').map((e) => e[2]), ['queued-before-load', 'signup'])
    assert.deepEqual(v.events('tag')[0].slice(2), ['plan', 'pro'])
    assert.equal(v.events('identify')[0][2], createHash('sha256').update('alice@example.com').digest('hex'))
    assert.ok(!v.raw().includes('alice'))
  })

  test('an SPA route change starts the next page with sequence 0, a page event and a new full snapshot', async () => {
    const v = await env.visit('spa.html')
    await v.started()
    const first = v.uploads()[0]
    await v.page.click('#hash')
    await v.page.click('#same')
    await v.page.click('#next')
    const two = await waitFor(() => v.uploads().find((u) => u.pn == 2), 'page 2')
    assert.equal(two.seq, 0)
    assert.equal(two.sid, first.sid)
    assert.match(two.url, /\/spa\/two\?/)
    const page = two.a[0]
    assert.equal(page[0], 'page')
    assert.equal(page[4], first.url, 'the referrer of an SPA page is the previous URL')
    assert.deepEqual(two.r.slice(0, 2).map((e) => e.type), [4, 2])
    assert.ok(v.uploads().some((u) => u.pn == 1 && u.last), 'page 1 ended with its last upload')
    await v.leave()
    assert.ok(!v.uploads().some((u) => u.pn > 2), 'hash changes and replaceState to the same URL start no page')
    v.uploads().forEach(assertUpload)
  })

  test("the page's own fetch, XMLHttpRequest and history keep working and requests are counted", async () => {
    const v = await env.visit('spa.html')
    await v.started()
    const r = await v.page.evaluate(async () => {
      const f = await (await fetch('/api/echo?x=1', { method: 'POST', body: 'hello' })).json()
      const x = await new Promise((ok) => {
        const xhr = new XMLHttpRequest()
        xhr.open('GET', '/api/echo?x=2')
        xhr.onload = () => ok(JSON.parse(xhr.responseText))
        xhr.send()
      })
      const pushed = history.pushState({ a: 1 }, '', '/spa/x' + location.search)
      const bound = await fetch.call(window, '/api/echo?x=3').then((r) => r.ok)
      return { f, x, pushed: pushed === undefined, state: history.state, path: location.pathname, bound }
    })
    assert.deepEqual(r, { f: { method: 'POST', query: '1', body: 'hello' }, x: { method: 'GET', query: '2', body: '' },
      pushed: true, state: { a: 1 }, path: '/spa/x', bound: true })
    await v.leave()
    assert.ok(v.events('request').length >= 3)
  })

  test('the tracker adds no global but window.sightline', async () => {
    const v = await env.visit('index.html')
    await v.started()
    const globals = await v.page.evaluate(() => {
      const f = document.createElement('iframe')
      document.body.appendChild(f)
      const clean = new Set(Object.getOwnPropertyNames(f.contentWindow))
      return Object.getOwnPropertyNames(window).filter((n) => !clean.has(n) && !/^\d+$/.test(n))
    })
    assert.deepEqual(globals, ['sightline'])
  })
})

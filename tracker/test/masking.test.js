import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { setup } from './helpers/setup.js'

const env = setup()

/** What the visitor types, field by field: none of it may leave the page (except where unmasked). */
const TYPED = {
  '#name': 'Quokkaname',
  '#email': 'zebra@stripes.example',
  '#password': 'Hunter2Secret',
  '#bio': 'Narwhal biography',
  '#editor': 'Axolotl draft',
  '#city': 'Springfieldia',
  '#secret': 'Pinpinpin9',
  '#card': '4111111111111111',
}

/** The serialised nodes of a recording's full snapshots with tag name `tag`. */
function nodes(uploads, tag) {
  const found = []
  const walk = (n) => {
    if (n.tagName == tag) found.push(n)
    ;(n.childNodes || []).forEach(walk)
  }
  uploads.flatMap((u) => u.r).filter((e) => e.type == 2).forEach((e) => walk(e.data.node))
  return found
}

describe('masking', { concurrency: 3 }, () => {
  for (const mask of ['strict', 'balanced', 'relaxed']) {
    test(`typed text never leaves the page in ${mask} mode, and unmasking never reveals sensitive fields`, async () => {
      const v = await env.visit('forms.html', { mask })
      await v.started()
      for (const [css, text] of Object.entries(TYPED)) {
        await v.page.click(css)
        await v.page.keyboard.type(text)
      }
      await v.page.click('h1')
      await v.page.click('#name') // clicks into filled fields carry no text either
      await v.page.evaluate(() => document.getElementById('email').setAttribute('value', 'attr@leak.example'))
      await v.page.waitForTimeout(200)
      await v.leave()
      const raw = v.raw()
      for (const [css, text] of Object.entries(TYPED)) {
        if (css == '#city') assert.ok(raw.includes(text), 'data-sl-unmask lets a plain field through (an explicit opt-in, in every mode)')
        else assert.ok(!raw.includes(text) && !raw.includes(text.slice(0, 6)), `${css} (${text}) leaked in ${mask} mode`)
      }
      for (const leak of ['hiddentokenvalue', 'attr@leak', '4111', 'Pinpin']) assert.ok(!raw.includes(leak), leak)
      assert.ok(raw.includes('*'.repeat(TYPED['#name'].length)), 'masked values keep their length')
    })
  }

  test('balanced mode masks words with digits or @ in page text and keeps the rest', async () => {
    const v = await env.visit('text.html', { mask: 'balanced' })
    await v.started()
    await v.page.click('#go')
    await v.leave()
    const raw = v.raw()
    for (const kept of ['Welcome aboard friends', 'Please call', 'today', 'Write to', 'Public giraffe 42']) assert.ok(raw.includes(kept), kept)
    for (const gone of ['555-1234', 'me@x.io', 'hippopotamus', 'Confidential']) assert.ok(!raw.includes(gone), gone)
    assert.ok(raw.includes('Please call ******** today'))
    assert.equal(v.events('click')[0][8], 'Order *** now')
  })

  test('strict mode masks all text and blocks images', async () => {
    const v = await env.visit('text.html', { mask: 'strict' })
    await v.started()
    await v.page.click('#go')
    await v.leave()
    const raw = v.raw()
    for (const gone of ['Welcome', 'aboard', 'Please', '555-1234', 'me@x.io', 'hippopotamus', 'Order']) assert.ok(!raw.includes(gone), gone)
    assert.ok(raw.includes('Public giraffe 42'), 'data-sl-unmask keeps its text')
    assert.equal(v.events('page')[0][3], '*******', 'the title is masked too')
    assert.equal(v.events('click')[0][8], '***** *** ***')
    const [img] = nodes(v.uploads(), 'img')
    assert.ok(img && img.attributes.rr_width && !img.attributes.src, 'the image is blocked')
  })

  test('relaxed mode keeps page text but still masks data-sl-mask', async () => {
    const v = await env.visit('text.html', { mask: 'relaxed' })
    await v.started()
    await v.leave()
    const raw = v.raw()
    for (const kept of ['Welcome aboard friends', 'call 555-1234', 'me@x.io']) assert.ok(raw.includes(kept), kept)
    assert.ok(!raw.includes('hippopotamus'))
    assert.ok(nodes(v.uploads(), 'img')[0].attributes.src, 'images are recorded')
  })

  test("the project's own mask and unmask selectors reach the tracker and win like the attributes", async () => {
    const v = await env.visit('selectors.html', { mask: 'relaxed', ms: '.private, #statement span', us: '.public-note' })
    await v.started()
    await v.page.selectOption('#plan', 'b')
    await v.page.click('#nickname')
    await v.page.keyboard.type('Pelicanfan')
    await v.page.click('h1')
    await v.page.waitForTimeout(200)
    await v.leave()
    const raw = v.raw()
    for (const gone of ['Platypus', 'wombatcoin', 'Flamingo', 'Choose a plan']) assert.ok(!raw.includes(gone), gone)
    for (const kept of ['Harmless pelican notice', 'Nested ibis announcement', 'Your account', 'Pelicanfan']) assert.ok(raw.includes(kept), kept)
  })

  test("a strict project's unmask selector keeps that text, and the options of a select are masked in every mode", async () => {
    const v = await env.visit('selectors.html', { mask: 'strict', us: '.public-note' })
    await v.started()
    await v.leave()
    const raw = v.raw()
    assert.ok(raw.includes('Harmless pelican notice'))
    for (const gone of ['Platypus', 'Your account', 'Flamingo']) assert.ok(!raw.includes(gone), gone)
  })
})

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { importSource } from './helpers/bundle.js'
import { assertEvent, schema } from './helpers/schema.js'

const { KINDS, enc, envelope, maxLength } = await importSource('wire.ts')

/** A value of the schema's type for a field, or (bad) one of the wrong type. */
const sample = ([, type, max], bad) =>
  bad ? [undefined, null, NaN, Infinity, {}, 'x'.repeat((max || 8) * 2), 3.7][Math.floor(Math.random() * 7)]
    : type == 'int' ? 42 : 'x'.repeat(max + 10)

describe('wire format', () => {
  test('every event kind of the schema has an encoder and no encoder is missing from the schema', () => {
    assert.deepEqual(Object.keys(KINDS).sort(), Object.keys(schema.events).sort())
  })

  test('each encoder lays out its kind exactly as the schema: length, order, types and maximum lengths', () => {
    for (const [kind, fields] of Object.entries(schema.events)) {
      const [, ...rest] = fields // t comes first and is passed on its own
      assert.equal(KINDS[kind].length, rest.length, `${kind}: number of fields`)
      rest.forEach(([name, type, max], i) => {
        assert.equal(maxLength(KINDS[kind][i]), type == 'int' ? 0 : max, `${kind}.${name}`)
      })
      const e = enc(kind, 1234.4, ...rest.map((f) => sample(f)))
      assertEvent(e)
      assert.equal(e[0], kind)
      assert.equal(e[1], 1234)
      rest.forEach(([name, type, max], i) => {
        assert.deepEqual(e[i + 2], type == 'int' ? 42 : 'x'.repeat(max), `${kind}.${name} keeps its value, cut to ${max}`)
      })
    }
  })

  test('an encoder turns garbage into values of the right type instead of breaking the upload', () => {
    for (const [kind, fields] of Object.entries(schema.events)) {
      for (let n = 0; n < 20; n++) assertEvent(enc(kind, NaN, ...fields.slice(1).map((f) => sample(f, true))))
      assertEvent(enc(kind, 5)) // missing fields
    }
  })

  test('the envelope has the schema fields in order with the events last', () => {
    const text = envelope('k'.repeat(80), 'abcdefghijklmnop', 'qrstuvwxyz012345', 1, 0, 1700000000000, true,
      'http://x/' + 'p'.repeat(3000), ['["request",1]'], ['{"type":4}'])
    const u = JSON.parse(text)
    assert.deepEqual(Object.keys(u), schema.envelope.filter((f) => !f.optional).map((f) => f.name))
    assert.equal(u.v, schema.version)
    assert.equal(u.key.length, 64)
    assert.equal(u.url.length, 2048)
    assert.ok(Number.isInteger(u.sent) && u.sent >= Date.now() - 1000)
    assert.deepEqual(u.a, [['request', 1]])
    assert.deepEqual(u.r, [{ type: 4 }])
  })

  test('stylesheet texts go last, as the optional css object, only when there are any', () => {
    const args = ['k', 'abcdefghijklmnop', 'qrstuvwxyz012345', 1, 0, 1700000000000, false, 'http://x/', [], ['{"type":2}']]
    assert.equal('css' in JSON.parse(envelope(...args, {})), false)
    const u = JSON.parse(envelope(...args, { ['a'.repeat(64)]: 'body{}' }))
    assert.deepEqual(Object.keys(u), schema.envelope.map((f) => f.name))
    assert.deepEqual(u.css, { ['a'.repeat(64)]: 'body{}' })
  })
})

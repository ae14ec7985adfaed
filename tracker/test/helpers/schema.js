// The contract: wire-format.json, read from the contract module, and a validator for uploads.
import { readFileSync } from 'node:fs'
import assert from 'node:assert/strict'

export const schema = JSON.parse(readFileSync(new URL(
  '../../../contract/src/main/resources/dev/sightline/contract/wire/wire-format.json', import.meta.url), 'utf8'))

const ID = /^[a-z0-9]{16,24}$/

/** Asserts that one analytics event is [kind, t, fields...] exactly as the schema says. */
export function assertEvent(e) {
  assert.ok(Array.isArray(e), 'an event is an array')
  const fields = schema.events[e[0]]
  assert.ok(fields, `unknown kind ${e[0]}`)
  assert.equal(e.length, fields.length + 1, `${e[0]} has ${fields.length} fields after its kind`)
  fields.forEach(([name, type, max], i) => {
    const v = e[i + 1]
    if (type == 'int') assert.ok(Number.isInteger(v), `${e[0]}.${name} is an int: ${v}`)
    else {
      assert.equal(typeof v, 'string', `${e[0]}.${name} is a string`)
      if (max) assert.ok(v.length <= max, `${e[0]}.${name} is at most ${max} chars`)
    }
  })
}

/** Asserts that one decoded upload is an envelope as the schema says, with valid events. */
export function assertUpload(u) {
  const raw = JSON.parse(u.raw)
  const names = schema.envelope.filter((f) => !f.optional || f.name in raw).map((f) => f.name)
  assert.deepEqual(Object.keys(raw), names, 'envelope fields in schema order')
  for (const f of schema.envelope) {
    const v = u[f.name]
    if (f.optional && !(f.name in raw)) continue
    if (f.type == 'object') assert.ok(v && typeof v == 'object' && !Array.isArray(v), `${f.name} is an object`)
    if (f.type == 'int') assert.ok(Number.isInteger(v), `${f.name} is an int`)
    if (f.type == 'string') assert.ok(typeof v == 'string' && v.length <= f.max, `${f.name} is a string of at most ${f.max}`)
    if (f.type == 'id') assert.match(v, ID, `${f.name} is an id`)
    if (f.type == 'bool') assert.equal(typeof v, 'boolean', `${f.name} is a boolean`)
    if (f.type == 'events' || f.type == 'array') assert.ok(Array.isArray(v), `${f.name} is an array`)
    if (f.min != null) assert.ok(v >= f.min, `${f.name} >= ${f.min}`)
    if (f.max != null && f.type == 'int') assert.ok(v <= f.max, `${f.name} <= ${f.max}`)
  }
  assert.equal(u.v, schema.version)
  u.a.forEach(assertEvent)
}

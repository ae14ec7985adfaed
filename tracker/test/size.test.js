import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BUNDLE, CLARITY, gzipSize } from '../scripts/gzip-size.js'

test("sightline.js is smaller than Microsoft Clarity's tracker (gzip -9)", () => {
  const size = gzipSize(BUNDLE)
  assert.ok(size < CLARITY, `sightline.js is ${size} B gzip, clarity.min.js ${CLARITY} B`)
})

// Prints the gzip -9 size of sightline.js next to rrweb's recorder alone and Clarity's tracker.
import { createRequire } from 'node:module'
import { BUNDLE, CLARITY, gzipSize } from './gzip-size.js'

const recorder = createRequire(import.meta.url).resolve('@rrweb/record').replace(/record\.c?js$/, 'record.umd.min.cjs')
const ours = gzipSize(BUNDLE)
const rrweb = gzipSize(recorder)
console.log(`sightline.js                          ${ours} B gzip -9`)
console.log(`@rrweb/record/dist/record.umd.min.cjs ${rrweb} B gzip -9 (the recorder alone)`)
console.log(`clarity.min.js 0.8.70                 ${CLARITY} B gzip -9 (the bar)`)
console.log(`sightline.js is ${ours - rrweb} B over rrweb's recorder and ${CLARITY - ours} B under Clarity's tracker`)
if (ours >= CLARITY) {
  console.error('sightline.js must be smaller than clarity.min.js')
  process.exitCode = 1
}

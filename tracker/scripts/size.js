// Prints the gzip -9 size of sightline.js next to rrweb's recorder alone and Clarity's tracker.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'

const CLARITY = 26686 // clarity.min.js 0.8.70, gzip -9

/** Bytes after `gzip -9` (the gzip program when there is one, else zlib at level 9). */
const gz = (file) => {
  try {
    return execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 26 }).length
  } catch {
    return gzipSync(readFileSync(file), { level: 9 }).length
  }
}

const recorder = createRequire(import.meta.url).resolve('@rrweb/record').replace(/record\.c?js$/, 'record.umd.min.cjs')
const ours = gz('target/classes/sightline/tracker/sightline.js')
console.log(`sightline.js                        ${ours} B`)
console.log(`@rrweb/record/dist/record.umd.min.cjs ${gz(recorder)} B (the recorder alone)`)
console.log(`clarity.min.js 0.8.70               ${CLARITY} B (reference)`)
if (ours >= CLARITY) {
  console.error('sightline.js must be smaller than clarity.min.js')
  process.exitCode = 1
}

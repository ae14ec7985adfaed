// gzip -9 size of a file: the gzip program when there is one (as Clarity's figure was measured),
// else zlib at level 9.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

export const CLARITY = 26686 // clarity.min.js 0.8.70, gzip -9
export const BUNDLE = new URL('../target/classes/sightline/tracker/sightline.js', import.meta.url).pathname

export function gzipSize(file) {
  try {
    return execFileSync('gzip', ['-9c', file], { maxBuffer: 1 << 26 }).length
  } catch {
    return gzipSync(readFileSync(file), { level: 9 }).length
  }
}

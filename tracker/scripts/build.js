// Bundles src/index.ts into the classpath resource the server serves at /sightline.js.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'

export const OUT = 'target/classes/sightline/tracker/sightline.js'

/**
 * rrweb's recorder carries the source of its canvas-snapshot web worker as a 6 KB string. The worker
 * only runs with recordCanvas on and a numeric canvas sampling rate, which Sightline never sets
 * (recorder.ts), so the string is emptied. The pinned @rrweb/record version must still contain it.
 */
const dropCanvasWorker = {
  name: 'drop-canvas-worker',
  setup(b) {
    b.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async ({ path }) => {
      const src = await readFile(path, 'utf8')
      const out = src.replace(/^const jsContent = '.*';$/m, "const jsContent = '';")
      if (out == src) throw new Error('drop-canvas-worker: jsContent not found in ' + path)
      return { contents: out, loader: 'js' }
    })
  },
}

await build({
  entryPoints: ['src/index.ts'],
  outfile: OUT,
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  // rrweb's console.warn diagnostics; Sightline's own debug line goes through an alias (util.ts)
  drop: ['console', 'debugger'],
  plugins: [dropCanvasWorker],
  logLevel: 'warning',
})

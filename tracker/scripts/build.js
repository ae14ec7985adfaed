// Bundles src/index.ts into the classpath resource the server serves at /sightline.js.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'

export const OUT = 'target/classes/sightline/tracker/sightline.js'

/**
 * rrweb's recorder carries the source of its canvas-snapshot web worker as a 6 KB string, and the
 * canvas observers (2D and WebGL call recording, FPS snapshots) that CanvasManager starts only with
 * recordCanvas on, which Sightline never sets (recorder.ts). The string is emptied and the two
 * methods that start them are cut with their calls, so the observers and the worker are left out of
 * the bundle. The pinned @rrweb/record version must still contain each piece.
 */
const CANVAS_CUTS = [
  [/^const jsContent = '.*';$/m, "const jsContent = '';"],
  [/^    if \(recordCanvas && sampling === "all"\)\n.*\n    if \(recordCanvas && typeof sampling === "number"\)\n(.*\n){3}/m, ''],
  [/^  initCanvasFPSObserver\([^]*?^  startPendingCanvasMutationFlusher\(\) \{$/m, '  startPendingCanvasMutationFlusher() {'],
]

const dropCanvasRecording = {
  name: 'drop-canvas-recording',
  setup(b) {
    b.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async ({ path }) => {
      let out = await readFile(path, 'utf8')
      for (const [cut, by] of CANVAS_CUTS) {
        const before = out
        out = out.replace(cut, by)
        if (out == before) throw new Error('drop-canvas-recording: ' + cut + ' not found in ' + path)
      }
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
  plugins: [dropCanvasRecording],
  logLevel: 'warning',
})

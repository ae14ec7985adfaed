// Bundles one source module for a test: as an ES module to import in Node, or as a script for a page.
import { build } from 'esbuild'

const bundle = async (entry, format, globalName) => (await build({
  entryPoints: [new URL('../../src/' + entry, import.meta.url).pathname],
  bundle: true, write: false, format, globalName, target: 'es2020', logLevel: 'error',
})).outputFiles[0].text

/** import() of a source module (TypeScript) in Node. */
export const importSource = async (entry) =>
  import('data:text/javascript;base64,' + Buffer.from(await bundle(entry, 'esm')).toString('base64'))

/** A source module as a classic script that defines window[globalName]. */
export const scriptOf = (entry, globalName) => bundle(entry, 'iife', globalName)

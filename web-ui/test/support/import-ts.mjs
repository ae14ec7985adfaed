// Lets Node tests import the app's TypeScript modules: bundles one with esbuild to a temporary ES module.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { webUiDir } from './paths.mjs';

export async function importTs(relativePath) {
  const result = await build({
    entryPoints: [join(webUiDir, relativePath)],
    bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent',
    jsx: 'automatic', jsxImportSource: 'preact', mainFields: ['module', 'main'],
  });
  const dir = join(webUiDir, 'target', 'test-build');
  await mkdir(dir, { recursive: true });
  const file = join(dir, relativePath.replace(/[\\/]/g, '_') + '.mjs');
  await writeFile(file, result.outputFiles[0].text);
  return import(pathToFileURL(file).href + `?v=${Date.now()}`);
}

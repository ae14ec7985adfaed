// Builds the dashboard into target/classes/sightline/ui/: index.html, assets/app.js, assets/app.css.
// `node build.mjs --dev` keeps the output readable and adds source maps.
import { build } from 'esbuild';
import { mkdir, copyFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'target', 'classes', 'sightline', 'ui');
const assetsDir = join(outDir, 'assets');
const dev = process.argv.includes('--dev');

await mkdir(assetsDir, { recursive: true });

await build({
  entryPoints: { app: join(here, 'src', 'main.tsx') },
  outdir: assetsDir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  logLevel: 'warning',
});

await copyFile(join(here, 'src', 'index.html'), join(outDir, 'index.html'));
await copyFile(join(here, 'src', 'favicon.svg'), join(assetsDir, 'favicon.svg'));

for (const name of ['app.js', 'app.css']) {
  const file = join(assetsDir, name);
  const { size } = await stat(file);
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  console.log(`sightline-ui: assets/${name} ${(size / 1024).toFixed(1)} KiB (${(gz / 1024).toFixed(1)} KiB gzip)`);
}

// Serves files from a folder with the right content types; answers false when there is no such file.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json',
};

export async function serveFile(res, root, relativePath, headers = {}) {
  const file = normalize(join(root, relativePath));
  if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) return false;
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}

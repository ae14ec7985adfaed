// A stand-in for the Sightline server: serves test pages and the built tracker (prepending a
// __slcfg the way the real server does) and records every upload POSTed to /collect.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { gunzipSync } from 'node:zlib'

const PAGES = new URL('../pages/', import.meta.url)
const BUNDLE = new URL('../../target/classes/sightline/tracker/sightline.js', import.meta.url)
const TYPES = { html: 'text/html', js: 'text/javascript', json: 'application/json', css: 'text/css' }

/**
 * Starts the server on 127.0.0.1, port 0. Pages are visited at http://localhost:PORT/NAME.html and
 * upload to http://127.0.0.1:PORT/collect, so every upload is a cross-origin request as in production.
 * A page's query (k, mask, consent, gpc, cookies, ms, us) is passed on to the script URL.
 */
export async function startServer() {
  const uploads = []
  const preflights = []
  /** (upload) => [status, headers?] for the next POSTs; default 200 */
  const answers = []
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x')
      const chunks = []
      for await (const c of req) chunks.push(c)
      const body = Buffer.concat(chunks)
      const cors = { 'Access-Control-Allow-Origin': req.headers.origin || '*', 'Access-Control-Expose-Headers': 'Retry-After' }
      if (url.pathname == '/collect') {
        if (req.method == 'OPTIONS') {
          preflights.push(req.headers)
          res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST' }).end()
          return
        }
        const gzip = body[0] == 0x1f && body[1] == 0x8b
        const raw = (gzip ? gunzipSync(body) : body).toString('utf8')
        const upload = { ...JSON.parse(raw), raw, gzip, headers: req.headers, bytes: body.length }
        const answer = answers.find((a) => a.match(upload))
        const [status, headers] = answer ? (answers.splice(answers.indexOf(answer), 1), answer.reply) : [200]
        upload.status = status
        uploads.push(upload)
        res.writeHead(status, { ...cors, 'Content-Type': 'application/json', ...headers }).end(status == 200 ? '{"ok":true}' : '{"error":"test"}')
        return
      }
      if (url.pathname == '/sightline.js') {
        const js = await readFile(BUNDLE, 'utf8')
        const q = url.searchParams
        const cfg = {
          key: q.get('k'), endpoint: `http://127.0.0.1:${server.address().port}/collect`, mask: q.get('mask') || 'balanced',
          consent: q.get('consent') == '1', gpc: q.get('gpc') == '1', cookies: q.get('cookies') != '0',
          ...(q.get('ms') ? { ms: q.get('ms') } : {}), ...(q.get('us') ? { us: q.get('us') } : {}),
        }
        const prefix = q.has('k') && !q.has('raw') ? `self.__slcfg=${JSON.stringify(cfg)};` : ''
        res.writeHead(200, { 'Content-Type': TYPES.js, 'Cache-Control': 'no-store' }).end(prefix + js)
        return
      }
      if (url.pathname.startsWith('/api/echo')) {
        res.writeHead(200, { 'Content-Type': TYPES.json }).end(JSON.stringify({ method: req.method, query: url.searchParams.get('x'), body: body.toString() }))
        return
      }
      // /spa/two (an SPA route, reloaded) is served by spa.html
      const first = url.pathname.split('/')[1] || 'index.html'
      if (first.endsWith('.css')) {
        res.writeHead(200, { 'Content-Type': TYPES.css, 'Cache-Control': 'no-store' }).end(await readFile(new URL(first, PAGES)))
        return
      }
      const file = first.endsWith('.html') ? first : first + '.html'
      let html = await readFile(new URL(file, PAGES), 'utf8')
      const script = `http://127.0.0.1:${server.address().port}/sightline.js?${url.searchParams}`
      html = html.replaceAll('{{SCRIPT}}', script)
      res.writeHead(200, { 'Content-Type': TYPES.html, 'Cache-Control': 'no-store' }).end(html)
    } catch (e) {
      res.writeHead(404).end(String(e))
    }
  })
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok))
  const port = server.address().port
  return {
    port,
    uploads,
    preflights,
    /** The next upload matching `match` gets `reply` ([status, headers]) instead of 200. */
    answer: (match, reply) => answers.push({ match, reply }),
    page: (path) => `http://localhost:${port}/${path}`,
    close: () => new Promise((ok) => server.close(ok)),
  }
}

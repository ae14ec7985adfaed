import { dbg, w } from './util'

/**
 * Delivery of uploads (JSON text built by page.ts) to the endpoint, in order, one at a time:
 * gzip'd with CompressionStream when the browser has it, POSTed as a CORS "simple" request
 * (text/plain, no custom header, no credentials). Network errors, 429 and 5xx are retried after
 * Retry-After seconds (default 2), at most 5 tries; 409 means delivered; any other 4xx stops Sightline
 * in this document. When the page goes away, what is still queued leaves by sendBeacon.
 */
interface Item { s: string; n: number; z?: Promise<Blob> }

const enum Limit { TRIES = 5, BEACON = 64000, KEEPALIVE = 60000 }

const F: typeof fetch = w.fetch
let endpoint = ''
let onFatal: () => void
let queue: Item[] = []
let busy = false

const blob = (b: BlobPart) => new Blob([b], { type: 'text/plain' })

const gzip = (s: string): Promise<Blob> => w.CompressionStream
  ? new Response(blob(s).stream().pipeThrough(new CompressionStream('gzip'))).blob().then(blob)
  : Promise.resolve(blob(s))

/** Called once with where to send and what to do when the server refuses us for good. */
export function setupUpload(url: string, fatal: () => void) {
  endpoint = url
  onFatal = fatal
}

/** Characters of JSON waiting to be delivered. */
export const pendingSize = () => queue.reduce((n, it) => n + it.s.length, 0)

/** Queues one upload. */
export function send(s: string) {
  queue.push({ s, n: 0 })
  pump()
}

function pump() {
  const it = queue[0]
  if (busy || !it) return
  busy = true
  ;(it.z ||= gzip(it.s))
    .then((body) => F(endpoint, { method: 'POST', body, keepalive: body.size < Limit.KEEPALIVE, credentials: 'omit' }))
    // seconds to wait before trying it again; 0: delivered; -1: refused
    .then((r) => (r.ok || r.status == 409 ? 0 : r.status == 429 || r.status > 499 ? +r.headers.get('Retry-After')! || 2 : -1), () => 2)
    .then((wait) => {
      if (wait < 0) {
        dbg('upload refused')
        queue = []
        onFatal()
      } else if (!wait || ++it.n >= Limit.TRIES) queue = queue.filter((x) => x != it)
      setTimeout(() => { busy = false; pump() }, wait * 1e3)
    })
    .catch(dbg)
}

/** Sends one body by sendBeacon now; false when too large or refused by the browser. */
export const beacon = (s: string) => {
  const b = blob(s)
  return b.size <= Limit.BEACON && navigator.sendBeacon(endpoint, b)
}

/** Sends everything still queued by beacon, in order (one in flight may then arrive twice: 409). */
export const drain = () => { queue = queue.filter((it) => !beacon(it.s)) }

import type { Config } from './config'
import { fresh, hashCss } from './css'
import { ids, nextPage, saveIds } from './ids'
import { snapshotJson } from './snapshot-ids'
import { beacon, drain, pendingSize, send } from './upload'
import { dbg, now, on, safe, w } from './util'
import { enc, envelope } from './wire'

/**
 * The current page view: its number, start time, upload sequence and the two pending streams
 * (analytics events `a`, rrweb events `r`, both as JSON text), and when they leave: about 1 s after
 * the page starts, then every 5 s, sooner past 256 KB or 2,000 events; the final one flagged last.
 * Limits: 1023 uploads or 2 hours per page, 128 pages per session, 10 MB of pending recording.
 */
const enum Limit { FIRST = 1e3, EVERY = 5e3, SOON_SIZE = 262144, SOON_EVENTS = 2000, PENDING = 1e7, AGE = 72e5, SEQ = 1023, PAGES = 128 }

let cfg: Config
let seq = 0
let ts = 0
let url = ''
let a: string[] = []
let r: string[] = []
let size = 0
let activity = 0
let timer: any
/** no page view is open: nothing is collected */
let closed = true
/** rrweb events held, in order, from a full snapshot whose stylesheets are being hashed */
let held: any[] | 0 = 0
/** stylesheet texts by hash, to go with the recording they first appear in */
let css: Record<string, string> = {}
/** this page's recording stream was dropped (over 10 MB pending) */
let noRecording = false
/** per page view: how often each error message was seen */
export let errorCounts: Map<string, number>

export const setupPage = (c: Config) => { cfg = c }

/** util.on for collectors: the handler runs only while a page view is open. */
export const listen = (t: EventTarget, type: string, fn: (e: any) => unknown, capture?: boolean) =>
  on(t, type, (e) => closed || fn(e), capture)

const push = (list: string[], s: string) => {
  list.push(s)
  size += s.length
  if (size > Limit.SOON_SIZE || a.length + r.length > Limit.SOON_EVENTS) flush()
}

/** Records one analytics event of the current page (see wire.ts for each kind's fields). */
export function ev(kind: string, ...fields: unknown[]) {
  if (!closed) try {
    push(a, JSON.stringify(enc(kind, (activity = now()) - ts, ...fields)))
  } catch (e) { dbg(e) }
}

const put = (e: any) => {
  if (!closed && !noRecording) try {
    push(r, e.type == 2 ? snapshotJson(e) : JSON.stringify(e))
    if (size + pendingSize() > Limit.PENDING) noRecording = true, r = []
  } catch (x) { dbg(x) }
}

/** Sends the held events as they are (stylesheets inline when their hashes are not in yet). */
const release = () => {
  const h = held || []
  held = 0
  h.forEach(put)
}

/**
 * Records one rrweb event of the current page. A full snapshot (in a secure context) and what follows
 * it wait while its stylesheets are hashed (see css.ts), then go on in order.
 */
export function rec(e: any) {
  if (held) held.push(e)
  else if (e.type == 2 && w.crypto.subtle) {
    const h: any[] = held = [e]
    hashCss(e).then((l) => {
      if (held == h) {
        for (const [k, t] of l) if (fresh(k, cfg.key + cfg.endpoint)) css[k] = t
        release()
      }
    }, () => held == h && release())
  } else put(e)
}

/** The stylesheet texts go with the recording that refers to them. */
const body = (ea: string[], er: string[], last: boolean) =>
  envelope(cfg.key, ids.vid, ids.sid, ids.pn, seq, ts, last, url, ea, er, er[0] ? css : 0 as any)

/** By beacon, taking the next sequence number only when it left. */
const viaBeacon = (ea: string[], er: string[], last: boolean) => seq <= Limit.SEQ && beacon(body(ea, er, last)) && ++seq

/**
 * Sends what is pending (when last, at least an empty final upload). When the page is going away:
 * by beacon, queued uploads first, then this one, split into analytics and recording when too large
 * for one beacon, dropping the recording rather than the analytics.
 */
export function flush(last = false, byBeacon = false) {
  if (closed) return
  if (last || byBeacon) release()
  if (!(a.length || r.length || last)) return
  saveIds(activity)
  if (byBeacon) {
    drain()
    if (!viaBeacon(a, r, last)) viaBeacon(a, [], false), viaBeacon([], r, last) || viaBeacon([], [], last)
  } else if (seq <= Limit.SEQ) send(body(a, r, last)), seq++
  a = []
  r = []
  css = {}
  size = 0
  if (last || seq > Limit.SEQ) close()
}

/** Ends the current page view: nothing more is collected for it. */
export const close = () => {
  closed = true
  clearTimeout(timer)
}

const tick = safe(() => {
  flush(now() - ts > Limit.AGE)
  if (!closed) timer = setTimeout(tick, Limit.EVERY)
})

/**
 * Opens the next page view (flush the previous one first): next page number, sequence 0, a new
 * start time. False when the session is over its page limit (nothing is collected then).
 */
export function openPage() {
  close()
  closed = nextPage() > Limit.PAGES
  seq = size = 0
  ts = activity = now()
  url = location.href
  a = []
  r = []
  css = {}
  held = 0
  noRecording = false
  errorCounts = new Map()
  saveIds(ts)
  if (!closed) timer = setTimeout(tick, Limit.FIRST)
  return !closed
}

/** The URL the current page view started with. */
export const pageUrl = () => url

/** Small helpers shared by every module. Nothing here may throw into the host page. */

export const w = window as any
export const d = document
export const now = Date.now
const log = console

/** Sightline only ever talks to the console at debug level. */
export const dbg = (...a: unknown[]) => {
  try { log.debug('[sightline]', ...a) } catch {}
}

/** Wraps a callback so that an error inside it stays inside Sightline. */
export const safe = <A extends unknown[]>(fn: (...a: A) => unknown) => (...a: A): any => {
  try { return fn(...a) } catch (e) { dbg(e) }
}

/** addEventListener with a guarded, passive handler; capture phase unless told otherwise. */
export const on = (t: EventTarget, type: string, fn: (e: any) => unknown, capture = true) =>
  t.addEventListener(type, safe(fn), { capture, passive: true })

/** The SHA-256 hex of a string's UTF-8 bytes (secure contexts only). */
export const sha = (s: string) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))
  .then((b) => Array.from(new Uint8Array(b), (x) => (x + 256).toString(16).slice(1)).join(''))

/** Full height of the document, whichever of html/body reports more. */
export const docHeight = () => Math.max(d.documentElement.scrollHeight, d.body ? d.body.scrollHeight : 0)

import { d, now } from './util'

/**
 * Visitor and session ids. With cookies: _slv = visitor id (1 year), _sls = "sessionId.pageCount.
 * lastActivityMs" (expires 30 minutes after the last activity); host-only, path=/, SameSite=Lax.
 * Without cookies: memory only, so each full page load is a new visitor and session.
 */
const ID = /^[a-z0-9]{16,24}$/

/** A random id: 20 chars of [a-z0-9]. */
export const rid = () => Array.from(crypto.getRandomValues(new Uint8Array(20)), (b) => (b % 36).toString(36)).join('')

const get = (name: string) => (d.cookie.match('(^|; )' + name + '=([^;]*)') || [])[2] || ''
const set = (name: string, value: string, maxAge: number) => {
  d.cookie = name + '=' + value + ';path=/;SameSite=Lax;max-age=' + maxAge + (location.protocol == 'https:' ? ';Secure' : '')
}

export const ids = { vid: '', sid: '', pn: 0, cookies: true }

/** The session cookie as [sid, pageCount] while that session is alive, else undefined. */
const session = () => {
  const s = get('_sls').split('.')
  return ids.cookies && ID.test(s[0]) && now() - +s[2] < 18e5 ? s : undefined
}

/** Starts or continues the visitor and the session. */
export function loadIds(cookies: boolean) {
  ids.cookies = cookies
  const v = cookies && get('_slv')
  const s = session()
  ids.vid = v && ID.test(v) ? v : rid()
  ids.sid = s ? s[0] : rid()
  ids.pn = s ? +s[1] || 0 : 0
}

/** The next page number, counting the pages that other tabs of the same session started. */
export function nextPage() {
  const s = session()
  if (s && s[0] == ids.sid) ids.pn = Math.max(ids.pn, +s[1] || 0)
  return ++ids.pn
}

/** Writes the cookies (nothing without cookies); activity = time of the last activity. */
export function saveIds(activity: number) {
  if (ids.cookies) {
    set('_slv', ids.vid, 31536000)
    set('_sls', ids.sid + '.' + Math.min(ids.pn, 129) + '.' + activity, 1800)
  }
}

/** Deletes Sightline's cookies. */
export const clearIds = () => {
  set('_slv', '', 0)
  set('_sls', '', 0)
}

import { ids } from './ids'

/**
 * Stylesheets sent once per session. rrweb inlines every stylesheet's text into each full snapshot —
 * the same text on every page of a site, and the largest part of most uploads. The first time in a
 * session a text leaves whole; after that as MARK + key, which the player resolves from the earlier
 * chunk (web-ui/src/player/stylesheets.ts computes the same key). The keys sent so far are kept per
 * session in sessionStorage ("sid;key;key;…"); in memory only without cookies or storage.
 */
const MARK = '\0sl-css:'
const KEY = '_slcss'
let seen = ''

/** A stylesheet text's key: a 32-bit hash and the length, base 36, and ';'. */
export const cssKey = (s: string) => {
  let h = 0
  for (let i = 0; i < s.length; i++) h = h * 31 + s.charCodeAt(i) | 0
  return (h >>> 0).toString(36) + '.' + s.length.toString(36) + ';'
}

const ref = (text: string) => {
  const key = cssKey(text)
  const mine = ids.sid + ';'
  if (!seen.startsWith(mine)) {
    try { seen = ids.cookies && sessionStorage[KEY] || '' } catch {}
    if (!seen.startsWith(mine)) seen = mine
  }
  if (seen.includes(';' + key)) return MARK + key
  seen += key
  try { if (ids.cookies) sessionStorage[KEY] = seen } catch {}
  return text
}

/** A full snapshot's JSON, each stylesheet text (over 999 chars) already sent in this session as a reference. */
export const snapshotJson = (e: unknown) => JSON.stringify(e, function (this: any, k, v) {
  return (k == '_cssText' || k == 'textContent' && this.isStyle) && v.length > 999 ? ref(v) : v
})

import { ids } from './ids'
import { sha } from './util'

/**
 * Stylesheets by content. In a full snapshot, each stylesheet text of 1,000 chars or more (a link's
 * or style's _cssText, a <style>'s text node) is replaced by _cssHash, the SHA-256 hex of the text;
 * the text itself goes along in an upload's `css` only the first time this browser sends it to this
 * project and endpoint: remembered in localStorage (`_slcss`) when cookies are allowed, else in memory.
 */
const KEY = '_slcss'
let mem = ''

/** Hashes a full snapshot's large stylesheets in place; resolves with [hash, text] of each. */
export function hashCss(e: any): Promise<string[][]> {
  const found: [any, string][] = []
  const walk = (n: any) => {
    const a = n.attributes
    if (a && a._cssText?.length > 999) found.push([a, '_cssText'])
    if (n.isStyle && n.textContent?.length > 999) found.push([n, 'textContent'])
    n.childNodes?.forEach(walk)
  }
  walk(e.data.node)
  return Promise.all(found.map(([o, k]) => sha(o[k]))).then((hs) => hs.map((h, i) => {
    const [o, k] = found[i]
    const t = o[k]
    delete o[k]
    o._cssHash = h
    return [h, t]
  }))
}

/** True the first time a hash is sent to this project and endpoint (scope) by this browser. */
export function fresh(h: string, scope: string) {
  let l: string[] = []
  try { l = (ids.cookies ? localStorage[KEY] || '' : mem).split(' ') } catch {}
  if (l[0] != scope) l = [scope]
  if (l.includes(h)) return false
  l.push(h)
  mem = [scope, ...l.slice(1).slice(-100)].join(' ')
  try { if (ids.cookies) localStorage[KEY] = mem } catch {}
  return true
}

/** Forgets what was sent (consent revoked). */
export const forgetCss = () => {
  mem = ''
  try { localStorage.removeItem(KEY) } catch {}
}

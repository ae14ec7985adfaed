import { ev } from './page'
import { isRunning, start, stop } from './tracker'
import { dbg, sha } from './util'

/**
 * The page's API: sightline('event', name), ('set', key, value), ('identify', id) — only the SHA-256
 * of the id leaves the browser —, ('consent', true|false) and ('stop'). Tags and identities given
 * before consent are kept in memory and applied when consent arrives.
 */
let beforeConsent: ArrayLike<unknown>[] = []

export function command(args: ArrayLike<unknown>) {
  try {
    const [c, x, y] = args as unknown[]
    if (!isRunning() && (c == 'set' || c == 'identify')) beforeConsent.push(args)
    else if (c == 'event') ev('event', x)
    else if (c == 'set') ev('tag', x, y)
    else if (c == 'identify') {
      if (x != null) sha(String(x)).then((h) => ev('identify', h), dbg)
    } else if (c == 'consent') {
      if (x !== false) {
        start()
        ev('consent', 1)
        beforeConsent.splice(0).forEach(command)
      } else {
        ev('consent', 0)
        beforeConsent = []
        stop(true)
      }
    } else if (c == 'stop') stop()
  } catch (e) {
    dbg(e)
  }
}

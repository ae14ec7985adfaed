import { ev, listen } from './page'
import { docHeight, now, w } from './util'

/**
 * Main document scrolling (at most every 250 ms, plus where it stopped) and viewport resizes
 * (once they settle).
 */
const enum Wait { SCROLL = 250, RESIZE = 500 }

export function captureScroll() {
  let last = 0, lx = -1, ly = -1, end: any, rs: any
  const out = () => {
    last = now()
    if (scrollX != lx || scrollY != ly) ev('scroll', lx = scrollX, ly = scrollY, docHeight(), innerHeight)
  }
  // on window without capture: inner scroll containers' events do not bubble up to here
  listen(w, 'scroll', () => {
    clearTimeout(end)
    end = setTimeout(out, Wait.SCROLL)
    if (now() - last >= Wait.SCROLL) out()
  }, false)
  listen(w, 'resize', () => {
    clearTimeout(rs)
    rs = setTimeout(() => ev('resize', innerWidth, innerHeight, docHeight()), Wait.RESIZE)
  }, false)
}

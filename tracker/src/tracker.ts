import type { Config } from './config'
import { captureErrors } from './errors'
import { captureFields } from './fields'
import { forgetCss } from './css'
import { clearIds, loadIds } from './ids'
import { maskText } from './mask'
import { close, ev, flush, listen, openPage, pageUrl, rec, setupPage } from './page'
import { capturePointer } from './pointer'
import { snapshot, startRecorder } from './recorder'
import { captureRequests } from './requests'
import { captureScroll } from './scroll'
import { setupUpload } from './upload'
import { d, docHeight, on, safe, w } from './util'

/**
 * The tracker's lifecycle: start (ids, collectors, recorder, first page view), page views on SPA
 * route changes and bfcache restores, the final uploads when the page is hidden or left, and stop.
 */
let cfg: Config
let running = false
let installed = false
let refused = false
let stopRecorder: (() => void) | undefined

export const isRunning = () => running

const noHash = (u: string) => u.split('#')[0]

/** Opens a page view with its `page` event; false when the session is over its page limit. */
function page(referrer: string) {
  const ok = openPage()
  ev('page', location.href, maskText(cfg.mask)(d.title, null), referrer, innerWidth, innerHeight,
    screen.width, screen.height, devicePixelRatio * 100, navigator.language,
    Intl.DateTimeFormat().resolvedOptions().timeZone, docHeight(), navigator.webdriver ? 1 : 0)
  return ok
}

/** A history change starts a page view unless only the hash changed (or nothing did). */
const route = safe(() => {
  const previous = pageUrl()
  if (running && noHash(location.href) != noHash(previous)) {
    flush(true)
    if (page(previous)) snapshot()
  }
})

function install() {
  capturePointer(cfg.mask)
  captureScroll()
  captureFields()
  captureErrors()
  captureRequests()
  const h: any = history
  for (const m of ['pushState', 'replaceState']) {
    const original = h[m]
    h[m] = function (this: History) {
      const r = original.apply(this, arguments)
      route()
      return r
    }
  }
  on(w, 'popstate', route)
  listen(d, 'visibilitychange', () => {
    const visible = d.visibilityState == 'visible'
    ev('visibility', visible)
    if (!visible) flush(false, true)
  })
  on(w, 'pagehide', () => flush(true, true))
  on(w, 'pageshow', (e: PageTransitionEvent) => {
    if (running && e.persisted && page(pageUrl())) snapshot()
  })
}

/** Called once, before anything else. */
export function boot(c: Config) {
  cfg = c
  setupPage(c)
  setupUpload(c.endpoint, () => {
    // refused by the server: stop without a last upload
    refused = true
    close()
    stop()
  })
}

/** Starts collecting and recording (again, after a stop). */
export function start() {
  if (running || refused) return
  running = true
  loadIds(cfg.cookies)
  if (!installed) install(), (installed = true)
  page(d.referrer)
  stopRecorder = startRecorder(cfg.mask, safe(rec))
}

/** Sends what is pending as the page's last upload and stops; forget: delete the cookies too. */
export function stop(forget?: boolean) {
  if (running) {
    running = false
    flush(true)
    close()
    if (stopRecorder) stopRecorder()
  }
  if (forget) clearIds(), forgetCss()
}

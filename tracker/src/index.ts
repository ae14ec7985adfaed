/**
 * sightline.js — rrweb's recorder plus Sightline's analytics stream.
 *
 *   <script>window.sightline=window.sightline||function(){(sightline.q=sightline.q||[]).push(arguments)};</script>
 *   <script async src="https://HOST/sightline.js?k=SITE_KEY"></script>
 *
 * The only global it leaves is window.sightline; it never throws into the page.
 */
import { command } from './api'
import { readConfig } from './config'
import { boot, start } from './tracker'
import { dbg, w } from './util'

try {
  const stub = w.sightline
  if (!(stub && stub.live)) {
    const cfg = readConfig()
    const off = !cfg.key || !cfg.endpoint || (cfg.gpc && (navigator as any).globalPrivacyControl === true)
    const api: any = function () {
      if (!off) command(arguments)
    }
    api.live = 1
    if (!off) {
      boot(cfg)
      if (!cfg.consent) start()
      ;((stub && stub.q) || []).forEach(command)
    }
    w.sightline = api
  }
} catch (e) {
  dbg(e)
}

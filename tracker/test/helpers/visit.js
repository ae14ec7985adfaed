// Visits of test pages by a headless Chromium, with the uploads each visit produced.
import { waitFor } from './browser.js'

let visits = 0

/**
 * Opens page `path` in a fresh browser context (or `ctx`) with tracker settings `cfg` (mask, consent,
 * cookies, gpc, raw) and a site key of its own, so that its uploads are told apart from others'.
 */
export async function visit(server, browser, path, cfg = {}, ctx) {
  const key = cfg.k || 'visit-' + ++visits
  ctx ||= await browser.newContext()
  const page = await ctx.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e))
  const q = new URLSearchParams({ k: key, ...cfg })
  await page.goto(server.page(path + (path.includes('?') ? '&' : '?') + q))
  const uploads = () => server.uploads.filter((u) => u.key == key && u.status == 200)
  return {
    key, ctx, page, errors, uploads,
    /** every uploaded analytics event of kind (all kinds when omitted) */
    events: (kind) => uploads().flatMap((u) => u.a.filter((e) => !kind || e[0] == kind)),
    /** all decoded upload bodies, as they came */
    raw: () => server.uploads.filter((u) => u.key == key).map((u) => u.raw).join('\n'),
    /** waits for the tracker to have started (its first upload) */
    started: () => waitFor(() => uploads().length, 'first upload'),
    /** waits for an analytics event */
    event: (kind, where = () => true) => waitFor(() => uploads().flatMap((u) => u.a).find((e) => e[0] == kind && where(e)), kind + ' event'),
    /** leaves the page (navigates to about:blank) and waits for its last upload */
    async leave() {
      await waitFor(() => uploads().length, 'first upload')
      const pn = Math.max(...uploads().map((u) => u.pn))
      await page.goto('about:blank')
      await waitFor(() => uploads().find((u) => u.last && u.pn == pn), 'the last upload')
    },
  }
}

// One server and one browser per test file.
import { after, before } from 'node:test'
import { launch } from './browser.js'
import { startServer } from './server.js'
import { visit } from './visit.js'

/** Registers before/after hooks; returns { server, visit(path, cfg, ctx) } once they ran. */
export function setup() {
  const env = {}
  before(async () => {
    env.server = await startServer()
    env.browser = await launch()
  })
  after(async () => {
    await env.browser?.close()
    await env.server?.close()
  })
  env.visit = (path, cfg, ctx) => visit(env.server, env.browser, path, cfg, ctx)
  return env
}

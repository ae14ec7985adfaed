// Shared set-up for the browser tests: one Chromium per test file, fixture servers on port 0.
import { after, before } from 'node:test';
import { launchChromium, newPage } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

/** Starts Chromium (and a default fixture server) for the tests of a file. */
export function useBrowser(serverOptions = {}) {
  const env = { browser: null, server: null, servers: [] };
  before(async () => {
    env.browser = await launchChromium();
    env.server = await startFixtureServer(serverOptions);
    env.servers.push(env.server);
  });
  after(async () => {
    await env.browser?.close();
    await Promise.all(env.servers.map((s) => s.close()));
  });
  /** A fixture server of its own, closed with the file. */
  env.startServer = async (options) => {
    const server = await startFixtureServer(options);
    env.servers.push(server);
    return server;
  };
  /** A fresh page, logged in unless told otherwise, that has opened `path`. */
  env.open = async (path, { server = env.server, login = true, contextOptions = {} } = {}) => {
    const page = await newPage(env.browser, contextOptions);
    if (login) await server.login(page.context());
    await page.goto(server.origin + path);
    return page;
  };
  return env;
}

export function playerState(page) {
  return page.evaluate(() => document.body.dataset.playerState);
}

export async function waitForPlayerState(page, states, timeout = 20_000) {
  const wanted = Array.isArray(states) ? states : [states];
  await page.waitForFunction((list) => list.includes(document.body.dataset.playerState), wanted, { timeout });
  return playerState(page);
}

export function playerTime(page) {
  return page.evaluate(() => Number(document.querySelector('#player')?.dataset.playerTime));
}

/** Runs a function inside the replay document (reachable because of allow-same-origin). */
export function inReplay(page, fn, arg) {
  return page.evaluate(
    ({ source, arg }) => {
      const doc = document.querySelector('#replay-root iframe')?.contentDocument;
      // eslint-disable-next-line no-new-func
      return new Function('doc', 'arg', `return (${source})(doc, arg);`)(doc, arg);
    },
    { source: fn.toString(), arg },
  );
}

export const close = (page) => page.context().close();

// Takes screenshots of the dashboard against the fixture server (npm run screenshots [-- outDir]).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, newPage } from '../test/support/chromium.mjs';
import { startFixtureServer } from '../test/support/fixture-server.mjs';
import { recordFixtures } from '../test/support/record-fixtures.mjs';

const outDir = process.argv[2] || '/tmp';
await mkdir(outDir, { recursive: true });
await recordFixtures();
const server = await startFixtureServer();
const browser = await launchChromium();
try {
  const page = await newPage(browser);
  await server.login(page.context());
  await page.goto(`${server.origin}/p/demo/recordings`);
  await page.waitForSelector('.recording-row');
  await page.screenshot({ path: join(outDir, 'sightline-recordings.png') });

  const journey = server.session('fixture-journey');
  const t = journey.markers.find((m) => m.kind === 'ERROR').at - journey.summary.startedAt - 300;
  await page.goto(`${server.origin}/p/demo/recordings/fixture-journey?t=${t}`);
  await page.waitForFunction(() => ['ready', 'paused'].includes(document.body.dataset.playerState));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, 'sightline-player.png') });

  await page.click('#tab-details');
  await page.screenshot({ path: join(outDir, 'sightline-player-details.png') });

  const empty = await newPage(browser);
  await server.login(empty.context());
  await empty.goto(`${server.origin}/p/empty/recordings`);
  await empty.waitForSelector('#install-snippet');
  await empty.screenshot({ path: join(outDir, 'sightline-empty.png') });

  await page.goto(`${server.origin}/p/demo/insights`);
  await page.waitForSelector('.signal-card');
  await page.screenshot({ path: join(outDir, 'sightline-insights.png'), fullPage: true });
  await page.goto(`${server.origin}/p/demo/insights/errors`);
  await page.waitForSelector('.error-group');
  await page.screenshot({ path: join(outDir, 'sightline-insights-errors.png') });
  await page.goto(`${server.origin}/p/demo/insights/forms`);
  await page.waitForSelector('.form-card');
  await page.screenshot({ path: join(outDir, 'sightline-insights-forms.png') });
  await page.goto(`${server.origin}/p/demo/recordings?insight=RAGE_CLICK`);
  await page.waitForSelector('.recording-row');
  await page.screenshot({ path: join(outDir, 'sightline-recordings-rage.png') });
  const frustrated = server.sessions.find((s) => s.markers.some((m) => m.kind === 'RAGE_CLICK'));
  await page.goto(`${server.origin}/p/demo/recordings/${frustrated.summary.sessionId}?t=0`);
  await page.waitForFunction(() => document.body.dataset.playerState === 'ready');
  await page.hover('#seek-markers .marker[data-kind="RAGE_CLICK"]');
  await page.screenshot({ path: join(outDir, 'sightline-player-insights.png') });

  const login = await newPage(browser);
  await login.goto(`${server.origin}/login`);
  await login.waitForSelector('#login-form');
  await login.screenshot({ path: join(outDir, 'sightline-login.png') });
  console.log(`screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

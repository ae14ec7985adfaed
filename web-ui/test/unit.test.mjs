import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { importTs } from './support/import-ts.mjs';
import { uiDir } from './support/paths.mjs';

const rules = await importTs('src/player/sanitize-rules.ts');
const events = await importTs('src/player/sanitize-events.ts');
const query = await importTs('src/recordings/query.ts');
const filters = await importTs('src/dashboard/filters.ts');
const format = await importTs('src/format.ts');
const strength = await importTs('src/password-strength.ts');
const shortcuts = await importTs('src/player/shortcuts.ts');
const timeline = await importTs('src/player/timeline.ts');
const activity = await importTs('src/player/activity.ts');

describe('build output', () => {
  test('index.html loads only the external script and stylesheet, with no inline script', async () => {
    const html = await readFile(join(uiDir, 'index.html'), 'utf8');
    const scripts = html.match(/<script[^>]*>/g);
    assert.deepEqual(scripts, ['<script src="/assets/app.js" defer>']);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/app.css">/);
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/);
    assert.doesNotMatch(html, / on[a-z]+=/i);
  });

  test('the stylesheet bundles the Replayer\'s own CSS', async () => {
    const css = await readFile(join(uiDir, 'assets', 'app.css'), 'utf8');
    assert.match(css, /\.replayer-mouse/);
  });
});

describe('replay sanitizing rules', () => {
  test('event handler attributes are forbidden on every element', () => {
    for (const name of ['onerror', 'ONLOAD', 'onmouseover', '_onclick']) assert.equal(rules.isForbiddenAttribute('img', name, 'x()'), true, name);
    assert.equal(rules.isForbiddenAttribute('img', 'src', 'photo.png'), false);
  });

  test('script URLs are forbidden even when disguised with whitespace and case', () => {
    assert.equal(rules.isForbiddenAttribute('a', 'href', 'javascript:alert(1)'), true);
    assert.equal(rules.isForbiddenAttribute('a', 'href', ' \tJava\nScript:alert(1)'), true);
    assert.equal(rules.isForbiddenAttribute('form', 'action', 'javascript:x'), true);
    assert.equal(rules.isForbiddenAttribute('button', 'formaction', '/ok'), true);
    assert.equal(rules.isForbiddenAttribute('a', 'xlink:href', 'javascript:x'), true);
    assert.equal(rules.isForbiddenAttribute('iframe', 'src', 'data:text/html,<script>x</script>'), true);
    assert.equal(rules.isForbiddenAttribute('object', 'data', 'data:image/svg+xml,<svg onload=x>'), true);
    assert.equal(rules.isForbiddenAttribute('a', 'href', 'https://example.com/'), false);
    assert.equal(rules.isForbiddenAttribute('img', 'src', 'data:image/png;base64,AAAA'), false);
  });

  test('srcdoc, base URLs and meta refresh are forbidden', () => {
    assert.equal(rules.isForbiddenAttribute('iframe', 'srcdoc', '<p>hi</p>'), true);
    assert.equal(rules.isForbiddenAttribute('base', 'href', 'https://evil.example/'), true);
    assert.equal(rules.isForbiddenAttribute('meta', 'http-equiv', 'Refresh'), true);
    assert.equal(rules.isForbiddenAttribute('meta', 'http-equiv', 'X-UA-Compatible'), false);
    assert.equal(rules.isForbiddenAttribute('meta', 'name', 'viewport'), false);
  });

  test('the event sanitizer cleans full snapshots, added nodes and attribute changes', () => {
    const sanitizer = new events.EventSanitizer();
    const full = {
      type: 2, timestamp: 1,
      data: { node: { type: 0, id: 1, childNodes: [{ type: 2, id: 2, tagName: 'a', attributes: { href: 'javascript:x', id: 'l', onclick: 'x' }, childNodes: [] }] } },
    };
    sanitizer.sanitize(full);
    assert.deepEqual(full.data.node.childNodes[0].attributes, { id: 'l' });

    const mutation = {
      type: 3, timestamp: 2,
      data: {
        source: 0, texts: [], removes: [],
        adds: [{ parentId: 1, node: { type: 2, id: 3, tagName: 'iframe', attributes: { srcdoc: '<script>x</script>', title: 't' }, childNodes: [] } }],
        attributes: [{ id: 2, attributes: { href: 'javascript:y', onmouseover: 'y', class: 'ok' } }, { id: 3, attributes: { src: 'data:text/html,x' } }],
      },
    };
    sanitizer.sanitize(mutation);
    assert.deepEqual(mutation.data.adds[0].node.attributes, { title: 't' });
    assert.deepEqual(mutation.data.attributes[0].attributes, { class: 'ok' });
    assert.deepEqual(mutation.data.attributes[1].attributes, {}, 'an iframe may not load a data: document');
  });

  test('only objects with a numeric type and timestamp count as recorded events', () => {
    assert.equal(events.isRecordedEvent({ type: 2, timestamp: 5 }), true);
    assert.equal(events.isRecordedEvent({ type: '2', timestamp: 5 }), false);
    assert.equal(events.isRecordedEvent(null), false);
  });
});

describe('recordings list URL state', () => {
  test('an empty query means the last 30 days, newest first, 50 per page', () => {
    assert.deepEqual(query.parseListState(''), query.DEFAULT_STATE);
    assert.equal(query.listStateToSearch(query.DEFAULT_STATE), '');
  });

  test('a state survives a round trip through the URL', () => {
    const state = {
      range: 'custom', from: '2026-11-01', to: '2026-11-07', sort: 'clicks', page: 3, limit: 25, bots: true, insight: 'RAGE_CLICK',
      filters: ['device:equals:mobile', 'visited:contains:/a:b&c'], steps: ['page:contains:/cart', 'event:equals:buy'], dropped: 1,
    };
    assert.deepEqual(query.parseListState(query.listStateToSearch(state)), state);
  });

  test('nonsense in the URL falls back to defaults', () => {
    const state = query.parseListState('?range=forever&sort=evil&page=-4&limit=7&from=yesterday&insight=EVIL');
    assert.deepEqual(state, query.DEFAULT_STATE);
  });

  test('a custom range covers whole local days, the last one included', () => {
    const w = query.timeWindow({ ...query.DEFAULT_STATE, range: 'custom', from: '2026-11-01', to: '2026-11-02' });
    assert.equal(w.from, new Date(2026, 10, 1).getTime());
    assert.equal(w.to, new Date(2026, 10, 3).getTime());
  });

  test('the API query pages with limit and offset', () => {
    const q = query.toSessionQuery({ ...query.DEFAULT_STATE, page: 3, limit: 25 }, 1_000_000_000_000);
    assert.equal(q.offset, 50);
    assert.equal(q.limit, 25);
    assert.equal(q.to - q.from, 30 * 86_400_000);
  });
});

describe('formatting', () => {
  test('durations read like a person would say them', () => {
    assert.equal(format.formatDuration(45_000), '45s');
    assert.equal(format.formatDuration(185_000), '3m 05s');
    assert.equal(format.formatDuration(3_725_000), '1h 02m');
    assert.equal(format.formatClock(7_000), '0:07');
    assert.equal(format.formatClock(3_723_000), '1:02:03');
  });

  test('URLs are shown by their path and anything else as it is', () => {
    assert.equal(format.urlPath('http://localhost:8080/demo/pricing.html?billing=yearly#x'), '/demo/pricing.html?billing=yearly');
    assert.equal(format.urlPath('not a url'), 'not a url');
    assert.equal(format.urlPath(null), '');
  });

  test('unknown countries and enums get readable names', () => {
    assert.equal(format.countryName('--'), 'Unknown');
    assert.equal(format.countryName('DE'), 'Germany');
    assert.equal(format.channelName('ORGANIC_SEARCH'), 'Organic search');
    assert.equal(format.deviceName('MOBILE'), 'Mobile');
  });
});

describe('password strength', () => {
  test('a password shorter than ten characters is too short', () => {
    assert.equal(strength.passwordStrength('abc').label, 'Too short');
    assert.match(strength.passwordStrength('abcdefgh').hint, /2 more characters/);
  });

  test('longer and more varied passwords rate higher', () => {
    assert.equal(strength.passwordStrength('password123').label, 'Weak');
    assert.ok(strength.passwordStrength('Tr0mbone-Lagoon-42').score >= 3);
  });
});

describe('player shortcuts and timeline', () => {
  const key = (k, extra = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: { tagName: 'DIV' }, ...extra });

  test('space, arrows and digits map to player actions', () => {
    assert.deepEqual(shortcuts.actionForKey(key(' ')), { type: 'toggle' });
    assert.deepEqual(shortcuts.actionForKey(key('ArrowLeft')), { type: 'seekBy', ms: -5000 });
    assert.deepEqual(shortcuts.actionForKey(key('ArrowRight')), { type: 'seekBy', ms: 5000 });
    assert.deepEqual(shortcuts.actionForKey(key('1')), { type: 'speed', speed: 0.5 });
    assert.deepEqual(shortcuts.actionForKey(key('5')), { type: 'speed', speed: 8 });
  });

  test('gaps of more than ten seconds between user actions are inactive stretches', () => {
    const tracker = new activity.ActivityTracker();
    for (const t of [0, 2_000, 4_000, 30_000, 31_000, 31_500, 50_000]) tracker.add(t);
    assert.deepEqual(tracker.spans(), [{ startMs: 4_000, endMs: 30_000 }, { startMs: 31_500, endMs: 50_000 }]);
    assert.equal(activity.isUserActivity({ type: 3, data: { source: 2 } }), true, 'a click');
    assert.equal(activity.isUserActivity({ type: 3, data: { source: 0 } }), false, 'a DOM mutation');
  });

  test('keys typed into form fields or with modifiers are left alone', () => {
    assert.equal(shortcuts.actionForKey(key(' ', { target: { tagName: 'INPUT' } })), null);
    assert.equal(shortcuts.actionForKey(key('1', { ctrlKey: true })), null);
  });

  test('a click on a marker lands a moment before it, never before the start', () => {
    const [page, click] = timeline.toTimelineMarkers(
      [{ kind: 'CLICK', pageNumber: 1, at: 1010_000, label: 'b' }, { kind: 'PAGE', pageNumber: 1, at: 1000_500, label: '/' }],
      1000_000,
    );
    assert.equal(timeline.markerJumpTarget(page), 0);
    assert.equal(timeline.markerJumpTarget(click), 10_000 - timeline.MARKER_LEAD_MS);
  });
});

describe('dashboard filters', () => {
  test('the add-filter form builds the API\'s field:operator:value form, or nothing when incomplete', () => {
    assert.equal(filters.buildFilter('visited', 'ends_with', '/cart'), 'visited:ends_with:/cart');
    assert.equal(filters.buildFilter('duration', '', '30', ''), 'duration:between:30..');
    assert.equal(filters.buildFilter('duration', '', 'x', ''), null);
    assert.equal(filters.buildFilter('insight', 'no', 'rage_click'), 'insight:rage_click:no');
    assert.equal(filters.buildFilter('event', 'not_done', ' purchase '), 'event:not_done:purchase');
    assert.equal(filters.buildFilter('tag', '', 'plan', 'pro'), 'tag:plan:pro');
    assert.equal(filters.buildFilter('visitor', '', 'new'), 'visitor:is:new');
    assert.equal(filters.buildFilter('device', '', ''), null);
  });

  test('a filter reads as words, its value keeping its colons', () => {
    assert.equal(filters.describeFilter('visited:contains:https://shop'), 'Visited URL contains https://shop');
    assert.equal(filters.describeFilter('pages:between:2..5'), 'Pages 2–5');
    assert.equal(filters.describeFilter('scroll:between:75..'), 'Scroll depth ≥ 75%');
    assert.equal(filters.describeFilter('event:not_done:signup'), 'Did not do “signup”');
    assert.equal(filters.describeFilter('channel:equals:AI_TOOLS'), 'Channel is AI tools');
  });
});

// The heatmaps' logic without a browser: URL state, anchoring, scroll reach, CSV, colours, labels.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importTs } from './support/import-ts.mjs';

const query = await importTs('src/heatmaps/query.ts');
const anchoring = await importTs('src/heatmaps/anchoring.ts');
const scroll = await importTs('src/heatmaps/scroll-map.ts');
const csv = await importTs('src/heatmaps/csv.ts');
const palette = await importTs('src/heatmaps/palette.ts');
const labels = await importTs('src/heatmaps/element-label.ts');
const heat = await importTs('src/heatmaps/heat-layer.ts');

describe('heatmap URL state', () => {
  test('a plain page heatmap has a plain URL and defaults to desktop clicks of the last 30 days', () => {
    const state = query.parseViewState('?page=shop.example%2Fproduct%2F42');
    assert.equal(state.page, 'shop.example/product/42');
    assert.equal(state.device, 'desktop');
    assert.equal(state.range, '30d');
    assert.equal(state.tab, 'click');
    assert.equal(state.layer, 'clicks');
    assert.equal(state.compare, null);
    assert.equal(query.viewStateToSearch(state), '?page=shop.example%2Fproduct%2F42');
  });

  test('every part of the state survives a round trip through the URL', () => {
    const search = '?group=g1&device=mobile&range=custom&from=2026-03-01&to=2026-03-07&tab=area&layer=first_clicks&compare=range&brange=90d';
    const state = query.parseViewState(search);
    assert.equal(state.group, 'g1');
    assert.equal(state.other.range, '90d');
    assert.deepEqual(query.parseViewState(query.viewStateToSearch(state)), state);
  });

  test('unknown values fall back to defaults, and insight layers are taken from the URL', () => {
    assert.equal(query.parseViewState('?page=p&layer=rage_clicks').layer, 'rage_clicks');
    const state = query.parseViewState('?page=p&device=watch&range=custom&from=nope&tab=hover&layer=hovers&compare=segment');
    assert.equal(state.device, 'desktop');
    assert.equal(state.range, '30d');
    assert.equal(state.tab, 'click');
    assert.equal(state.layer, 'clicks');
    assert.equal(state.compare, null);
  });

  test('comparing devices gives side B the other device over the same window', () => {
    const now = Date.UTC(2026, 2, 10, 12);
    const state = query.parseViewState('?page=p&compare=device&bdevice=mobile');
    const a = query.scopeOf(state, now);
    const b = query.otherScopeOf(state, now);
    assert.equal(a.device, 'desktop');
    assert.equal(b.device, 'mobile');
    assert.equal(b.from, a.from);
    assert.equal(b.to, now);
    assert.equal(query.otherScopeOf(query.parseViewState('?page=p'), now), null);
  });

  test('session filters and the filters of a segment ride in the URL and narrow both sides of a comparison', () => {
    const now = Date.UTC(2026, 2, 10, 12);
    const state = query.parseViewState('?page=p&compare=device&f=device%3Aequals%3Amobile&f=event%3Adone%3Asignup');
    assert.deepEqual(state.filters, ['device:equals:mobile', 'event:done:signup']);
    assert.deepEqual(query.scopeOf(state, now).filters, state.filters);
    assert.deepEqual(query.otherScopeOf(state, now).filters, state.filters);
    assert.deepEqual(query.parseViewState(query.viewStateToSearch(state)), state);
    assert.deepEqual(query.parseViewState('?page=p').filters, []);
    assert.equal(query.viewStateToSearch(query.parseViewState('?page=p&f=')), '?page=p');
  });

  test('the move map reads the moves layer whatever click layer is chosen', () => {
    assert.equal(query.layerOf(query.parseViewState('?page=p&tab=move&layer=first_clicks')), 'moves');
    assert.equal(query.layerOf(query.parseViewState('?page=p&tab=area&layer=first_clicks')), 'first_clicks');
  });

  test('ninety days reach back ninety days', () => {
    const now = Date.UTC(2026, 2, 10);
    assert.deepEqual(query.timeWindow({ range: '90d', from: null, to: null }, now), { from: now - 90 * 86_400_000, to: now });
  });
});

describe('anchoring points on a snapshot', () => {
  const element = (selector, points, cells) => ({ selector, tag: 'button', text: '', points, sessions: 1, cells });

  test('each cell lands at its relative place inside the box the snapshot gives its element', () => {
    const boxes = { '#buy': { left: 100, top: 200, width: 80, height: 40 } };
    const placed = anchoring.placeOnElements([element('#buy', 5, [8, 4, 0, 0, 2, 8, 4, 7, 3, 3])], (s) => boxes[s] ?? null);
    assert.deepEqual(placed.drawn.map((p) => [p.x, p.y, p.points, p.anchored]), [[105, 205, 2, true], [175, 235, 3, true]]);
    for (const p of placed.drawn) {
      assert.ok(p.x > 100 && p.x < 180 && p.y > 200 && p.y < 240, 'inside the box');
    }
    assert.equal(placed.anchoredPoints, 5);
    assert.equal(placed.missingPoints, 0);
  });

  test('elements the snapshot lacks, hides or cannot name are reported with their points, not dropped', () => {
    const boxes = { '#hidden': { left: 0, top: 0, width: 0, height: 0 } };
    const placed = anchoring.placeOnElements(
      [element('#gone', 3, [1, 1, 0, 0, 3]), element('#hidden', 2, [1, 1, 0, 0, 2]), element('', 1, [1, 1, 0, 0, 1])],
      (s) => boxes[s] ?? null);
    assert.deepEqual(placed.missing, [{ selector: '#gone', points: 3 }, { selector: '#hidden', points: 2 }, { selector: '', points: 1 }]);
    assert.equal(placed.missingPoints, 6);
    assert.equal(placed.drawn.length, 0);
  });

  test('the fallback draws points where they happened on the page', () => {
    assert.deepEqual(anchoring.placeOnPage([{ selector: '#gone', x: 804, y: 1204, points: 2 }]),
      [{ x: 804, y: 1204, points: 2, selector: '#gone', anchored: false }]);
  });
});

describe('scroll reach', () => {
  const map = { pageViews: 4, reachedPercent: Array.from({ length: 101 }, (_, p) => (p <= 22 ? 4 : p <= 40 ? 3 : p <= 60 ? 2 : 1)), averageFoldPixels: 900, averageDocumentHeight: 4000 };

  test('the share at a depth is the page views that reached it', () => {
    assert.equal(scroll.shareAt(map, 0), 1);
    assert.equal(scroll.shareAt(map, 30), 0.75);
    assert.equal(scroll.shareAt(map, 60.9), 0.5);
    assert.equal(scroll.shareAt(map, 100), 0.25);
    assert.equal(scroll.shareAt({ ...map, pageViews: 0 }, 10), 0);
  });

  test('the 75, 50 and 25 % lines sit at the deepest point that share reached', () => {
    assert.deepEqual(scroll.reachLines(map), [{ share: 0.75, percent: 40 }, { share: 0.5, percent: 60 }, { share: 0.25, percent: 100 }]);
    assert.deepEqual(scroll.reachLines({ ...map, pageViews: 0 }), []);
  });
});

describe('element list as CSV', () => {
  test('commas, quotes and line breaks are quoted, and formulas are defused', () => {
    const text = csv.toCsv([{ header: 'Element', value: (r) => r.e }, { header: 'Clicks', value: (r) => r.n }],
      [{ e: 'Buy, "now"', n: 3 }, { e: '=HYPERLINK("x")', n: -1 }, { e: 'two\nlines', n: 0 }]);
    assert.equal(text, 'Element,Clicks\r\n"Buy, ""now""",3\r\n"\'=HYPERLINK(""x"")",-1\r\n"two\nlines",0\r\n');
  });
});

describe('colours and labels', () => {
  test('the ramp runs from transparent blue to red', () => {
    const [r0, g0, b0, a0] = palette.rampColor(0);
    const [r1, , b1, a1] = palette.rampColor(1);
    assert.ok(b0 > r0 && b0 > g0 && a0 === 0);
    assert.ok(r1 > 200 && b1 < 50 && a1 > 200);
    assert.equal(palette.palette().length, 256 * 4);
    assert.match(palette.rampCss(), /^linear-gradient\(to right, rgb\(/);
  });

  test('an element is named by its text, else by what its tag is, else by its selector', () => {
    assert.equal(labels.elementLabel({ selector: '#buy', tag: 'button', text: ' Buy now ' }), 'Buy now');
    assert.equal(labels.elementLabel({ selector: 'main>img:nth-of-type(2)', tag: 'img', text: '' }), 'Image');
    assert.equal(labels.elementLabel({ selector: 'main>section>svg', tag: '', text: '' }), 'Icon');
    assert.equal(labels.elementLabel({ selector: '#hero', tag: '', text: '' }), '#hero');
    assert.equal(labels.elementLabel({ selector: '', tag: 'div', text: '' }), 'Unnamed element');
  });

  test('points on the same canvas block merge, and the heaviest sets the scale', () => {
    const merged = heat.mergeNearby([{ x: 10, y: 10, weight: 2 }, { x: 10.4, y: 9.8, weight: 3 }, { x: 40, y: 40, weight: 1 }], 2);
    assert.equal(merged.length, 2);
    assert.equal(heat.heaviest(merged), 5);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importTs } from './support/import-ts.mjs';

const format = await importTs('src/insights/format.ts');
const kinds = await importTs('src/insights/kinds.ts');

describe('insights formatting', () => {
  test('shares read as percentages with a decimal only while small', () => {
    assert.equal(format.formatPercent(0), '0%');
    assert.equal(format.formatPercent(0.0004), '<0.1%');
    assert.equal(format.formatPercent(0.042), '4.2%');
    assert.equal(format.formatPercent(0.05), '5%');
    assert.equal(format.formatPercent(0.375), '38%');
    assert.equal(format.formatPercent(1), '100%');
  });

  test('field times are short and readable', () => {
    assert.equal(format.formatFieldTime(0), '—');
    assert.equal(format.formatFieldTime(430), '0.4 s');
    assert.equal(format.formatFieldTime(12_400), '12 s');
    assert.equal(format.formatFieldTime(125_000), '2m 05s');
  });

  test('page keys show as paths and bars as shares of the largest', () => {
    assert.equal(format.pagePath('shop.example/pricing'), '/pricing');
    assert.equal(format.pagePath('shop.example'), 'shop.example');
    assert.equal(format.barWidth(5, 20), '25%');
    assert.equal(format.barWidth(3, 0), '0%');
  });

  test('every signal has a name and counts read naturally', () => {
    assert.deepEqual(kinds.SIGNALS.map((s) => s.kind), ['RAGE_CLICK', 'DEAD_CLICK', 'ERROR_CLICK', 'QUICK_BACK', 'EXCESSIVE_SCROLL', 'JS_ERROR', 'FORM_ABANDON']);
    assert.equal(kinds.countLabel('RAGE_CLICK', 1), '1 rage click');
    assert.equal(kinds.countLabel('FORM_ABANDON', 3), '3 abandoned forms');
    assert.equal(kinds.countLabel('EXCESSIVE_SCROLL', 2), '2 excessive scrolls');
    assert.equal(kinds.isInsightKind('DEAD_CLICK'), true);
    assert.equal(kinds.isInsightKind('dead_click'), false);
  });
});

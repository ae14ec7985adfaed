// Numbers on the Insights page.

/** A share 0..1 as a percentage: "0%", "<0.1%", "4.2%", "37%". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  if (share < 0.001) return '<0.1%';
  const percent = share * 100;
  return (percent < 10 ? percent.toFixed(1).replace(/\.0$/, '') : Math.round(percent).toString()) + '%';
}

/** A short time for form fields: "0.4 s", "12 s", "2m 05s". */
export function formatFieldTime(ms: number): string {
  if (ms <= 0) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** The path part of a page key ("shop.example/pricing" → "/pricing"); the key itself when it has none. */
export function pagePath(pageKey: string): string {
  const slash = pageKey.indexOf('/');
  return slash >= 0 ? pageKey.slice(slash) : pageKey;
}

/** A bar's width: the value's share of the largest one, as a CSS percentage. */
export function barWidth(value: number, largest: number): string {
  return largest > 0 ? `${Math.min(100, (value / largest) * 100)}%` : '0%';
}

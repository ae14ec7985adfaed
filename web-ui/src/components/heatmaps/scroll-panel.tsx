import type { ScrollMap } from '../../api-types';
import { formatInteger } from '../../format';
import { reachLines, shareAt } from '../../heatmaps/scroll-map';

/** The scroll map in numbers: page views, the average fold, and the share that reached each tenth of the page. */
export function ScrollPanel({ scroll }: { scroll: ScrollMap }) {
  if (scroll.pageViews === 0) {
    return <p class="muted scroll-empty" id="scroll-panel">No page view of this page in this period reported how far it scrolled.</p>;
  }
  const lines = reachLines(scroll);
  return (
    <div class="scroll-panel" id="scroll-panel">
      <div class="area-figures">
        <div><strong>{formatInteger(scroll.pageViews)}</strong><span class="muted">page views</span></div>
        <div><strong>{formatInteger(scroll.averageFoldPixels)} px</strong><span class="muted">average fold</span></div>
      </div>
      <p class="muted small">
        {lines.map((l) => `${Math.round(l.share * 100)} % got to ${l.percent} % of the page`).join(' · ')}
      </p>
      <table class="table reach-table" aria-label="Share of page views by depth">
        <thead><tr><th scope="col">Depth</th><th scope="col" class="num">Reached</th><th scope="col">Share of page views</th></tr></thead>
        <tbody>
          {[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((p) => (
            <tr key={p} data-depth={p}>
              <td>{p} %</td>
              <td class="num">{formatInteger(scroll.reachedPercent[p] ?? 0)}</td>
              <td>
                <span class="reach-bar"><span style={{ width: `${shareAt(scroll, p) * 100}%` }} /></span>
                <span class="reach-share">{Math.round(shareAt(scroll, p) * 100)} %</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Point } from '../../dashboard/api';
import { formatInteger } from '../../format';

/**
 * Sessions per hour or day as an SVG bar chart, with the visitors as a line over it; each bar links to
 * the recordings of its day.
 */
export function SeriesChart({ points, bucket, link }: { points: Point[]; bucket: 'HOUR' | 'DAY'; link: (day: string) => string }) {
  const width = 720;
  const height = 160;
  const top = Math.max(1, ...points.map((p) => p.sessions));
  const slot = width / Math.max(1, points.length);
  const y = (n: number) => height - (n / top) * (height - 12);
  const label = (ms: number) => bucket === 'HOUR'
    ? new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit' })
    : new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(i + 0.5) * slot},${y(p.visitors)}`).join(' ');
  return (
    <figure class="series-chart" id="series-chart">
      <svg viewBox={`0 0 ${width} ${height + 18}`} role="img"
        aria-label={`Sessions per ${bucket === 'HOUR' ? 'hour' : 'day'}, at most ${formatInteger(top)}`}>
        <line x1="0" x2={width} y1={height} y2={height} class="axis" />
        {points.map((p, i) => (
          <a key={p.start} href={link(new Date(p.start).toISOString().slice(0, 10))} class="bar-link">
            <rect class="bar" x={i * slot + slot * 0.15} width={slot * 0.7} y={y(p.sessions)}
              height={Math.max(0, height - y(p.sessions))}>
              <title>{`${label(p.start)}: ${formatInteger(p.sessions)} sessions, ${formatInteger(p.visitors)} visitors — open its recordings`}</title>
            </rect>
          </a>
        ))}
        {points.length > 1 ? <path d={line} class="visitors-line" /> : null}
        {points.length > 0 ? <text x="0" y={height + 14} class="tick">{label(points[0]!.start)}</text> : null}
        {points.length > 1 ? <text x={width} y={height + 14} class="tick" text-anchor="end">{label(points[points.length - 1]!.start)}</text> : null}
      </svg>
      <figcaption class="muted"><span class="key-bar" /> sessions <span class="key-line" /> visitors, per {bucket === 'HOUR' ? 'hour' : 'day'}</figcaption>
    </figure>
  );
}

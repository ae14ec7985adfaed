import type { InsightKind, Session } from '../../api-types';
import { countLabel, kindClass, SIGNALS } from '../../insights/kinds';
import { InsightIcon } from './insight-icon';

/** A session's detected insights as small coloured badges with counts, in signal order. */
export function InsightBadges({ insights }: { insights: Session['insights'] }) {
  const present = SIGNALS.filter((s) => (insights?.[s.kind] ?? 0) > 0);
  if (present.length === 0) return <span class="muted">—</span>;
  return (
    <span class="insight-badges">
      {present.map((s) => {
        const count = insights![s.kind as InsightKind]!;
        return (
          <span key={s.kind} class={`insight-badge insight-${kindClass(s.kind)}`} data-kind={s.kind} title={countLabel(s.kind, count)}>
            <InsightIcon kind={s.kind} size={12} />
            {count}
          </span>
        );
      })}
    </span>
  );
}

import type { InsightKind, SessionSort } from '../../api-types';
import { isInsightKind, SIGNALS } from '../../insights/kinds';
import { SORTS, type ListState, type RangePreset } from '../../recordings/query';
import { RangePicker } from './range-picker';

interface ToolbarProps {
  state: ListState;
  onRange: (range: RangePreset, from?: string, to?: string) => void;
  onSort: (sort: SessionSort) => void;
  onBots: (bots: boolean) => void;
  onInsight: (insight: InsightKind | null) => void;
}

export function RecordingsToolbar({ state, onRange, onSort, onBots, onInsight }: ToolbarProps) {
  return (
    <div class="toolbar" id="recordings-toolbar">
      <RangePicker state={state} onChange={onRange} />
      <div class="toolbar-right">
        <label class="select-label" for="signal" title="Only recordings in which this insight was detected">
          <span class="muted">Signal</span>
          <select
            id="signal"
            class="input input-sm select signal-select"
            value={state.insight ?? ''}
            onChange={(e) => onInsight(isInsightKind(e.currentTarget.value) ? e.currentTarget.value : null)}
          >
            <option value="">Any</option>
            {SIGNALS.map((s) => <option key={s.kind} value={s.kind}>{s.name}</option>)}
          </select>
        </label>
        <label class="checkbox" for="include-bots" title="Sessions that look automated are hidden unless this is on">
          <input id="include-bots" type="checkbox" checked={state.bots} onChange={(e) => onBots(e.currentTarget.checked)} />
          <span>Include bots</span>
        </label>
        <label class="select-label" for="sort">
          <span class="muted">Sort</span>
          <select id="sort" class="input input-sm select" value={state.sort} onChange={(e) => onSort(e.currentTarget.value as SessionSort)}>
            {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </label>
      </div>
    </div>
  );
}

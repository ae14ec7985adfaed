import { useEffect, useState } from 'preact/hooks';
import { RANGES, type ListState, type RangePreset, toIsoDate } from '../../recordings/query';
import { IconCalendar } from '../icons';

interface RangePickerProps {
  state: ListState;
  onChange: (range: RangePreset, from?: string, to?: string) => void;
}

/** Today / 7 days / 30 days presets, plus a custom from–to range (inclusive days). */
export function RangePicker({ state, onChange }: RangePickerProps) {
  const today = toIsoDate(Date.now());
  const [editing, setEditing] = useState(state.range === 'custom');
  const [from, setFrom] = useState(state.from ?? toIsoDate(Date.now() - 6 * 86_400_000));
  const [to, setTo] = useState(state.to ?? today);
  useEffect(() => {
    setEditing(state.range === 'custom');
    if (state.from) setFrom(state.from);
    if (state.to) setTo(state.to);
  }, [state.range, state.from, state.to]);

  const valid = !!from && !!to && from <= to;
  return (
    <div class="range-picker">
      <div class="segmented" role="group" aria-label="Date range">
        {RANGES.map((r) => {
          const active = r.value === 'custom' ? editing : !editing && state.range === r.value;
          return (
            <button
              key={r.value}
              type="button"
              id={`range-${r.value}`}
              class={active ? 'active' : ''}
              aria-pressed={active}
              onClick={() => (r.value === 'custom' ? setEditing(true) : (setEditing(false), onChange(r.value)))}
            >
              {r.value === 'custom' ? <IconCalendar size={14} /> : null}
              {r.label}
            </button>
          );
        })}
      </div>
      {editing ? (
        <form
          class="custom-range"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange('custom', from, to);
          }}
        >
          <label class="sr-only" for="range-from">From</label>
          <input id="range-from" class="input input-sm" type="date" value={from} max={today} onInput={(e) => setFrom(e.currentTarget.value)} />
          <span class="muted">to</span>
          <label class="sr-only" for="range-to">To</label>
          <input id="range-to" class="input input-sm" type="date" value={to} max={today} onInput={(e) => setTo(e.currentTarget.value)} />
          <button type="submit" class="btn btn-secondary btn-sm" id="range-apply" disabled={!valid}>Apply</button>
        </form>
      ) : null}
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { RANGES, type HeatmapRange, type Window } from '../../heatmaps/query';
import { toIsoDate } from '../../recordings/query';
import { IconCalendar } from '../icons';

interface HeatmapRangeProps {
  value: Window;
  onChange: (window: Window) => void;
  id?: string;
}

/** Today / 7 / 30 / 90 days presets, plus a custom from–to range (inclusive days). */
export function HeatmapRangePicker({ value, onChange, id = 'range' }: HeatmapRangeProps) {
  const today = toIsoDate(Date.now());
  const [editing, setEditing] = useState(value.range === 'custom');
  const [from, setFrom] = useState(value.from ?? toIsoDate(Date.now() - 6 * 86_400_000));
  const [to, setTo] = useState(value.to ?? today);
  useEffect(() => {
    setEditing(value.range === 'custom');
    if (value.from) setFrom(value.from);
    if (value.to) setTo(value.to);
  }, [value.range, value.from, value.to]);

  const valid = !!from && !!to && from <= to;
  const pick = (range: HeatmapRange) => {
    if (range === 'custom') return setEditing(true);
    setEditing(false);
    onChange({ range, from: null, to: null });
  };
  return (
    <div class="range-picker">
      <div class="segmented" role="group" aria-label="Date range">
        {RANGES.map((r) => {
          const active = r.value === 'custom' ? editing : !editing && value.range === r.value;
          return (
            <button key={r.value} type="button" id={`${id}-${r.value}`} class={active ? 'active' : ''} aria-pressed={active} onClick={() => pick(r.value)}>
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
            if (valid) onChange({ range: 'custom', from, to });
          }}
        >
          <label class="sr-only" for={`${id}-from`}>From</label>
          <input id={`${id}-from`} class="input input-sm" type="date" value={from} max={today} onInput={(e) => setFrom(e.currentTarget.value)} />
          <span class="muted">to</span>
          <label class="sr-only" for={`${id}-to`}>To</label>
          <input id={`${id}-to`} class="input input-sm" type="date" value={to} max={today} onInput={(e) => setTo(e.currentTarget.value)} />
          <button type="submit" class="btn btn-secondary btn-sm" id={`${id}-apply`} disabled={!valid}>Apply</button>
        </form>
      ) : null}
    </div>
  );
}

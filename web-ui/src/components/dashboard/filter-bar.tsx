import { useEffect, useState } from 'preact/hooks';
import { buildFilter, describeFilter, FIELDS, TEXT_OPERATORS } from '../../dashboard/filters';
import { dashboardApi, type Segment } from '../../dashboard/api';

interface FilterBarProps {
  projectId: string;
  filters: string[];
  onChange: (filters: string[]) => void;
}

/**
 * The filters of a dashboard or recordings list as removable chips, a form to add one, and saved
 * segments: apply one, or save the current filters as one.
 */
export function FilterBar({ projectId, filters, onChange }: FilterBarProps) {
  const [adding, setAdding] = useState(false);
  const [segments, setSegments] = useState<Segment[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');

  useEffect(() => {
    dashboardApi.segments(projectId).then(setSegments).catch(() => setSegments([]));
  }, [projectId]);

  const save = () => {
    if (!name.trim()) return;
    dashboardApi.saveSegment(projectId, name.trim(), filters).then((segment) => {
      setSegments((list) => [...(list ?? []), segment].sort((a, b) => a.name.localeCompare(b.name)));
      setSaving(false);
      setName('');
    }).catch(() => undefined);
  };

  return (
    <div class="filter-bar" id="filter-bar">
      <div class="filter-chips">
        {filters.map((f, i) => (
          <span class="filter-chip" key={f + i} data-filter={f}>
            {describeFilter(f)}
            <button type="button" class="chip-remove" aria-label={`Remove filter ${describeFilter(f)}`}
              onClick={() => onChange(filters.filter((_, j) => j !== i))}>×</button>
          </span>
        ))}
        {adding ? null : (
          <button type="button" class="btn btn-secondary btn-xs" id="add-filter" onClick={() => setAdding(true)}>+ Add filter</button>
        )}
        {filters.length > 0 ? (
          <button type="button" class="btn btn-xs link-button" id="clear-filters" onClick={() => onChange([])}>Clear</button>
        ) : null}
        <span class="filter-spacer" />
        {segments && segments.length > 0 ? (
          <label class="select-label" for="segment">
            <span class="muted">Segment</span>
            <select id="segment" class="input input-sm select"
              value={segments.find((s) => s.filters.join('\n') === filters.join('\n'))?.id ?? ''}
              onChange={(e) => {
                const segment = segments.find((s) => s.id === e.currentTarget.value);
                onChange(segment ? segment.filters : []);
              }}>
              <option value="">None</option>
              {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
        ) : null}
        {filters.length > 0 && !saving ? (
          <button type="button" class="btn btn-secondary btn-xs" id="save-segment" onClick={() => setSaving(true)}>Save as segment</button>
        ) : null}
        {saving ? (
          <form class="inline-form" onSubmit={(e) => { e.preventDefault(); save(); }}>
            <input id="segment-name" class="input input-sm" placeholder="Segment name" value={name} maxLength={80}
              onInput={(e) => setName(e.currentTarget.value)} />
            <button type="submit" class="btn btn-primary btn-xs" id="save-segment-confirm" disabled={!name.trim()}>Save</button>
            <button type="button" class="btn btn-xs link-button" onClick={() => setSaving(false)}>Cancel</button>
          </form>
        ) : null}
      </div>
      {adding ? <AddFilter onAdd={(f) => { onChange([...filters, f]); setAdding(false); }} onCancel={() => setAdding(false)} /> : null}
    </div>
  );
}

function AddFilter({ onAdd, onCancel }: { onAdd: (filter: string) => void; onCancel: () => void }) {
  const [field, setField] = useState('visited');
  const [operator, setOperator] = useState('contains');
  const [value, setValue] = useState('');
  const [value2, setValue2] = useState('');
  const def = FIELDS.find((f) => f.field === field)!;
  const built = buildFilter(field, operator, value, value2);

  return (
    <form class="add-filter card" id="add-filter-form" onSubmit={(e) => { e.preventDefault(); if (built) onAdd(built); }}>
      <select id="filter-field" class="input input-sm select" value={field}
        onChange={(e) => { setField(e.currentTarget.value); setValue(''); setValue2(''); setOperator(''); }}>
        {FIELDS.map((f) => <option key={f.field} value={f.field}>{f.label}</option>)}
      </select>
      {def.kind === 'text' ? (
        <select id="filter-operator" class="input input-sm select" value={operator || 'contains'} onChange={(e) => setOperator(e.currentTarget.value)}>
          {TEXT_OPERATORS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ) : null}
      {def.kind === 'event' ? (
        <select id="filter-operator" class="input input-sm select" value={operator || 'done'} onChange={(e) => setOperator(e.currentTarget.value)}>
          <option value="done">done</option>
          <option value="not_done">not done</option>
        </select>
      ) : null}
      {def.kind === 'insight' ? (
        <select id="filter-operator" class="input input-sm select" value={operator || 'yes'} onChange={(e) => setOperator(e.currentTarget.value)}>
          <option value="yes">present</option>
          <option value="no">absent</option>
        </select>
      ) : null}
      {(def.kind === 'choice' || def.kind === 'insight') && def.choices ? (
        <select id="filter-value" class="input input-sm select" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {def.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      ) : def.kind === 'range' ? (
        <>
          <input id="filter-value" class="input input-sm num-input" inputMode="numeric" placeholder="min" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
          <span class="muted">to</span>
          <input id="filter-value-2" class="input input-sm num-input" inputMode="numeric" placeholder="max" value={value2} onInput={(e) => setValue2(e.currentTarget.value)} />
          {def.unit ? <span class="muted">{def.unit === 's' ? 'seconds' : 'percent'}</span> : null}
        </>
      ) : def.kind === 'tag' ? (
        <>
          <input id="filter-value" class="input input-sm" placeholder="key" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
          <span class="muted">=</span>
          <input id="filter-value-2" class="input input-sm" placeholder="value" value={value2} onInput={(e) => setValue2(e.currentTarget.value)} />
        </>
      ) : (
        <input id="filter-value" class="input input-sm filter-text" placeholder={def.kind === 'event' ? 'event name' : 'value'}
          value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      )}
      <button type="submit" class="btn btn-primary btn-xs" id="apply-filter" disabled={!built}>Apply</button>
      <button type="button" class="btn btn-xs link-button" onClick={onCancel}>Cancel</button>
    </form>
  );
}

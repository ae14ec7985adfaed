import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Project } from '../api-types';
import { dashboardApi, type FunnelStepResult, type SavedFunnel } from '../dashboard/api';
import { TEXT_OPERATORS, splitFilter } from '../dashboard/filters';
import { EmptyState } from '../components/empty-state';
import { FilterBar } from '../components/dashboard/filter-bar';
import { IconInsights } from '../components/icons';
import { Link } from '../components/link';
import { RangePicker } from '../components/recordings/range-picker';
import { Spinner } from '../components/loading';
import { formatInteger } from '../format';
import { DEFAULT_STATE, type ListState, listStateToSearch, parseListState, timeWindow } from '../recordings/query';
import { navigate } from '../router';
import { useTitle } from '../title';

interface StepDraft { kind: 'page' | 'event'; operator: string; value: string }

const EXAMPLE: StepDraft[] = [
  { kind: 'page', operator: 'contains', value: '/product/' },
  { kind: 'page', operator: 'ends_with', value: '/cart' },
  { kind: 'event', operator: 'equals', value: 'purchase' },
];

function toDraft(step: string): StepDraft {
  const parts = splitFilter(step);
  return parts ? { kind: parts.field === 'event' ? 'event' : 'page', operator: parts.operator, value: parts.value }
    : { kind: 'page', operator: 'contains', value: '' };
}

const toStep = (d: StepDraft) => `${d.kind}:${d.operator}:${d.value}`;

/**
 * Funnels: ordered steps (a page whose URL matches, or a custom event), how many sessions reached
 * each and how many dropped before the next, with the dropped sessions one click away. The steps
 * live in the URL (`?step=…`), so a funnel can be shared as a link, or saved by name.
 */
export function FunnelsPage({ project, search }: { project: Project; search: string }) {
  useTitle('Funnels', project.name);
  const state = useMemo(() => parseListState(search), [search]);
  const steps = state.steps;
  const [drafts, setDrafts] = useState<StepDraft[]>(steps.length ? steps.map(toDraft) : EXAMPLE);
  const [report, setReport] = useState<FunnelStepResult[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [saved, setSaved] = useState<SavedFunnel[]>([]);
  const [name, setName] = useState('');

  useEffect(() => { dashboardApi.funnels(project.id).then(setSaved).catch(() => setSaved([])); }, [project.id]);
  useEffect(() => { if (steps.length) setDrafts(steps.map(toDraft)); }, [search]);
  useEffect(() => {
    if (steps.length === 0) { setReport(null); return; }
    const controller = new AbortController();
    const { from, to } = timeWindow(state);
    setLoading(true);
    dashboardApi.funnel(project.id, from, to, state.filters, steps, controller.signal)
      .then((answer) => { setReport(answer.steps); setLoading(false); })
      .catch(() => { if (!controller.signal.aborted) { setReport(null); setLoading(false); } });
    return () => controller.abort();
  }, [project.id, search]);

  const base = `/p/${encodeURIComponent(project.id)}`;
  const go = (next: Partial<ListState>) => {
    const p = new URLSearchParams(listStateToSearch({ ...state, steps: [], dropped: null, ...next }));
    for (const s of next.steps ?? steps) p.append('step', s);
    const q = p.toString();
    navigate(`${base}/funnels${q ? '?' + q : ''}`);
  };
  const complete = drafts.every((d) => d.value.trim() !== '') && drafts.length > 0;
  const dropped = (k: number) => `${base}/recordings` + listStateToSearch({
    ...DEFAULT_STATE, range: state.range, from: state.from, to: state.to, filters: state.filters, steps, dropped: k,
  });
  const first = report?.[0]?.reached ?? 0;

  return (
    <div class="page" id="funnels-page">
      <header class="page-header">
        <div>
          <h1>Funnels</h1>
          <p class="page-subtitle">Where visitors drop out of a path through your site.</p>
        </div>
      </header>
      <div class="toolbar">
        <RangePicker state={state} onChange={(range, from, to) => go({ range, from: from ?? null, to: to ?? null })} />
        {saved.length ? (
          <label class="select-label" for="saved-funnel">
            <span class="muted">Saved funnels</span>
            <select id="saved-funnel" class="input input-sm select" value=""
              onChange={(e) => { const f = saved.find((s) => s.id === e.currentTarget.value); if (f) go({ steps: f.steps }); }}>
              <option value="">Choose…</option>
              {saved.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
            </select>
          </label>
        ) : null}
      </div>
      <FilterBar projectId={project.id} filters={state.filters} onChange={(filters) => go({ filters })} />
      <form class="card funnel-editor" id="funnel-editor" onSubmit={(e) => { e.preventDefault(); if (complete) go({ steps: drafts.map(toStep) }); }}>
        <ol class="funnel-steps">
          {drafts.map((d, i) => (
            <li key={i} class="funnel-step-row">
              <span class="step-number">{i + 1}</span>
              <select class="input input-sm select step-kind" value={d.kind}
                onChange={(e) => setDrafts(drafts.map((x, j) => j === i ? { ...x, kind: e.currentTarget.value as 'page' | 'event' } : x))}>
                <option value="page">Page URL</option>
                <option value="event">Custom event</option>
              </select>
              <select class="input input-sm select step-operator" value={d.operator}
                onChange={(e) => setDrafts(drafts.map((x, j) => j === i ? { ...x, operator: e.currentTarget.value } : x))}>
                {TEXT_OPERATORS.filter((o) => o.value !== 'not_equals').map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
              <input class="input input-sm step-value" value={d.value} placeholder={d.kind === 'page' ? '/checkout' : 'event name'}
                onInput={(e) => setDrafts(drafts.map((x, j) => j === i ? { ...x, value: e.currentTarget.value } : x))} />
              <button type="button" class="btn btn-xs link-button" aria-label={`Remove step ${i + 1}`} disabled={drafts.length === 1}
                onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>Remove</button>
            </li>
          ))}
        </ol>
        <div class="funnel-actions">
          <button type="button" class="btn btn-secondary btn-xs" id="add-step" disabled={drafts.length >= 10}
            onClick={() => setDrafts([...drafts, { kind: 'page', operator: 'contains', value: '' }])}>+ Add step</button>
          <button type="submit" class="btn btn-primary btn-sm" id="run-funnel" disabled={!complete}>Show funnel</button>
        </div>
      </form>
      {steps.length ? (
        <form class="inline-form save-funnel-form" onSubmit={(e) => {
          e.preventDefault();
          dashboardApi.saveFunnel(project.id, name.trim(), steps).then((f) => { setSaved([...saved, f]); setName(''); }).catch(() => undefined);
        }}>
          <input id="funnel-name" class="input input-sm" placeholder="Name this funnel" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
          <button type="submit" class="btn btn-secondary btn-xs" id="save-funnel" disabled={!name.trim()}>Save funnel</button>
        </form>
      ) : null}
      {steps.length === 0 ? (
        <EmptyState icon={<IconInsights size={28} />} title="Describe a path to measure">
          <p>Each step is a page whose URL matches or a custom event. A session reaches a step when it did every step before it, in order.</p>
        </EmptyState>
      ) : !report ? <div class="card dashboard-loading">{loading ? <Spinner label="Counting sessions" /> : 'The funnel could not be counted.'}</div> : (
        <section class={'card funnel-report' + (loading ? ' is-loading' : '')} id="funnel-report">
          {report.map((r, i) => (
            <div class="funnel-bar-row" key={i} id={`funnel-step-${i + 1}`}>
              <div class="funnel-label">
                <span class="step-number">{i + 1}</span>
                <span>{r.step.kind === 'PAGE' ? 'Page' : 'Event'} {TEXT_OPERATORS.find((o) => o.value === r.step.match.operator.toLowerCase())?.label} <code>{r.step.match.value}</code></span>
              </div>
              <div class="funnel-track"><div class="funnel-fill" style={{ width: `${first ? (r.reached / first) * 100 : 0}%` }} /></div>
              <div class="funnel-figures">
                <strong class="funnel-reached">{formatInteger(r.reached)}</strong>
                <span class="muted">{first ? `${((r.reached / first) * 100).toFixed(1)}%` : '—'}</span>
                {i < report.length - 1 ? (
                  r.dropped > 0 ? (
                    <Link class="dropped-link" href={dropped(i + 1)} id={`dropped-${i + 1}`}>
                      {formatInteger(r.dropped)} dropped ({r.reached ? ((r.dropped / r.reached) * 100).toFixed(1) : '0'}%)
                    </Link>
                  ) : <span class="muted">none dropped</span>
                ) : <Link class="dropped-link" href={dropped(i + 1)} id={`completed-${i + 1}`}>see who converted</Link>}
              </div>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

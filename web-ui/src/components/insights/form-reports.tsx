import { formatInteger } from '../../format';
import { barWidth, formatFieldTime, formatPercent, pagePath } from '../../insights/format';
import type { FormReport } from '../../insights/types';
import { EmptyState } from '../empty-state';
import { IconFormAbandon } from '../icons';
import { Skeleton } from '../loading';

/** Per form: a views → starts → submits funnel, then each field's use, abandonment, time and refills, drawn as bars. */
export function FormReports({ forms }: { forms: FormReport[] | null }) {
  if (forms === null) {
    return <div class="card form-card" aria-busy="true"><Skeleton width="40%" height={16} /><Skeleton height={14} /><Skeleton height={14} /><Skeleton height={14} /></div>;
  }
  if (forms.length === 0) {
    return (
      <EmptyState icon={<IconFormAbandon size={28} />} title="No form interactions in this range">
        <p>Sightline measures forms from interactions alone — a field focused, typed into, changed, left; a form submitted. Values never leave the browser.</p>
        <p>Forms appear here once visitors start filling one in.</p>
      </EmptyState>
    );
  }
  return (
    <div class="form-list" id="form-reports">
      {forms.map((form) => <FormCard key={form.pageKey + ' ' + form.form} form={form} />)}
    </div>
  );
}

function FormCard({ form }: { form: FormReport }) {
  const mostTouched = form.fields.reduce((m, f) => Math.max(m, f.interactions), 0);
  return (
    <section class="card form-card" data-form={form.form} aria-label={`Form ${form.form}`}>
      <div class="form-head">
        <div>
          <h2>{form.form}</h2>
          <p title={form.pageKey}>on {pagePath(form.pageKey)}</p>
        </div>
        <span class="badge badge-warn form-abandon-rate" title="Started but not submitted">
          {formatPercent(form.starts > 0 ? form.abandonments / form.starts : 0)} abandoned
        </span>
      </div>
      <div class="funnel" aria-label="Views, starts and submits">
        <FunnelStep name="Page views" cls="funnel-views" value={form.views} largest={form.views} note="100%" />
        <FunnelStep name="Started" cls="funnel-starts" value={form.starts} largest={form.views} note={`${formatPercent(form.views ? form.starts / form.views : 0)} of views`} />
        <FunnelStep name="Submitted" cls="funnel-completions" value={form.completions} largest={form.views} note={`${formatPercent(form.starts ? form.completions / form.starts : 0)} of starts`} />
      </div>
      <div class="table-wrap">
        <table class="table field-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Touched in</th>
              <th scope="col">Left the form here</th>
              <th scope="col" class="num">Median time</th>
              <th scope="col" class="num">Refilled</th>
            </tr>
          </thead>
          <tbody>
            {form.fields.map((f) => (
              <tr key={f.field} class="form-field" data-field={f.field}>
                <td class="field-name"><code>{f.field}</code><span>{f.fieldType}</span></td>
                <td><FieldBar cls="field-touched" value={f.interactions} largest={mostTouched} /></td>
                <td><FieldBar cls="field-left" value={f.abandonments} largest={Math.max(1, form.abandonments)} /></td>
                <td class="num">{formatFieldTime(f.medianFocusMs)}</td>
                <td class="num field-refills">{formatInteger(f.refills)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FunnelStep({ name, cls, value, largest, note }: { name: string; cls: string; value: number; largest: number; note: string }) {
  return (
    <div class={`funnel-step ${cls}`}>
      <span>{name}</span>
      <span class="share-bar"><span class={value === 0 ? 'none' : ''} style={{ width: barWidth(value, largest) }} /></span>
      <span class="funnel-value"><strong>{formatInteger(value)}</strong> · {note}</span>
    </div>
  );
}

function FieldBar({ cls, value, largest }: { cls: string; value: number; largest: number }) {
  return (
    <span class={`field-bar ${cls}`}>
      <span class="share-bar"><span class={value === 0 ? 'none' : ''} style={{ width: barWidth(value, largest) }} /></span>
      <span class="value">{formatInteger(value)}</span>
    </span>
  );
}

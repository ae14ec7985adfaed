import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Project } from '../api-types';
import { dashboardApi, type Count, type DashboardFigures } from '../dashboard/api';
import { INSIGHTS } from '../dashboard/filters';
import { EmptyState } from '../components/empty-state';
import { FilterBar } from '../components/dashboard/filter-bar';
import { SeriesChart } from '../components/dashboard/series-chart';
import { IconInsights } from '../components/icons';
import { Link } from '../components/link';
import { RangePicker } from '../components/recordings/range-picker';
import { Spinner } from '../components/loading';
import { ErrorPage } from './error-page';
import { channelName, countryName, formatDuration, formatInteger, titleCase } from '../format';
import { DEFAULT_STATE, type ListState, listStateToSearch, parseListState, timeWindow } from '../recordings/query';
import { navigate } from '../router';
import { useTitle } from '../title';

type Load = { status: 'loading'; previous: DashboardFigures | null } | { status: 'ready'; data: DashboardFigures } | { status: 'error'; message: string };

/** The project's figures for a date range and filters; every number opens the recordings behind it. */
export function DashboardPage({ project, search }: { project: Project; search: string }) {
  useTitle('Dashboard', project.name);
  const state = useMemo(() => parseListState(search), [search]);
  const [load, setLoad] = useState<Load>({ status: 'loading', previous: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { from, to } = timeWindow(state);
    setLoad((prev) => ({ status: 'loading', previous: prev.status === 'ready' ? prev.data : null }));
    dashboardApi.figures(project.id, from, to, state.filters, controller.signal)
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: Error) => { if (!controller.signal.aborted) setLoad({ status: 'error', message: error.message }); });
    return () => controller.abort();
  }, [project.id, search, attempt]);

  const base = `/p/${encodeURIComponent(project.id)}`;
  const go = (next: Partial<ListState>) => navigate(`${base}/dashboard` + listStateToSearch({ ...state, ...next }));
  /** The recordings behind a figure: this range and filters, plus the figure's own. */
  const recordings = (extra: string[] = [], more: Partial<ListState> = {}) => `${base}/recordings` + listStateToSearch({
    ...DEFAULT_STATE, range: state.range, from: state.from, to: state.to, filters: [...state.filters, ...extra], ...more,
  });

  if (load.status === 'error') return <ErrorPage message={load.message} onRetry={() => setAttempt((a) => a + 1)} />;
  const f = load.status === 'ready' ? load.data : load.previous;

  return (
    <div class="page" id="dashboard-page">
      <header class="page-header">
        <div>
          <h1>Dashboard</h1>
          <p class="page-subtitle">
            {f ? `${formatInteger(f.sessions)} session${f.sessions === 1 ? '' : 's'} by ${formatInteger(f.visitors)} visitor${f.visitors === 1 ? '' : 's'}` : 'Loading figures…'}
            {load.status === 'loading' && f ? <Spinner size={12} label="Refreshing" /> : null}
          </p>
        </div>
      </header>
      <div class="toolbar">
        <RangePicker state={state} onChange={(range, from, to) => go({ range, from: from ?? null, to: to ?? null })} />
      </div>
      <FilterBar projectId={project.id} filters={state.filters} onChange={(filters) => go({ filters })} />
      {!f ? <div class="card dashboard-loading"><Spinner label="Loading figures" /></div>
        : f.sessions === 0 ? (
          <EmptyState icon={<IconInsights size={28} />} title={state.filters.length ? 'No sessions match these filters' : 'No sessions in this range'}>
            <p>{state.filters.length ? 'Remove a filter or widen the date range.'
              : 'Figures appear here once visitors load pages carrying the tracking snippet (see Settings → Install), or pick a wider date range.'}</p>
            {f.botSessions > 0 ? <p class="muted">{formatInteger(f.botSessions)} session{f.botSessions === 1 ? '' : 's'} of
              automated browsers (crawlers, headless browsers) {f.botSessions === 1 ? 'was' : 'were'} left out.</p> : null}
          </EmptyState>
        ) : <Figures f={f} recordings={recordings} />}
    </div>
  );
}

function Figures({ f, recordings }: { f: DashboardFigures; recordings: (extra?: string[], more?: Partial<ListState>) => string }) {
  const pct = (n: number) => (f.sessions === 0 ? '0%' : `${((n / f.sessions) * 100).toFixed(1)}%`);
  return (
    <>
      <section class="kpi-grid" id="kpis">
        <Kpi id="kpi-sessions" label="Sessions" value={formatInteger(f.sessions)} href={recordings()} />
        <Kpi id="kpi-visitors" label="Unique visitors" value={formatInteger(f.visitors)} href={recordings()} />
        <Kpi id="kpi-new" label="New visitors" value={formatInteger(f.newSessions)} note={pct(f.newSessions)} href={recordings(['visitor:is:new'])} />
        <Kpi id="kpi-returning" label="Returning visitors" value={formatInteger(f.returningSessions)} note={pct(f.returningSessions)} href={recordings(['visitor:is:returning'])} />
        <Kpi id="kpi-pages" label="Pages per session" value={(f.sessions ? f.pageViews / f.sessions : 0).toFixed(2)} note={`${formatInteger(f.pageViews)} page views`} href={recordings(['pages:between:2..'])} />
        <Kpi id="kpi-scroll" label="Average scroll depth" value={`${(f.avgScrollPermille / 10).toFixed(1)}%`} href={recordings(['scroll:between:' + Math.round(f.avgScrollPermille / 10) + '..'])} />
        <Kpi id="kpi-active" label="Active time" value={formatDuration(f.avgActiveMs)} note={`of ${formatDuration(f.avgDurationMs)} on average`} href={recordings([], { sort: 'duration' })} />
        <Kpi id="kpi-bots" label="Bot sessions (excluded)" value={formatInteger(f.botSessions)} href={recordings([], { bots: true })} />
      </section>
      <section class="card chart-card">
        <div class="card-head"><h2>Sessions over time</h2></div>
        <SeriesChart points={f.series} bucket={f.bucket}
          link={(day) => recordings([], { range: 'custom', from: day, to: day })} />
      </section>
      <section class="card insight-rates" id="insight-rates">
        <div class="card-head"><h2>Insights</h2><span class="muted">share of sessions</span></div>
        <div class="rate-grid">
          {INSIGHTS.map((i) => {
            const n = f.insightSessions[i.value.toUpperCase() as keyof typeof f.insightSessions] ?? 0;
            return (
              <Link key={i.value} class="rate" href={recordings([`insight:${i.value}:yes`])} id={`rate-${i.value}`}>
                <strong>{pct(n)}</strong><span>{i.label}</span><span class="muted">{formatInteger(n)}</span>
              </Link>
            );
          })}
        </div>
      </section>
      <div class="breakdown-grid">
        <Breakdown title="Top pages" unit="page views" id="top-pages" rows={f.topPages} total={f.pageViews} link={(v) => recordings([`visited_page:equals:${v}`])} />
        <Breakdown title="Entry pages" id="entry-pages" rows={f.entryPages} total={f.sessions} link={(v) => recordings([`entry_page:equals:${v}`])} />
        <Breakdown title="Exit pages" id="exit-pages" rows={f.exitPages} total={f.sessions} link={(v) => recordings([`exit_page:equals:${v}`])} />
        <Breakdown title="Channels" id="channels" rows={f.channels} total={f.sessions} name={(v) => channelName(v as never)} link={(v) => recordings([`channel:equals:${v}`])} />
        <Breakdown title="Referrers" id="referrers" rows={f.referrers} total={f.sessions} link={(v) => recordings([`referrer_host:equals:${v}`])} />
        <Breakdown title="UTM sources" id="utm-sources" rows={f.utmSources} total={f.sessions} link={(v) => recordings([`utm_source:equals:${v}`])} />
        <Breakdown title="UTM mediums" id="utm-mediums" rows={f.utmMediums} total={f.sessions} link={(v) => recordings([`utm_medium:equals:${v}`])} />
        <Breakdown title="UTM campaigns" id="utm-campaigns" rows={f.utmCampaigns} total={f.sessions} link={(v) => recordings([`utm_campaign:equals:${v}`])} />
        <Breakdown title="Devices" id="devices" rows={f.devices} total={f.sessions} name={(v) => titleCase(v)} link={(v) => recordings([`device:equals:${v}`])} />
        <Breakdown title="Browsers" id="browsers" rows={f.browsers} total={f.sessions} link={(v) => recordings([`browser:equals:${v}`])} />
        <Breakdown title="Operating systems" id="operating-systems" rows={f.operatingSystems} total={f.sessions} link={(v) => recordings([`os:equals:${v}`])} />
        <Breakdown title="Countries" id="countries" rows={f.countries} total={f.sessions} name={(v) => countryName(v)} link={(v) => recordings([`country:equals:${v}`])} />
        <Breakdown title="Custom events" id="custom-events" rows={f.customEvents} total={f.sessions} link={(v) => recordings([`event:done:${v}`])}
          empty="No custom events yet: call sightline('event', 'name') on your pages." />
      </div>
    </>
  );
}

function Kpi({ id, label, value, note, href }: { id: string; label: string; value: string; note?: string; href: string }) {
  return (
    <Link class="card kpi" id={id} href={href} title="Open the recordings behind this figure">
      <span class="kpi-label">{label}</span>
      <strong class="kpi-value">{value}</strong>
      {note ? <span class="kpi-note muted">{note}</span> : null}
    </Link>
  );
}

function Breakdown({ title, id, rows, total, link, name, empty, unit = 'sessions' }: {
  title: string; id: string; rows: Count[]; total: number; link: (value: string) => string; name?: (value: string) => string; empty?: string;
  unit?: string;
}) {
  return (
    <section class="card breakdown" id={id}>
      <div class="card-head"><h2>{title}</h2><span class="muted">{unit}</span></div>
      {rows.length === 0 ? <p class="muted breakdown-empty">{empty ?? 'Nothing in this range.'}</p> : (
        <ol class="breakdown-rows">
          {rows.map((row) => (
            <li key={row.value}>
              <Link href={link(row.value)} class="breakdown-row" title={row.value}>
                <span class="breakdown-bar" style={{ width: `${total ? (row.sessions / total) * 100 : 0}%` }} />
                <span class="breakdown-name">{name ? name(row.value) : row.value || '(none)'}</span>
                <span class="breakdown-count">{formatInteger(row.sessions)}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

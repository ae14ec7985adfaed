import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HeatmapIndex, HeatmapPage, Project } from '../api-types';
import { api } from '../api';
import { FilterBar } from '../components/dashboard/filter-bar';
import { DevicePicker } from '../components/heatmaps/device-picker';
import { HeatmapRangePicker } from '../components/heatmaps/heatmap-range';
import { PageGroupsCard } from '../components/heatmaps/page-groups-card';
import { EmptyState } from '../components/empty-state';
import { IconExternal, IconHeatmap, IconSearchOff } from '../components/icons';
import { InstallSnippet } from '../components/install-snippet';
import { Link } from '../components/link';
import { Skeleton, Spinner } from '../components/loading';
import { formatInteger } from '../format';
import { heatmapHref, parseViewState, rangeLabel, timeWindow, viewStateToSearch, type HeatmapViewState } from '../heatmaps/query';
import { isPlainClick, navigate } from '../router';
import { useTitle } from '../title';
import { ErrorPage } from './error-page';

type Load = { status: 'loading'; previous: HeatmapIndex | null } | { status: 'ready'; data: HeatmapIndex } | { status: 'error'; message: string };

/** The heatmaps index: every page by traffic (and the page groups), each opening its heatmap. */
export function HeatmapsPage({ project, search }: { project: Project; search: string }) {
  useTitle('Heatmaps', project.name);
  const state = useMemo(() => parseViewState(search), [search]);
  const q = new URLSearchParams(search).get('q') ?? '';
  const [load, setLoad] = useState<Load>({ status: 'loading', previous: null });
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState(q);
  const base = `/p/${encodeURIComponent(project.id)}/heatmaps`;
  const go = (next: Partial<HeatmapViewState>, nextQ = q) => {
    const s = viewStateToSearch({ ...state, ...next, page: null, group: null });
    const params = new URLSearchParams(s);
    if (nextQ) params.set('q', nextQ);
    const text = params.toString();
    navigate(base + (text ? `?${text}` : ''), { replace: true });
  };

  useEffect(() => {
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', previous: prev.status === 'ready' ? prev.data : null }));
    api.heatmapPages(project.id, { device: state.device, ...timeWindow(state), q, filters: state.filters }, controller.signal)
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [project.id, search, attempt]);

  useEffect(() => {
    if (query === q) return;
    const timer = setTimeout(() => go({}, query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);

  if (load.status === 'error') return <ErrorPage message={load.message} onRetry={() => setAttempt((a) => a + 1)} />;
  const data = load.status === 'ready' ? load.data : load.previous;
  const loading = load.status === 'loading';
  const view = { device: state.device, range: state.range, from: state.from, to: state.to, filters: state.filters };
  const nothingYet = load.status === 'ready' && data!.pages.length === 0 && data!.groups.length === 0 && !q
    && state.range === '30d' && state.device === 'desktop' && state.filters.length === 0;

  return (
    <div class="page" id="heatmaps-page">
      <header class="page-header">
        <div>
          <h1>Heatmaps</h1>
          <p class="page-subtitle" id="heatmaps-count">
            {data ? `${formatInteger(data.pages.length)} page${data.pages.length === 1 ? '' : 's'} visited · ${rangeLabel(state).toLowerCase()}` : 'Loading pages…'}
            {loading && data ? <Spinner size={12} label="Refreshing" /> : null}
          </p>
        </div>
      </header>
      <div class="toolbar" id="heatmaps-toolbar">
        <div class="toolbar-left">
          <DevicePicker value={state.device} onChange={(device) => go({ device })} />
          <HeatmapRangePicker value={state} onChange={(w) => go(w)} />
        </div>
        <input class="input input-sm page-search" type="search" id="page-search" placeholder="Find a page…" aria-label="Find a page"
          value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <FilterBar projectId={project.id} filters={state.filters} onChange={(filters) => go({ filters })} />
      {nothingYet ? (
        <NoHeatmapsYet project={project} />
      ) : (
        <>
          {data ? <PageGroupsCard projectId={project.id} groups={data.groups} view={view} onChanged={() => setAttempt((a) => a + 1)} /> : null}
          <section class={'card table-card' + (loading ? ' is-loading' : '')}>
            {data && data.pages.length === 0 && !loading ? (
              <EmptyState icon={<IconSearchOff size={28} />} title="No pages in this range">
                <p>{q ? `No page address contains “${q}”.` : state.filters.length > 0
                  ? 'No session that meets these filters visited a page on this device in this period. Remove a filter, or try a longer period.'
                  : 'No visit on this device in this period. Try a longer period or another device.'}</p>
              </EmptyState>
            ) : (
              <PagesTable projectId={project.id} pages={data?.pages ?? []} loading={loading && !data} view={view} />
            )}
          </section>
        </>
      )}
    </div>
  );
}

function PagesTable({ projectId, pages, loading, view }: { projectId: string; pages: HeatmapPage[]; loading: boolean; view: Partial<HeatmapViewState> }) {
  const most = Math.max(1, ...pages.map((p) => p.pageViews));
  return (
    <div class="table-wrap">
      <table class="table pages-table" id="heatmap-pages" aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col" class="num">Page views</th>
            <th scope="col" class="num">Sessions</th>
            <th scope="col" class="num">Clicks</th>
            <th scope="col">Scroll depth</th>
            <th scope="col">Background</th>
          </tr>
        </thead>
        <tbody>
          {loading
            ? Array.from({ length: 6 }, (_, i) => (
                <tr key={i} class="skeleton-row">{Array.from({ length: 6 }, (_, j) => <td key={j}><Skeleton width={j === 0 ? '70%' : '50%'} /></td>)}</tr>
              ))
            : pages.map((p) => {
                const href = heatmapHref(projectId, { page: p.pageKey }, view);
                return (
                  <tr key={p.pageKey} class="page-row recording-row" data-page-key={p.pageKey}
                    onClick={(event) => {
                      if ((event.target as Element).closest('a, button') || !isPlainClick(event)) return;
                      navigate(href);
                    }}>
                    <td class="cell-page">
                      <Link href={href} class="row-link page-link">
                        <span class="page-title">{p.title || p.pageKey}</span>
                      </Link>
                      <span class="url-path page-key" title={p.url}>{p.pageKey}</span>
                    </td>
                    <td class="num">
                      <span class="points">{formatInteger(p.pageViews)}</span>
                      <span class="share-bar" aria-hidden="true"><span style={{ width: `${(p.pageViews / most) * 100}%` }} /></span>
                    </td>
                    <td class="num">{formatInteger(p.sessions)}</td>
                    <td class="num">{formatInteger(p.clicks)}</td>
                    <td><span class="depth"><span class="reach-bar"><span style={{ width: `${p.averageScrollPermille / 10}%` }} /></span>{Math.round(p.averageScrollPermille / 10)} %</span></td>
                    <td>{p.hasSnapshot ? <span class="badge badge-new">Ready</span> : <span class="badge badge-neutral" title="Taken from the next recorded visit on this device">Not yet</span>}</td>
                  </tr>
                );
              })}
        </tbody>
      </table>
    </div>
  );
}

function NoHeatmapsYet({ project }: { project: Project }) {
  return (
    <EmptyState icon={<IconHeatmap size={28} />} title="No heatmaps yet" class="empty-wide">
      <p>
        Heatmaps show where visitors click, how far they scroll and what they ignore, page by page. They fill in as
        soon as visits are recorded — drawn over a snapshot of your own page, taken from one of those visits.
      </p>
      <ol class="steps-list">
        <li>Add the snippet below to every page of your site, inside <code>&lt;head&gt;</code>.</li>
        <li>Visit a few pages and click around, on a computer and on a phone.</li>
        <li>Come back here: each page lists its traffic and opens its heatmap.</li>
      </ol>
      <InstallSnippet project={project} />
      <p class="demo-hint">
        Just exploring? The built-in demo site already has the snippet installed.{' '}
        <a href="/demo/" target="_blank" rel="noopener" class="inline-link">Open the demo site <IconExternal size={13} /></a>
        {' '}· <Link href={`/p/${encodeURIComponent(project.id)}/recordings`} class="inline-link">See recordings</Link>
      </p>
    </EmptyState>
  );
}

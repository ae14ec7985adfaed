import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Project } from '../api-types';
import { ErrorGroups } from '../components/insights/error-groups';
import { FormReports } from '../components/insights/form-reports';
import { SignalOverview } from '../components/insights/signal-overview';
import { Link } from '../components/link';
import { Spinner } from '../components/loading';
import { RangePicker } from '../components/recordings/range-picker';
import { insightsApi } from '../insights/api';
import { rangeSearch } from '../insights/range';
import type { ErrorGroup, FormReport, InsightOverview } from '../insights/types';
import { parseListState, timeWindow } from '../recordings/query';
import { navigate } from '../router';
import { useTitle } from '../title';
import { ErrorPage } from './error-page';

export type InsightsTab = 'overview' | 'errors' | 'forms';

const TABS: { id: InsightsTab; label: string; path: string }[] = [
  { id: 'overview', label: 'Signals', path: '' },
  { id: 'errors', label: 'JavaScript errors', path: '/errors' },
  { id: 'forms', label: 'Forms', path: '/forms' },
];

type Load<T> = { status: 'loading' } | { status: 'ready'; key: string; data: T } | { status: 'error'; message: string };

/**
 * Loads the report named by {@code key} (view and range); reloads when the key or the attempt changes.
 * A report loaded for another key is never handed out: until the new one arrives, the state is loading.
 */
function useReport<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    fetcher(controller.signal)
      .then((data) => setLoad({ status: 'ready', key, data }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [key, attempt]);
  const current: Load<T> = load.status === 'ready' && load.key !== key ? { status: 'loading' } : load;
  return [current, () => setAttempt((a) => a + 1)];
}

/** Friction signals of a project over a date range: rates per signal, JavaScript errors, form analytics. */
export function InsightsPage({ project, tab, search }: { project: Project; tab: InsightsTab; search: string }) {
  useTitle('Insights', project.name);
  const range = useMemo(() => parseListState(search), [search]);
  const base = `/p/${encodeURIComponent(project.id)}/insights`;
  const window = useMemo(() => timeWindow(range), [search]);
  const [report, retry] = useReport<InsightOverview | ErrorGroup[] | FormReport[]>(`${project.id} ${tab} ${search}`, (signal) => {
    if (tab === 'errors') return insightsApi.errors(project.id, window.from, window.to, signal);
    if (tab === 'forms') return insightsApi.forms(project.id, window.from, window.to, signal);
    return insightsApi.overview(project.id, window.from, window.to, signal);
  });

  if (report.status === 'error') return <ErrorPage message={report.message} onRetry={retry} />;
  const data = report.status === 'ready' ? report.data : null;

  return (
    <div class="page" id="insights-page" data-tab={tab}>
      <header class="page-header">
        <div>
          <h1>Insights</h1>
          <p class="page-subtitle">
            Where visitors struggle — then watch the sessions that show it.
            {report.status === 'loading' ? <Spinner size={12} label="Loading" /> : null}
          </p>
        </div>
      </header>
      <div class="toolbar">
        <RangePicker state={range} onChange={(r, from, to) => navigate(base + TABS.find((t) => t.id === tab)!.path
          + rangeSearch({ range: r, from: from ?? null, to: to ?? null }))} />
      </div>
      <nav class="page-tabs" aria-label="Insights">
        {TABS.map((t) => (
          <Link key={t.id} id={`insights-tab-${t.id}`} class={t.id === tab ? 'active' : ''} href={base + t.path + rangeSearch(range)}
            aria-current={t.id === tab ? 'page' : undefined}>
            {t.label}
            {t.id === tab && data && Array.isArray(data) ? <span class="count">{data.length}</span> : null}
          </Link>
        ))}
      </nav>
      {tab === 'errors' ? <ErrorGroups project={project} groups={data as ErrorGroup[] | null} />
        : tab === 'forms' ? <FormReports forms={data as FormReport[] | null} />
          : <SignalOverview project={project} range={range} overview={data as InsightOverview | null} />}
    </div>
  );
}

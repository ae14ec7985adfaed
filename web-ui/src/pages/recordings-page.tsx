import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Project, SessionList } from '../api-types';
import { api } from '../api';
import { ErrorPage } from './error-page';
import { NoMatchingRecordings, NoRecordingsYet } from '../components/recordings/recordings-empty';
import { Pagination } from '../components/recordings/pagination';
import { RecordingsTable } from '../components/recordings/recordings-table';
import { RecordingsToolbar } from '../components/recordings/recordings-toolbar';
import { Spinner } from '../components/loading';
import { FilterBar } from '../components/dashboard/filter-bar';
import { formatInteger } from '../format';
import { DEFAULT_STATE, isDefaultFilter, type ListState, listStateToSearch, parseListState, toSessionQuery } from '../recordings/query';
import { navigate } from '../router';
import { useTitle } from '../title';

type Load = { status: 'loading'; previous: SessionList | null } | { status: 'ready'; data: SessionList } | { status: 'error'; message: string };

export function RecordingsPage({ project, search }: { project: Project; search: string }) {
  useTitle('Recordings', project.name);
  const state = useMemo(() => parseListState(search), [search]);
  const [load, setLoad] = useState<Load>({ status: 'loading', previous: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', previous: prev.status === 'ready' ? prev.data : null }));
    api.sessions(project.id, toSessionQuery(state), controller.signal)
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [project.id, search, attempt]);

  const base = `/p/${encodeURIComponent(project.id)}/recordings`;
  const go = (next: Partial<ListState>) => navigate(base + listStateToSearch({ ...state, ...next }));

  if (load.status === 'error') return <ErrorPage message={load.message} onRetry={() => setAttempt((a) => a + 1)} />;

  const data = load.status === 'ready' ? load.data : load.previous;
  const loading = load.status === 'loading';
  const empty = load.status === 'ready' && load.data.total === 0;

  return (
    <div class="page" id="recordings-page">
      <header class="page-header">
        <div>
          <h1>Recordings</h1>
          <p class="page-subtitle" id="recordings-count">
            {data ? `${formatInteger(data.total)} recording${data.total === 1 ? '' : 's'}` : 'Loading recordings…'}
            {loading && data ? <Spinner size={12} label="Refreshing" /> : null}
          </p>
        </div>
      </header>
      <RecordingsToolbar
        state={state}
        onRange={(range, from, to) => go({ range, from: from ?? null, to: to ?? null, page: 1 })}
        onSort={(sort) => go({ sort, page: 1 })}
        onBots={(bots) => go({ bots, page: 1 })}
        onInsight={(insight) => go({ insight, page: 1 })}
      />
      <FilterBar projectId={project.id} filters={state.filters} onChange={(filters) => go({ filters, page: 1 })} />
      {state.dropped !== null ? (
        <p class="funnel-note" id="dropped-note">
          Sessions that did step {state.dropped} of the funnel ({state.steps.join(' → ')}) and not the next.{' '}
          <button type="button" class="btn btn-xs link-button" onClick={() => go({ steps: [], dropped: null, page: 1 })}>Show all</button>
        </p>
      ) : null}
      {empty && isDefaultFilter(state) && state.page === 1 ? (
        <NoRecordingsYet project={project} />
      ) : empty && state.page > 1 ? (
        <NoMatchingRecordings pastTheEnd onReset={() => go({ page: 1 })} />
      ) : empty && state.insight ? (
        <NoMatchingRecordings insight={state.insight} onReset={() => go({ insight: null, page: 1 })} />
      ) : empty ? (
        <NoMatchingRecordings onReset={() => go({ ...DEFAULT_STATE, sort: state.sort })} />
      ) : (
        <div class={'card table-card' + (loading ? ' is-loading' : '')}>
          <RecordingsTable projectId={project.id} sessions={data?.sessions ?? []} loading={loading} limit={state.limit} />
          {data && data.total > 0 ? (
            <Pagination
              page={state.page}
              limit={state.limit}
              total={data.total}
              shown={data.sessions.length}
              onPage={(page) => go({ page })}
              onLimit={(limit) => go({ limit, page: 1 })}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}

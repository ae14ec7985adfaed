// The route table and the gates in front of it: first-run setup, login, projects.
import { useEffect, useState } from 'preact/hooks';
import { authStore, loadAuthState } from './auth';
import { AppShell } from './components/app-shell';
import { PageLoader } from './components/loading';
import { Redirect } from './components/redirect';
import { ToastHost } from './components/toast-host';
import { DashboardPage } from './pages/dashboard-page';
import { ErrorPage } from './pages/error-page';
import { FunnelsPage } from './pages/funnels-page';
import { InvitePage } from './pages/invite-page';
import { HeatmapPage } from './pages/heatmap-page';
import { HeatmapsPage } from './pages/heatmaps-page';
import { InsightsPage, type InsightsTab } from './pages/insights-page';
import { LoginPage } from './pages/login-page';
import { NoProjectsPage } from './pages/no-projects-page';
import { NotFoundPage } from './pages/not-found-page';
import { PlayerPage } from './pages/player-page';
import { RecordingsPage } from './pages/recordings-page';
import { SettingsPage } from './pages/settings-page';
import { SetupPage } from './pages/setup-page';
import { findProject, loadProjects, projectsStore } from './projects';
import { rememberListSearch } from './recordings/last-list';
import { matchRoute, safeNext, useLocation, type Location } from './router';

const LAST_PROJECT_KEY = 'sightline.lastProject';

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled: the dashboard just forgets the last project
  }
}

export function App() {
  return (
    <>
      <Gate />
      <ToastHost />
    </>
  );
}

function Gate() {
  const auth = authStore.use();
  const loc = useLocation();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (auth === null) loadAuthState().catch((error: Error) => setFailure(error.message));
  }, []);

  if (failure) return <ErrorPage message={failure} onRetry={() => { setFailure(null); loadAuthState().catch((e: Error) => setFailure(e.message)); }} />;
  if (auth === null) return <PageLoader />;

  const path = loc.path;
  const invite = matchRoute('/invite/:secret', path);
  if (invite?.secret && !auth.setupRequired) return <InvitePage secret={invite.secret} />;
  if (auth.setupRequired) return path === '/setup' ? <SetupPage /> : <Redirect to="/setup" />;
  if (path === '/setup') return <Redirect to="/" />;
  if (!auth.account) {
    if (path === '/login') return <LoginPage />;
    const next = path === '/' ? '' : `?next=${encodeURIComponent(path + loc.search)}`;
    return <Redirect to={`/login${next}`} />;
  }
  if (path === '/login') return <Redirect to={safeNext(new URLSearchParams(loc.search).get('next'))} />;
  return <LoggedIn loc={loc} />;
}

function LoggedIn({ loc }: { loc: Location }) {
  const projects = projectsStore.use();
  useEffect(() => {
    if (projects.status === 'idle') void loadProjects();
  }, [projects.status]);

  if (projects.status === 'error') return <ErrorPage message={projects.message} onRetry={() => { projectsStore.set({ status: 'idle' }); }} />;
  if (projects.status !== 'ready') return <PageLoader />;
  const list = projects.projects;

  if (loc.path === '/' || loc.path === '/p' || loc.path === '/p/') {
    if (list.length === 0) return <NoProjectsPage />;
    const remembered = readStorage(LAST_PROJECT_KEY);
    const target = list.find((p) => p.id === remembered) ?? list[0]!;
    return <Redirect to={`/p/${encodeURIComponent(target.id)}/recordings`} />;
  }

  const player = matchRoute('/p/:projectId/recordings/:sessionId', loc.path);
  const recordings = matchRoute('/p/:projectId/recordings', loc.path);
  const settings = matchRoute('/p/:projectId/settings/:section', loc.path) ?? matchRoute('/p/:projectId/settings', loc.path);
  const projectRoot = matchRoute('/p/:projectId', loc.path);
  const heatmaps = matchRoute('/p/:projectId/heatmaps', loc.path);
  const heatmap = matchRoute('/p/:projectId/heatmaps/view', loc.path);
  const insights = matchRoute('/p/:projectId/insights', loc.path);
  const insightsTab = matchRoute('/p/:projectId/insights/:tab', loc.path);
  const dashboard = matchRoute('/p/:projectId/dashboard', loc.path);
  const funnels = matchRoute('/p/:projectId/funnels', loc.path);
  const projectId = (player ?? recordings ?? settings ?? projectRoot ?? heatmaps ?? heatmap ?? insights ?? insightsTab
    ?? dashboard ?? funnels)?.projectId;
  const project = projectId ? findProject(projects, projectId) : undefined;

  if (projectId && !project) {
    return (
      <AppShell projects={list} current={undefined} path={loc.path}>
        <NotFoundPage title="Project not found" message="This project doesn't exist, or your account is not a member of it." />
      </AppShell>
    );
  }
  if (project) writeStorage(LAST_PROJECT_KEY, project.id);

  let page;
  if (player?.sessionId && project) {
    page = <PlayerPage key={player.sessionId} project={project} sessionId={player.sessionId} />;
  } else if (recordings && project) {
    rememberListSearch(project.id, loc.search);
    page = <RecordingsPage project={project} search={loc.search} />;
  } else if (settings && project) {
    page = <SettingsPage key={project.id} project={project} section={settings.section} />;
  } else if (heatmap && project) {
    page = <HeatmapPage project={project} search={loc.search} />;
  } else if (heatmaps && project) {
    page = <HeatmapsPage project={project} search={loc.search} />;
  } else if (insights && project) {
    page = <InsightsPage project={project} tab="overview" search={loc.search} />;
  } else if (insightsTab && project && ['errors', 'forms'].includes(insightsTab.tab!)) {
    page = <InsightsPage project={project} tab={insightsTab.tab as InsightsTab} search={loc.search} />;
  } else if (dashboard && project) {
    page = <DashboardPage project={project} search={loc.search} />;
  } else if (funnels && project) {
    page = <FunnelsPage project={project} search={loc.search} />;
  } else if (projectRoot && project) {
    return <Redirect to={`/p/${encodeURIComponent(project.id)}/recordings`} />;
  } else {
    page = <NotFoundPage />;
  }
  return (
    <AppShell projects={list} current={project} path={loc.path}>
      {page}
    </AppShell>
  );
}

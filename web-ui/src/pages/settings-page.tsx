import type { ComponentChildren } from 'preact';
import type { Project } from '../api-types';
import { authStore } from '../auth';
import { Link } from '../components/link';
import { NotFoundPage } from './not-found-page';
import { projectsStore } from '../projects';
import { Redirect } from '../components/redirect';
import { type ProjectSettings, type SettingsChange, settingsApi } from '../settings/settings-api';
import { SECTIONS, type SectionId, settingsHref } from '../settings/sections';
import { useLoad } from '../settings/use-load';
import { showToast } from '../toasts';
import { useTitle } from '../title';
import { AccountSection } from './settings/account-section';
import { AuditSection } from './settings/audit-section';
import { ErasureSection } from './settings/erasure-section';
import { GeneralSection } from './settings/general-section';
import { InstallSection } from './settings/install-section';
import { MembersSection } from './settings/members-section';
import { PrivacySection } from './settings/privacy-section';
import { RetentionSection } from './settings/retention-section';
import { LoadedContent } from './settings/section-card';
import { TokensSection } from './settings/tokens-section';

/** Settings: the project's sections, the account's password and, for the owner, the login audit. */
export function SettingsPage({ project, section }: { project: Project; section: string | undefined }) {
  const auth = authStore.use();
  const owner = !!auth?.account?.owner;
  const visible = SECTIONS.filter((s) => s.visible(project, owner));
  const current = visible.find((s) => s.id === section);
  useTitle(current?.label ?? 'Settings', project.name);
  const [settings, reload, setSettings] = useLoad(() => settingsApi.settings(project.id), [project.id]);

  if (!section) return <Redirect to={settingsHref(project.id, 'general')} />;
  if (!current) {
    return <NotFoundPage title="Settings not found" message="This section does not exist, or your role in the project does not include it."
      backHref={settingsHref(project.id, 'general')} backLabel="Back to settings" />;
  }
  const canEdit = project.role === 'ADMIN';

  async function save(change: SettingsChange) {
    const saved = await settingsApi.saveSettings(project.id, change);
    setSettings(saved);
    const projects = projectsStore.get();
    if (projects.status === 'ready') {
      projectsStore.set({ status: 'ready', projects: projects.projects.map((p) => (p.id === saved.id ? { ...p, name: saved.name, snippet: saved.snippet } : p)) });
    }
    showToast('Settings saved', 'success');
  }

  const withSettings = (render: (s: ProjectSettings) => ComponentChildren) => (
    <LoadedContent state={settings} onRetry={reload}>{render}</LoadedContent>
  );

  let content;
  switch (current.id as SectionId) {
    case 'general': content = withSettings((s) => <GeneralSection settings={s} canEdit={canEdit} onSave={save} />); break;
    case 'install': content = withSettings((s) => <InstallSection project={project} settings={s} />); break;
    case 'privacy': content = withSettings((s) => <PrivacySection settings={s} canEdit={canEdit} onSave={save} />); break;
    case 'retention': content = withSettings((s) => <RetentionSection settings={s} canEdit={canEdit} onSave={save} />); break;
    case 'members': content = <MembersSection projectId={project.id} canEdit={canEdit} />; break;
    case 'tokens': content = <TokensSection projectId={project.id} />; break;
    case 'erasure': content = <ErasureSection projectId={project.id} />; break;
    case 'account': content = <AccountSection email={auth?.account?.email ?? ''} />; break;
    case 'audit': content = <AuditSection />; break;
  }

  const groups = [...new Set(visible.map((s) => s.group))];
  return (
    <div class="page" id="settings-page">
      <header class="page-header">
        <div>
          <h1>Settings</h1>
          <p class="page-subtitle">{project.name} · your role: {project.role.toLowerCase()}</p>
        </div>
      </header>
      <div class="settings-layout">
        <nav class="settings-nav" aria-label="Settings">
          {groups.map((group) => (
            <div class="settings-nav-group" key={group}>
              <span class="settings-nav-title">{group}</span>
              {visible.filter((s) => s.group === group).map((s) => (
                <Link key={s.id} id={`settings-nav-${s.id}`} href={settingsHref(project.id, s.id)} class={s.id === current.id ? 'active' : ''}
                  aria-current={s.id === current.id ? 'page' : undefined}>{s.label}</Link>
              ))}
            </div>
          ))}
        </nav>
        <div class="settings-content">{content}</div>
      </div>
    </div>
  );
}

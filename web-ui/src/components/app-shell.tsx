import type { ComponentChildren } from 'preact';
import type { Project } from '../api-types';
import { AccountMenu } from './account-menu';
import { IconLogo } from './icons';
import { Link } from './link';
import { ProjectSwitcher } from './project-switcher';
import { SidebarNav } from './sidebar-nav';

interface AppShellProps {
  projects: Project[];
  current: Project | undefined;
  path: string;
  children: ComponentChildren;
}

/** The logged-in frame: sidebar (brand, project switcher, navigation, account) and the page. */
export function AppShell({ projects, current, path, children }: AppShellProps) {
  return (
    <div class="shell">
      <aside class="sidebar">
        <Link href="/" class="brand" aria-label="Sightline home">
          <span class="brand-mark"><IconLogo size={18} /></span>
          <span class="brand-name">Sightline</span>
        </Link>
        <ProjectSwitcher projects={projects} current={current} />
        {current ? <SidebarNav projectId={current.id} path={path} /> : null}
        <div class="sidebar-spacer" />
        <AccountMenu />
      </aside>
      <main class="main" id="main">{children}</main>
    </div>
  );
}

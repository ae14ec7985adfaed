import { useCallback, useRef, useState } from 'preact/hooks';
import type { Project } from '../api-types';
import { authStore } from '../auth';
import { CreateProjectDialog } from './create-project-dialog';
import { navigate } from '../router';
import { useDismiss } from './dismiss';
import { IconCheck, IconChevronDown, IconPlus } from './icons';

function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';
}

export function ProjectSwitcher({ projects, current }: { projects: Project[]; current: Project | undefined }) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const owner = !!authStore.use()?.account?.owner;
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  return (
    <div class="project-switcher" ref={ref}>
      <button
        type="button"
        id="project-switcher"
        class="project-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span class="project-avatar" aria-hidden="true">{initials(current?.name ?? '?')}</span>
        <span class="project-text">
          <span class="project-label">Project</span>
          <span class="project-name">{current?.name ?? 'Choose a project'}</span>
        </span>
        <IconChevronDown />
      </button>
      {open ? (
        <ul class="menu project-menu" role="listbox" aria-label="Projects">
          {projects.map((project) => (
            <li key={project.id} role="option" aria-selected={project.id === current?.id}>
              <button
                type="button"
                class="menu-item"
                onClick={() => {
                  setOpen(false);
                  navigate(`/p/${encodeURIComponent(project.id)}/recordings`);
                }}
              >
                <span class="project-avatar small" aria-hidden="true">{initials(project.name)}</span>
                <span class="menu-item-text">
                  <span>{project.name}</span>
                  <span class="muted small">{project.siteKey}</span>
                </span>
                {project.id === current?.id ? <IconCheck /> : null}
              </button>
            </li>
          ))}
          {owner ? (
            <li role="presentation" class="menu-separator">
              <button type="button" class="menu-item" id="new-project" onClick={() => { setOpen(false); setCreating(true); }}>
                <span class="project-avatar small new-project-avatar" aria-hidden="true"><IconPlus size={14} /></span>
                <span class="menu-item-text"><span>New project</span></span>
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
      {creating ? <CreateProjectDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

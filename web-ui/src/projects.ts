// The projects the account is a member of, loaded once per login.
import type { Project } from './api-types';
import { api } from './api';
import { createStore } from './store';

export type ProjectsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; projects: Project[] }
  | { status: 'error'; message: string };

export const projectsStore = createStore<ProjectsState>({ status: 'idle' });

export async function loadProjects(): Promise<void> {
  const state = projectsStore.get();
  if (state.status === 'loading' || state.status === 'ready') return;
  projectsStore.set({ status: 'loading' });
  try {
    projectsStore.set({ status: 'ready', projects: await api.projects() });
  } catch (error) {
    projectsStore.set({ status: 'error', message: (error as Error).message });
  }
}

export function findProject(state: ProjectsState, projectId: string): Project | undefined {
  return state.status === 'ready' ? state.projects.find((p) => p.id === projectId) : undefined;
}

// The settings sections, grouped as the sub-navigation shows them.
import type { Project } from '../api-types';

export type SectionId = 'general' | 'install' | 'privacy' | 'retention' | 'members' | 'tokens' | 'erasure'
  | 'account' | 'audit';

export interface Section {
  id: SectionId;
  label: string;
  group: 'Project' | 'Your account' | 'Installation';
  /** Whether the signed-in person sees the section at all. */
  visible: (project: Project, owner: boolean) => boolean;
}

const always = () => true;
const admins = (project: Project) => project.role === 'ADMIN';

export const SECTIONS: Section[] = [
  { id: 'general', label: 'General', group: 'Project', visible: always },
  { id: 'install', label: 'Install', group: 'Project', visible: always },
  { id: 'privacy', label: 'Privacy & masking', group: 'Project', visible: always },
  { id: 'retention', label: 'Data retention', group: 'Project', visible: always },
  { id: 'members', label: 'Members', group: 'Project', visible: always },
  { id: 'tokens', label: 'API tokens', group: 'Project', visible: admins },
  { id: 'erasure', label: 'Erase personal data', group: 'Project', visible: admins },
  { id: 'account', label: 'Password', group: 'Your account', visible: always },
  { id: 'audit', label: 'Login audit', group: 'Installation', visible: (_project, owner) => owner },
];

export function settingsHref(projectId: string, section: SectionId): string {
  return `/p/${encodeURIComponent(projectId)}/settings/${section}`;
}

export const ROLE_LABELS: Record<string, string> = { ADMIN: 'Admin', MEMBER: 'Member', VIEWER: 'Viewer' };

export const ROLE_HINTS: Record<string, string> = {
  ADMIN: 'Manages the project: settings, members, API tokens, erasure.',
  MEMBER: 'Watches recordings and keeps the ones that matter.',
  VIEWER: 'Watches recordings; changes nothing.',
};

// The sidebar's sections. A later milestone adds Dashboard, Heatmaps, Insights and Settings by
// appending an entry here (with its page and route in app.tsx); only pages that exist are listed.
import type { FunctionComponent } from 'preact';
import { IconHeatmap, IconInsights, IconRecordings, IconSettings, IconSpark, IconPage } from './icons';

export interface NavItem {
  id: string;
  label: string;
  icon: FunctionComponent<{ size?: number }>;
  /** The section's URL inside a project. */
  href: (projectId: string) => string;
  /** Whether a path belongs to the section (its sub-pages included). */
  matches: (path: string, projectId: string) => boolean;
}

export const NAV_ITEMS: NavItem[] = [
  {
    id: 'dashboard',
    label: 'Dashboard',
    icon: IconSpark,
    href: (projectId) => `/p/${encodeURIComponent(projectId)}/dashboard`,
    matches: (path, projectId) => path.startsWith(`/p/${encodeURIComponent(projectId)}/dashboard`),
  },
  {
    id: 'recordings',
    label: 'Recordings',
    icon: IconRecordings,
    href: (projectId) => `/p/${encodeURIComponent(projectId)}/recordings`,
    matches: (path, projectId) => path.startsWith(`/p/${encodeURIComponent(projectId)}/recordings`),
  },
  {
    id: 'heatmaps',
    label: 'Heatmaps',
    icon: IconHeatmap,
    href: (projectId) => `/p/${encodeURIComponent(projectId)}/heatmaps`,
    matches: (path, projectId) => path.startsWith(`/p/${encodeURIComponent(projectId)}/heatmaps`),
  },
  {
    id: 'insights',
    label: 'Insights',
    icon: IconInsights,
    href: (projectId) => `/p/${encodeURIComponent(projectId)}/insights`,
    matches: (path, projectId) => path.startsWith(`/p/${encodeURIComponent(projectId)}/insights`),
  },
  {
    id: 'funnels',
    label: 'Funnels',
    icon: IconPage,
    href: (projectId) => `/p/${encodeURIComponent(projectId)}/funnels`,
    matches: (path, projectId) => path.startsWith(`/p/${encodeURIComponent(projectId)}/funnels`),
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: IconSettings,
    href: (projectId) => `/p/${encodeURIComponent(projectId)}/settings/general`,
    matches: (path, projectId) => path.startsWith(`/p/${encodeURIComponent(projectId)}/settings`),
  },
];

// The server's settings, members, tokens, erasure and audit endpoints (docs/http-api.md), typed.
import { request } from '../api';
import type { Project } from '../api-types';

export type Role = 'ADMIN' | 'MEMBER' | 'VIEWER';
export type MaskingMode = 'STRICT' | 'BALANCED' | 'RELAXED';

export interface ProjectSettings {
  id: string;
  name: string;
  siteKey: string;
  allowedOrigins: string[];
  maskingMode: MaskingMode;
  maskSelector: string;
  unmaskSelector: string;
  consentRequired: boolean;
  honorGlobalPrivacyControl: boolean;
  recordingRetentionDays: number;
  analyticsRetentionDays: number;
  keptRecordingDays: number;
  createdAt: number;
  snippet: string;
}

export type SettingsChange = Partial<Omit<ProjectSettings, 'id' | 'siteKey' | 'createdAt' | 'snippet' | 'keptRecordingDays'>>;

export interface Member {
  accountId: string;
  email: string;
  role: Role;
  owner: boolean;
  you: boolean;
}

export interface Invite {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
  /** Only in the answer that created it. */
  link?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  createdBy: string | null;
  lastUsedAt: number | null;
  /** Only in the answer that created it. */
  token?: string;
}

export type ErasureSubject = { visitorId: string } | { userId: string } | { userHash: string };

export interface Erasure {
  id: string;
  subjectKind: 'VISITOR' | 'USER';
  subjectHint: string;
  sessionsDeleted: number;
  requestedBy: string | null;
  at: number;
}

export type LoginKind = 'SETUP' | 'SIGNED_IN' | 'WRONG_PASSWORD' | 'UNKNOWN_ACCOUNT' | 'THROTTLED' | 'SIGNED_OUT'
  | 'PASSWORD_CHANGED' | 'INVITE_ACCEPTED';

export interface LoginEvent {
  at: number;
  email: string;
  kind: LoginKind;
  clientAddress: string;
  userAgent: string;
}

export interface InviteInfo {
  email: string;
  role: Role;
  projectName: string;
  expiresAt: number;
}

const enc = encodeURIComponent;
const base = (projectId: string) => `/api/projects/${enc(projectId)}`;

export const settingsApi = {
  createProject: (name: string, allowedOrigins: string[]) =>
    request<Project>('/api/projects', { method: 'POST', body: { name, allowedOrigins }, quiet: true }),

  settings: (projectId: string, signal?: AbortSignal) =>
    request<ProjectSettings>(`${base(projectId)}/settings`, { signal, quiet: true }),

  saveSettings: (projectId: string, change: SettingsChange) =>
    request<ProjectSettings>(`${base(projectId)}/settings`, { method: 'PATCH', body: change, quiet: true }),

  members: (projectId: string) => request<Member[]>(`${base(projectId)}/members`, { quiet: true }),

  addMember: (projectId: string, email: string, role: Role) =>
    request<{ member: Member | null; invite: Invite | null }>(`${base(projectId)}/members`,
      { method: 'POST', body: { email, role }, quiet: true }),

  changeRole: (projectId: string, accountId: string, role: Role) =>
    request<void>(`${base(projectId)}/members/${enc(accountId)}`, { method: 'PATCH', body: { role } }),

  removeMember: (projectId: string, accountId: string) =>
    request<void>(`${base(projectId)}/members/${enc(accountId)}`, { method: 'DELETE' }),

  invites: (projectId: string) => request<Invite[]>(`${base(projectId)}/invites`, { quiet: true }),

  revokeInvite: (projectId: string, inviteId: string) =>
    request<void>(`${base(projectId)}/invites/${enc(inviteId)}`, { method: 'DELETE' }),

  tokens: (projectId: string) => request<ApiToken[]>(`${base(projectId)}/tokens`, { quiet: true }),

  createToken: (projectId: string, name: string) =>
    request<ApiToken>(`${base(projectId)}/tokens`, { method: 'POST', body: { name }, quiet: true }),

  revokeToken: (projectId: string, tokenId: string) =>
    request<void>(`${base(projectId)}/tokens/${enc(tokenId)}`, { method: 'DELETE' }),

  erasures: (projectId: string) => request<Erasure[]>(`${base(projectId)}/erasures`, { quiet: true }),

  previewErasure: (projectId: string, subject: ErasureSubject) =>
    request<{ sessions: number }>(`${base(projectId)}/erasures/preview`, { method: 'POST', body: subject, quiet: true }),

  erase: (projectId: string, subject: ErasureSubject) =>
    request<Erasure>(`${base(projectId)}/erasures`, { method: 'POST', body: subject, quiet: true }),

  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword }, quiet: true }),

  logins: (limit = 200) => request<LoginEvent[]>(`/api/audit/logins?limit=${limit}`, { quiet: true }),

  invite: (secret: string) => request<InviteInfo>(`/api/auth/invites/${enc(secret)}`, { quiet: true }),

  acceptInvite: (secret: string, password: string) =>
    request<import('../api-types').AuthState>(`/api/auth/invites/${enc(secret)}/accept`,
      { method: 'POST', body: { password }, quiet: true }),
};

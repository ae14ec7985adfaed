// Who is logged in, and the CSRF token that goes with that login.
import type { AuthState } from './api-types';
import { api, setCsrfToken } from './api';
import { createStore } from './store';
import { projectsStore } from './projects';

/** null until the first GET /api/auth/state has answered. */
export const authStore = createStore<AuthState | null>(null);

export function applyAuthState(state: AuthState): void {
  setCsrfToken(state.csrfToken);
  if (authStore.get()?.account?.id !== state.account?.id) projectsStore.set({ status: 'idle' });
  authStore.set(state);
}

export async function loadAuthState(): Promise<AuthState> {
  const state = await api.authState();
  applyAuthState(state);
  return state;
}

export async function logout(): Promise<void> {
  try {
    await api.logout();
  } finally {
    applyAuthState({ setupRequired: false, account: null, csrfToken: null });
  }
}

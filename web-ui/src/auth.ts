// Who is logged in, and the CSRF token that goes with that login.
import type { AuthState } from './api-types';
import { api, setCsrfToken, setUnauthenticatedHandler } from './api';
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

const LOGGED_OUT: AuthState = { setupRequired: false, account: null, csrfToken: null };

/** Forgets the login locally, then asks the server for a fresh state (and a fresh CSRF token). */
function resetAuth(): void {
  applyAuthState(LOGGED_OUT);
  loadAuthState().catch(() => undefined);
}

setUnauthenticatedHandler(resetAuth);

export async function logout(): Promise<void> {
  try {
    await api.logout();
  } finally {
    resetAuth();
  }
}

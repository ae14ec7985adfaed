import { useCallback, useRef, useState } from 'preact/hooks';
import { authStore, logout } from '../auth';
import { navigate } from '../router';
import { useDismiss } from './dismiss';
import { IconChevronDown, IconLogout } from './icons';

export function AccountMenu() {
  const auth = authStore.use();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const email = auth?.account?.email ?? '';

  return (
    <div class="account-menu" ref={ref}>
      {open ? (
        <div class="menu account-popup" role="menu">
          <div class="menu-header">
            <span class="muted small">Signed in as</span>
            <span class="account-email">{email}</span>
            {auth?.account?.owner ? <span class="badge badge-neutral">Owner</span> : null}
          </div>
          <button
            type="button"
            role="menuitem"
            id="logout"
            class="menu-item"
            onClick={async () => {
              setOpen(false);
              await logout().catch(() => undefined);
              navigate('/login', { replace: true });
            }}
          >
            <IconLogout />
            <span>Log out</span>
          </button>
        </div>
      ) : null}
      <button type="button" id="account-button" class="account-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class="account-avatar" aria-hidden="true">{(email[0] ?? '?').toUpperCase()}</span>
        <span class="account-email-short">{email}</span>
        <IconChevronDown />
      </button>
    </div>
  );
}

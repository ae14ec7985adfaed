import { useEffect, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { ApiError } from '../api';
import { applyAuthState, authStore, logout } from '../auth';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/form-field';
import { Spinner } from '../components/loading';
import { PasswordMeter } from '../components/password-meter';
import { formatDateTime } from '../format';
import { MIN_PASSWORD_LENGTH } from '../password-strength';
import { navigate } from '../router';
import { type InviteInfo, settingsApi } from '../settings/settings-api';
import { ROLE_LABELS } from '../settings/sections';
import { useTitle } from '../title';

/** Someone invited to a project creates their account from the link they were sent. */
export function InvitePage({ secret }: { secret: string }) {
  useTitle('Invitation');
  const auth = authStore.use();
  const [invite, setInvite] = useState<InviteInfo | null | 'gone'>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);

  useEffect(() => {
    settingsApi.invite(secret).then(setInvite, () => setInvite('gone'));
  }, [secret]);

  if (invite === null || accepted) return <AuthLayout title="Invitation" subtitle={accepted ? 'Signing you in…' : 'Opening your invitation…'}><Spinner size={20} /></AuthLayout>;
  if (invite === 'gone') {
    return (
      <AuthLayout title="This invitation cannot be used" subtitle="It was already used, it expired, or it was revoked. Ask the person who invited you for a new link.">
        <a class="btn btn-secondary btn-block" href="/login" id="invite-to-login">Go to sign in</a>
      </AuthLayout>
    );
  }
  if (auth?.account) {
    return (
      <AuthLayout title={`Join ${invite.projectName}`} subtitle={`You are signed in as ${auth.account.email}. This invitation is for ${invite.email}: sign out first to accept it.`}>
        <button type="button" class="btn btn-primary btn-block" id="invite-sign-out" onClick={() => logout().catch(() => undefined)}>Sign out</button>
      </AuthLayout>
    );
  }

  const passwordError = submitted && password.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : null;
  const confirmError = submitted && confirm !== password ? 'The passwords do not match.' : null;

  async function accept(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(null);
    if (password.length < MIN_PASSWORD_LENGTH || confirm !== password) return;
    setBusy(true);
    try {
      const state = await settingsApi.acceptInvite(secret, password);
      setAccepted(true);
      applyAuthState(state);
      navigate('/', { replace: true });
    } catch (e) {
      setFormError(e instanceof ApiError && e.status === 404 ? 'This invitation is no longer valid.' : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const info = invite as InviteInfo;
  return (
    <AuthLayout title={`Join ${info.projectName}`}
      subtitle={`You were invited as ${ROLE_LABELS[info.role]?.toLowerCase() ?? info.role}. Choose a password to create your account. The link works until ${formatDateTime(info.expiresAt)}.`}>
      <form class="auth-form" id="invite-form" onSubmit={accept} noValidate>
        <Field id="invite-email" label="Email">
          <input id="invite-email" class="input" type="email" autoComplete="username" value={info.email} readOnly />
        </Field>
        <Field id="invite-password" label="Password" error={passwordError} hint={<PasswordMeter password={password} />}>
          <input id="invite-password" class="input" type="password" autoComplete="new-password" autoFocus value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} aria-invalid={!!passwordError} />
        </Field>
        <Field id="invite-confirm" label="Confirm password" error={confirmError}>
          <input id="invite-confirm" class="input" type="password" autoComplete="new-password" value={confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)} aria-invalid={!!confirmError} />
        </Field>
        {formError ? <p class="form-error" role="alert">{formError}</p> : null}
        <button type="submit" class="btn btn-primary btn-block btn-lg" id="invite-submit" disabled={busy}>
          {busy ? <Spinner size={16} label="Creating account" /> : null}<span>Create account and join</span>
        </button>
      </form>
    </AuthLayout>
  );
}

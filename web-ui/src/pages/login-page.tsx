import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { api, ApiError } from '../api';
import { applyAuthState } from '../auth';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/form-field';
import { Spinner } from '../components/loading';
import { navigate, safeNext } from '../router';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setFormError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      applyAuthState(await api.login(email.trim(), password));
      navigate(safeNext(new URLSearchParams(location.search).get('next')), { replace: true });
    } catch (error) {
      setFormError(error instanceof ApiError && error.status === 401 ? 'That email and password do not match an account.' : (error as Error).message);
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Log in" subtitle="Watch how people use your site.">
      <form class="auth-form" id="login-form" onSubmit={onSubmit} noValidate>
        <Field id="login-email" label="Email">
          <input id="login-email" class="input" type="email" autoComplete="username" autoFocus value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field id="login-password" label="Password">
          <input id="login-password" class="input" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </Field>
        {formError ? <p class="form-error" role="alert" id="login-error">{formError}</p> : null}
        <button type="submit" class="btn btn-primary btn-block btn-lg" id="login-submit" disabled={busy}>
          {busy ? <Spinner size={16} label="Logging in" /> : null}
          <span>Log in</span>
        </button>
      </form>
    </AuthLayout>
  );
}

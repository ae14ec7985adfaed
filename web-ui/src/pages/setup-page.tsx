import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { api, ApiError } from '../api';
import { applyAuthState, loadAuthState } from '../auth';
import { AuthLayout } from '../components/auth-layout';
import { Field } from '../components/form-field';
import { Spinner } from '../components/loading';
import { PasswordMeter } from '../components/password-meter';
import { MIN_PASSWORD_LENGTH } from '../password-strength';
import { navigate } from '../router';

/** First run: creates the owner account. */
export function SetupPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const emailError = submitted && !/^[^\s@]+@[^\s@]+$/.test(email.trim()) ? 'Enter a valid email address.' : null;
  const passwordError = submitted && password.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : null;
  const confirmError = submitted && confirm !== password ? 'The passwords do not match.' : null;

  async function onSubmit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(null);
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()) || password.length < MIN_PASSWORD_LENGTH || confirm !== password) return;
    setBusy(true);
    try {
      applyAuthState(await api.setup(email.trim(), password));
      navigate('/', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Someone finished the setup first: there is an account now, so log in instead.
        await loadAuthState().catch(() => undefined);
        navigate('/login', { replace: true });
        return;
      }
      setFormError((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Welcome to Sightline" subtitle="Create the owner account for this installation. You can invite your team later.">
      <form class="auth-form" id="setup-form" onSubmit={onSubmit} noValidate>
        <Field id="setup-email" label="Email" error={emailError}>
          <input id="setup-email" class="input" type="email" autoComplete="email" autoFocus value={email} onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={!!emailError} />
        </Field>
        <Field id="setup-password" label="Password" error={passwordError} hint={<PasswordMeter password={password} />}>
          <input id="setup-password" class="input" type="password" autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-invalid={!!passwordError} aria-describedby="password-strength" />
        </Field>
        <Field id="setup-confirm" label="Confirm password" error={confirmError}>
          <input id="setup-confirm" class="input" type="password" autoComplete="new-password" value={confirm} onInput={(e) => setConfirm(e.currentTarget.value)} aria-invalid={!!confirmError} />
        </Field>
        {formError ? <p class="form-error" role="alert">{formError}</p> : null}
        <button type="submit" class="btn btn-primary btn-block btn-lg" id="setup-submit" disabled={busy}>
          {busy ? <Spinner size={16} label="Creating account" /> : null}
          <span>Create account</span>
        </button>
      </form>
    </AuthLayout>
  );
}

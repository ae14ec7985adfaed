import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { ApiError } from '../../api';
import { Field } from '../../components/form-field';
import { Spinner } from '../../components/loading';
import { PasswordMeter } from '../../components/password-meter';
import { MIN_PASSWORD_LENGTH } from '../../password-strength';
import { settingsApi } from '../../settings/settings-api';
import { showToast } from '../../toasts';
import { SectionCard } from './section-card';

/** Changing the signed-in account's password; every other login of the account ends. */
export function AccountSection({ email }: { email: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const nextError = submitted && next.length < MIN_PASSWORD_LENGTH ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : null;
  const confirmError = submitted && confirm !== next ? 'The passwords do not match.' : null;

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setCurrentError(null);
    setFormError(null);
    if (!current) {
      setCurrentError('Enter your current password.');
      return;
    }
    if (next.length < MIN_PASSWORD_LENGTH || confirm !== next) return;
    setBusy(true);
    try {
      await settingsApi.changePassword(current, next);
      showToast('Password changed. Your other sessions were signed out.', 'success');
      setCurrent('');
      setNext('');
      setConfirm('');
      setSubmitted(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'wrong_password') setCurrentError('This is not your current password.');
      else setFormError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <SectionCard id="settings-account" title="Password" intro={<>Signed in as <strong>{email}</strong>. Changing the password signs you out everywhere else.</>}>
      <form id="password-form" onSubmit={submit} noValidate style={{ maxWidth: '420px' }}>
        <input type="email" autoComplete="username" value={email} hidden readOnly />
        <Field id="current-password" label="Current password" error={currentError}>
          <input id="current-password" class="input" type="password" autoComplete="current-password" value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)} aria-invalid={!!currentError} />
        </Field>
        <Field id="new-password" label="New password" error={nextError} hint={<PasswordMeter password={next} />}>
          <input id="new-password" class="input" type="password" autoComplete="new-password" value={next}
            onInput={(e) => setNext(e.currentTarget.value)} aria-invalid={!!nextError} />
        </Field>
        <Field id="confirm-password" label="Confirm new password" error={confirmError}>
          <input id="confirm-password" class="input" type="password" autoComplete="new-password" value={confirm}
            onInput={(e) => setConfirm(e.currentTarget.value)} aria-invalid={!!confirmError} />
        </Field>
        {formError ? <p class="form-error" role="alert">{formError}</p> : null}
        <button type="submit" id="change-password" class="btn btn-primary" disabled={busy}>
          {busy ? <Spinner size={14} label="Saving" /> : null}<span>Change password</span>
        </button>
      </form>
    </SectionCard>
  );
}

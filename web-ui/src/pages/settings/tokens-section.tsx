import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { Field } from '../../components/form-field';
import { IconKey, IconTrash } from '../../components/icons';
import { Spinner } from '../../components/loading';
import { Modal } from '../../components/modal';
import { OneTimeSecret } from '../../components/one-time-secret';
import { formatDateTime, formatRelative } from '../../format';
import { showToast } from '../../toasts';
import { type ApiToken, settingsApi } from '../../settings/settings-api';
import { useLoad } from '../../settings/use-load';
import { LoadedContent, SectionCard } from './section-card';

/** API tokens that read this project's data, for scripts and exports. Shown once, stored hashed. */
export function TokensSection({ projectId }: { projectId: string }) {
  const [tokens, reload, setTokens] = useLoad(() => settingsApi.tokens(projectId), [projectId]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<ApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  async function create(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!name.trim()) {
      setError('Give the token a name, such as "Nightly export".');
      return;
    }
    setBusy(true);
    try {
      const token = await settingsApi.createToken(projectId, name.trim());
      setCreated(token);
      setName('');
      reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiToken) {
    setRevoking(null);
    await settingsApi.revokeToken(projectId, token.id);
    if (tokens.status === 'ready') setTokens(tokens.value.filter((t) => t.id !== token.id));
    showToast(`"${token.name}" was revoked`, 'success');
  }

  const origin = location.origin;
  return (
    <>
      <SectionCard id="settings-tokens" title="API tokens"
        intro="A token lets a program read this project's recordings and analytics, nothing else: it cannot change settings or see other projects. Sightline keeps only a hash of it.">
        <form class="inline-form" id="create-token-form" onSubmit={create} noValidate>
          <Field id="token-name" label="Token name" error={error}>
            <input id="token-name" class="input" value={name} maxLength={100} placeholder="Nightly export"
              onInput={(e) => setName(e.currentTarget.value)} aria-invalid={!!error} />
          </Field>
          <button type="submit" id="create-token" class="btn btn-primary" disabled={busy} style={{ marginBottom: error ? '26px' : '0' }}>
            {busy ? <Spinner size={14} label="Creating" /> : <IconKey size={15} />}<span>Create token</span>
          </button>
        </form>
        {created?.token ? (
          <OneTimeSecret id="new-token" label={`Your new token "${created.name}"`} value={created.token}
            note="Copy it now and store it somewhere safe. Sightline cannot show it again; if it is lost, revoke it and create another." />
        ) : null}
        <LoadedContent state={tokens} onRetry={reload}>
          {(list) => list.length === 0 ? <p class="empty-row" id="no-tokens">No tokens yet. Create one for each script or system that reads this project.</p> : (
            <table class="table list-table" id="tokens-table">
              <thead><tr><th>Name</th><th>Token</th><th>Created</th><th>Last used</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead>
              <tbody>
                {list.map((t) => (
                  <tr key={t.id}>
                    <td class="break">{t.name}</td>
                    <td><code>{t.prefix}…</code></td>
                    <td class="muted" title={formatDateTime(t.createdAt)}>{formatRelative(t.createdAt)}{t.createdBy ? ` by ${t.createdBy}` : ''}</td>
                    <td class="muted">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never'}</td>
                    <td class="actions">
                      <button type="button" class="btn btn-ghost-danger btn-sm revoke-token" onClick={() => setRevoking(t)}>
                        <IconTrash size={14} /><span>Revoke</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadedContent>
      </SectionCard>
      <SectionCard id="settings-token-usage" title="Using a token">
        <pre class="code-block">{`curl -H "Authorization: Bearer slt_…" \\\n  ${origin}/api/projects/${projectId}/sessions`}</pre>
      </SectionCard>
      {revoking ? (
        <Modal id="confirm-revoke" title="Revoke token?" danger onClose={() => setRevoking(null)}
          actions={<>
            <button type="button" class="btn btn-secondary" onClick={() => setRevoking(null)}>Cancel</button>
            <button type="button" id="confirm-revoke-token" class="btn btn-danger" onClick={() => revoke(revoking)}>Revoke</button>
          </>}>
          <p>Programs using <strong>{revoking.name}</strong> will get "unauthenticated" from now on. This cannot be undone.</p>
        </Modal>
      ) : null}
    </>
  );
}

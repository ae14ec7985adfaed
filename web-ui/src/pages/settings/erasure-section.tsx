import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { Field } from '../../components/form-field';
import { IconTrash } from '../../components/icons';
import { Spinner } from '../../components/loading';
import { Modal } from '../../components/modal';
import { formatDateTime, formatInteger } from '../../format';
import { showToast } from '../../toasts';
import { type ErasureSubject, settingsApi } from '../../settings/settings-api';
import { useLoad } from '../../settings/use-load';
import { LoadedContent, SectionCard } from './section-card';

type Kind = 'visitorId' | 'userId' | 'userHash';

const KINDS: { kind: Kind; label: string; hint: string; placeholder: string }[] = [
  { kind: 'visitorId', label: 'Visitor id', placeholder: 'k3j9x0…',
    hint: 'The id of a browser: shown in a recording\'s details, and kept in the visitor\'s _slv cookie.' },
  { kind: 'userId', label: 'User id', placeholder: 'user-42 or ada@example.com',
    hint: 'The id your site passes to sightline(\'identify\', …). Sightline hashes it exactly as the tracker does and looks for that hash.' },
  { kind: 'userHash', label: 'User hash', placeholder: '64 hexadecimal characters',
    hint: 'The SHA-256 the tracker sent for the user, as shown in a recording\'s details.' },
];

/** Erasure of everything stored about one person: a right-to-be-forgotten request in a few clicks. */
export function ErasureSection({ projectId }: { projectId: string }) {
  const [history, reloadHistory] = useLoad(() => settingsApi.erasures(projectId), [projectId]);
  const [kind, setKind] = useState<Kind>('visitorId');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ subject: ErasureSubject; sessions: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [erasing, setErasing] = useState(false);
  const info = KINDS.find((k) => k.kind === kind)!;

  const subject = (): ErasureSubject => ({ [kind]: value.trim() }) as ErasureSubject;

  async function preview(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFound(null);
    if (!value.trim()) {
      setError(`Enter the ${info.label.toLowerCase()}.`);
      return;
    }
    if (kind === 'userHash' && !/^[0-9a-fA-F]{64}$/.test(value.trim())) {
      setError('A user hash is 64 hexadecimal characters.');
      return;
    }
    setBusy(true);
    try {
      const s = subject();
      const answer = await settingsApi.previewErasure(projectId, s);
      setFound({ subject: s, sessions: answer.sessions });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    if (!found) return;
    setErasing(true);
    try {
      const done = await settingsApi.erase(projectId, found.subject);
      showToast(`Erased ${formatInteger(done.sessionsDeleted)} session${done.sessionsDeleted === 1 ? '' : 's'} from every store`, 'success');
      setFound(null);
      setValue('');
      reloadHistory();
    } catch (e) {
      setError((e as Error).message);
      setFound(null);
    } finally {
      setErasing(false);
      setConfirming(false);
    }
  }

  return (
    <>
      <SectionCard id="settings-erasure" title="Erase personal data"
        intro="Deletes everything stored about one person in this project: their recordings, sessions, pages, clicks and events, in every store, including uploads still waiting to be processed. The files are rewritten so nothing remains on disk.">
        <div class="segmented" role="tablist" aria-label="Find the person by" style={{ marginBottom: '14px' }}>
          {KINDS.map((k) => (
            <button key={k.kind} type="button" role="tab" id={`erase-by-${k.kind}`} aria-selected={kind === k.kind}
              class={kind === k.kind ? 'active' : ''} onClick={() => { setKind(k.kind); setFound(null); setError(null); }}>{k.label}</button>
          ))}
        </div>
        <form class="inline-form" id="erasure-form" onSubmit={preview} noValidate>
          <Field id="erasure-value" label={info.label} error={error} hint={error ? null : info.hint}>
            <input id="erasure-value" class="input" value={value} placeholder={info.placeholder} spellcheck={false} autoComplete="off"
              onInput={(e) => { setValue(e.currentTarget.value); setFound(null); }} aria-invalid={!!error} />
          </Field>
          <button type="submit" id="find-data" class="btn btn-secondary" disabled={busy} style={{ marginBottom: '26px' }}>
            {busy ? <Spinner size={14} label="Looking" /> : null}<span>Find data</span>
          </button>
        </form>
        {found ? (
          <div class={'callout ' + (found.sessions > 0 ? 'callout-warn' : '')} id="erasure-preview">
            <span style={{ flex: 1 }}>
              {found.sessions > 0
                ? `${formatInteger(found.sessions)} session${found.sessions === 1 ? '' : 's'} of this person will be deleted, with their recordings.`
                : 'Nothing stored yet matches. Erasing still removes any of their uploads waiting to be processed.'}
            </span>
            <button type="button" id="erase-data" class="btn btn-danger btn-sm" onClick={() => setConfirming(true)}>
              <IconTrash size={14} /><span>Erase…</span>
            </button>
          </div>
        ) : null}
      </SectionCard>
      <SectionCard id="settings-erasure-log" title="Erasure log" intro="When data was erased and by whom. The ids themselves are not kept, only their first characters.">
        <LoadedContent state={history} onRetry={reloadHistory}>
          {(list) => list.length === 0 ? <p class="empty-row" id="no-erasures">No erasures yet.</p> : (
            <table class="table list-table" id="erasures-table">
              <thead><tr><th>When</th><th>Person</th><th class="num">Sessions</th><th>By</th></tr></thead>
              <tbody>
                {list.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{e.subjectKind === 'VISITOR' ? 'Visitor' : 'User'} <code>{e.subjectHint}</code></td>
                    <td class="num">{formatInteger(e.sessionsDeleted)}</td>
                    <td class="muted break">{e.requestedBy ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadedContent>
      </SectionCard>
      {confirming && found ? (
        <Modal id="confirm-erasure" title="Erase for good?" danger onClose={() => !erasing && setConfirming(false)}
          actions={<>
            <button type="button" class="btn btn-secondary" disabled={erasing} onClick={() => setConfirming(false)}>Cancel</button>
            <button type="button" id="confirm-erase" class="btn btn-danger" disabled={erasing} onClick={erase}>
              {erasing ? <Spinner size={14} label="Erasing" /> : null}<span>Erase permanently</span>
            </button>
          </>}>
          <p>This deletes {found.sessions > 0 ? `${formatInteger(found.sessions)} session${found.sessions === 1 ? '' : 's'}` : 'any data'} of this person from every store. It cannot be undone.</p>
        </Modal>
      ) : null}
    </>
  );
}

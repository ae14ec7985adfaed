import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { Field } from '../../components/form-field';
import { IconTrash } from '../../components/icons';
import { Spinner } from '../../components/loading';
import { Modal } from '../../components/modal';
import { OneTimeSecret } from '../../components/one-time-secret';
import { formatRelative } from '../../format';
import { showToast } from '../../toasts';
import { type Invite, type Member, type Role, settingsApi } from '../../settings/settings-api';
import { ROLE_HINTS, ROLE_LABELS } from '../../settings/sections';
import { useLoad } from '../../settings/use-load';
import { LoadedContent, ReadOnlyNote, SectionCard } from './section-card';

const ROLES: Role[] = ['ADMIN', 'MEMBER', 'VIEWER'];

function RoleSelect({ id, value, onChange, disabled }: { id: string; value: Role; onChange: (role: Role) => void; disabled?: boolean }) {
  return (
    <select id={id} class="input input-sm select" value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value as Role)}>
      {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
    </select>
  );
}

/** Who is in the project, with which role; admins add, invite, change and remove people. */
export function MembersSection({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const [members, reloadMembers] = useLoad(() => settingsApi.members(projectId), [projectId]);
  const [invites, reloadInvites, setInvites] = useLoad(
    () => (canEdit ? settingsApi.invites(projectId) : Promise.resolve([] as Invite[])), [projectId, canEdit]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('MEMBER');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ email: string; link: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  async function add(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      setError('Enter a valid email address.');
      return;
    }
    setBusy(true);
    try {
      const added = await settingsApi.addMember(projectId, email.trim(), role);
      if (added.member) {
        showToast(`${added.member.email} was added as ${ROLE_LABELS[added.member.role]?.toLowerCase()}`, 'success');
        reloadMembers();
      } else if (added.invite?.link) {
        setLink({ email: added.invite.email, link: added.invite.link });
        reloadInvites();
      }
      setEmail('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function changeRole(member: Member, next: Role) {
    try {
      await settingsApi.changeRole(projectId, member.accountId, next);
      showToast(`${member.email} is now ${ROLE_LABELS[next]?.toLowerCase()}`, 'success');
    } finally {
      reloadMembers();
    }
  }

  async function remove(member: Member) {
    setRemoving(null);
    await settingsApi.removeMember(projectId, member.accountId);
    showToast(`${member.email} was removed from the project`, 'success');
    reloadMembers();
  }

  return (
    <>
      <SectionCard id="settings-members" title="Members"
        intro="People who can see this project. The owner of this Sightline installation administers every project.">
        {canEdit ? null : <ReadOnlyNote what="who is in the project" />}
        {canEdit ? (
          <form class="inline-form" id="add-member-form" onSubmit={add} noValidate>
            <Field id="member-email" label="Email" error={error}>
              <input id="member-email" class="input" type="email" value={email} placeholder="teammate@example.com"
                onInput={(e) => setEmail(e.currentTarget.value)} aria-invalid={!!error} />
            </Field>
            <div class="field narrow">
              <label for="member-role">Role</label>
              <select id="member-role" class="input select" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
                {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
              </select>
            </div>
            <button type="submit" id="add-member" class="btn btn-primary" disabled={busy} style={{ marginBottom: error ? '26px' : '0' }}>
              {busy ? <Spinner size={14} label="Adding" /> : null}<span>Add or invite</span>
            </button>
          </form>
        ) : null}
        {canEdit ? <p class="field-hint" style={{ marginBottom: '14px' }}>{ROLE_HINTS[role]} People without an account get an invitation link to send them.</p> : null}
        {link ? (
          <OneTimeSecret id="invite-link" label={`Invitation link for ${link.email}`} value={link.link}
            note="Send this link to them yourself. It works once, for 7 days, and will not be shown again." />
        ) : null}
        <LoadedContent state={members} onRetry={reloadMembers}>
          {(list) => (
            <table class="table list-table" id="members-table">
              <thead><tr><th>Email</th><th>Role</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead>
              <tbody>
                {list.map((m) => (
                  <tr key={m.accountId} data-email={m.email}>
                    <td>
                      <span class="break">{m.email}</span>{' '}
                      {m.you ? <span class="badge badge-neutral">You</span> : null}
                      {m.owner ? <span class="badge badge-new">Owner</span> : null}
                    </td>
                    <td>
                      {canEdit && !m.owner
                        ? <RoleSelect id={`role-${m.accountId}`} value={m.role} onChange={(r) => changeRole(m, r)} />
                        : ROLE_LABELS[m.role]}
                    </td>
                    <td class="actions">
                      {canEdit && !m.owner ? (
                        <button type="button" class="btn btn-ghost-danger btn-sm remove-member" onClick={() => setRemoving(m)}>
                          <IconTrash size={14} /><span>Remove</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadedContent>
      </SectionCard>
      {canEdit ? (
        <SectionCard id="settings-invites" title="Open invitations">
          <LoadedContent state={invites} onRetry={reloadInvites}>
            {(list) => list.length === 0 ? <p class="empty-row">No open invitations. Invite someone by email above.</p> : (
              <table class="table list-table" id="invites-table">
                <thead><tr><th>Email</th><th>Role</th><th>Expires</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead>
                <tbody>
                  {list.map((invite) => (
                    <tr key={invite.id}>
                      <td class="break">{invite.email}</td>
                      <td>{ROLE_LABELS[invite.role]}</td>
                      <td class="muted">{formatRelative(invite.expiresAt)}</td>
                      <td class="actions">
                        <button type="button" class="btn btn-ghost-danger btn-sm" onClick={async () => {
                          await settingsApi.revokeInvite(projectId, invite.id);
                          setInvites(list.filter((i) => i.id !== invite.id));
                          showToast('Invitation revoked', 'success');
                        }}>Revoke</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </LoadedContent>
        </SectionCard>
      ) : null}
      {removing ? (
        <Modal id="confirm-remove" title="Remove member?" danger onClose={() => setRemoving(null)}
          actions={<>
            <button type="button" class="btn btn-secondary" onClick={() => setRemoving(null)}>Cancel</button>
            <button type="button" id="confirm-remove-member" class="btn btn-danger" onClick={() => remove(removing)}>Remove</button>
          </>}>
          <p><strong>{removing.email}</strong> will no longer see this project. Their account stays, and you can add them again later.</p>
        </Modal>
      ) : null}
    </>
  );
}

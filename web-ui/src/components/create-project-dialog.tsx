// Creating a project (the owner's job): a name and, optionally, the sites it records.
import { useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import { ApiError } from '../api';
import { projectsStore } from '../projects';
import { navigate } from '../router';
import { settingsApi } from '../settings/settings-api';
import { settingsHref } from '../settings/sections';
import { showToast } from '../toasts';
import { Field } from './form-field';
import { Spinner } from './loading';
import { Modal } from './modal';

export function CreateProjectDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'name' | 'origins'; message: string } | null>(null);

  async function create(event?: TargetedSubmitEvent<HTMLFormElement>) {
    event?.preventDefault();
    setError(null);
    if (!name.trim()) {
      setError({ field: 'name', message: 'Give the project a name, such as your site\'s.' });
      return;
    }
    setBusy(true);
    try {
      const project = await settingsApi.createProject(name.trim(), origins.split(/[\n, ]/).map((o) => o.trim()).filter(Boolean));
      const state = projectsStore.get();
      projectsStore.set({ status: 'ready', projects: [...(state.status === 'ready' ? state.projects : []), project]
        .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())) });
      showToast(`Project "${project.name}" created. Install its snippet to start recording.`, 'success');
      onClose();
      navigate(settingsHref(project.id, 'install'));
    } catch (e) {
      const origin = e instanceof ApiError && e.code === 'invalid_origin';
      setError({ field: origin ? 'origins' : 'name', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal id="create-project" title="New project" onClose={onClose}
      actions={<>
        <button type="button" class="btn btn-secondary" onClick={onClose}>Cancel</button>
        <button type="submit" form="create-project-form" id="create-project-submit" class="btn btn-primary" disabled={busy}>
          {busy ? <Spinner size={14} label="Creating" /> : null}<span>Create project</span>
        </button>
      </>}>
      <form id="create-project-form" onSubmit={create} noValidate>
        <p style={{ marginBottom: '14px' }}>A project records one site (or a few that belong together). It gets its own snippet, members and privacy settings.</p>
        <Field id="new-project-name" label="Name" error={error?.field === 'name' ? error.message : null}>
          <input id="new-project-name" class="input" value={name} maxLength={100} placeholder="Acme shop"
            onInput={(e) => setName(e.currentTarget.value)} aria-invalid={error?.field === 'name'} />
        </Field>
        <Field id="new-project-origins" label="Site address (optional)" error={error?.field === 'origins' ? error.message : null}
          hint="Only uploads from these origins are accepted; you can change this later.">
          <input id="new-project-origins" class="input" value={origins} placeholder="https://shop.example.com"
            onInput={(e) => setOrigins(e.currentTarget.value)} aria-invalid={error?.field === 'origins'} />
        </Field>
      </form>
    </Modal>
  );
}

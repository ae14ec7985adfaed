import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { Field } from '../../components/form-field';
import { formatDateTime } from '../../format';
import type { ProjectSettings, SettingsChange } from '../../settings/settings-api';
import { ReadOnlyNote, SaveBar, SectionCard } from './section-card';

interface Props {
  settings: ProjectSettings;
  canEdit: boolean;
  onSave: (change: SettingsChange) => Promise<void>;
}

const lines = (text: string) => text.split(/[\n,]/).map((l) => l.trim()).filter(Boolean);

/** Name, the public site key, and the origins collect accepts uploads from. */
export function GeneralSection({ settings, canEdit, onSave }: Props) {
  const [name, setName] = useState(settings.name);
  const [origins, setOrigins] = useState(settings.allowedOrigins.join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  useEffect(() => {
    setName(settings.name);
    setOrigins(settings.allowedOrigins.join('\n'));
  }, [settings]);

  const dirty = name.trim() !== settings.name || lines(origins).join('\n') !== settings.allowedOrigins.join('\n');

  async function save() {
    setError(null);
    if (!name.trim()) {
      setError({ field: 'name', message: 'A project needs a name.' });
      return;
    }
    setBusy(true);
    try {
      await onSave({ name: name.trim(), allowedOrigins: lines(origins) });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError({ field: code === 'invalid_origin' ? 'origins' : 'name', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <SectionCard id="settings-general" title="General" intro="What the project is called and which sites may send it recordings.">
      {canEdit ? null : <ReadOnlyNote what="these settings" />}
      <dl class="key-value">
        <dt>Project id</dt><dd><code>{settings.id}</code></dd>
        <dt>Site key</dt>
        <dd class="inline-icon"><code id="site-key">{settings.siteKey}</code> <CopyButton text={settings.siteKey} label="Copy" copiedMessage="Site key copied" /></dd>
        <dt>Created</dt><dd>{formatDateTime(settings.createdAt)}</dd>
      </dl>
      <Field id="project-name" label="Project name" error={error?.field === 'name' ? error.message : null}>
        <input id="project-name" class="input" value={name} maxLength={100} disabled={!canEdit}
          onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="allowed-origins" label="Allowed origins" error={error?.field === 'origins' ? error.message : null}
        hint={<>One per line, like <code>https://shop.example.com</code>. Uploads from any other site are refused. Leave empty to accept every site (fine while you try Sightline out).</>}>
        <textarea id="allowed-origins" class="input textarea" value={origins} disabled={!canEdit} spellcheck={false}
          placeholder="https://www.example.com" onInput={(e) => setOrigins(e.currentTarget.value)} />
      </Field>
      {canEdit ? <SaveBar id="save-general" dirty={dirty} busy={busy} onSave={save}
        onReset={() => { setName(settings.name); setOrigins(settings.allowedOrigins.join('\n')); setError(null); }} /> : null}
    </SectionCard>
  );
}

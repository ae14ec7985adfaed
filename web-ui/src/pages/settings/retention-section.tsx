import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/form-field';
import { IconClock } from '../../components/icons';
import type { ProjectSettings, SettingsChange } from '../../settings/settings-api';
import { ReadOnlyNote, SaveBar, SectionCard } from './section-card';

interface Props {
  settings: ProjectSettings;
  canEdit: boolean;
  onSave: (change: SettingsChange) => Promise<void>;
}

const MAX_DAYS = 3650;

function daysProblem(value: string): string {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_DAYS ? '' : `Enter a whole number of days from 1 to ${MAX_DAYS}.`;
}

/** How long recordings and analytics are kept before the daily retention run deletes them. */
export function RetentionSection({ settings, canEdit, onSave }: Props) {
  const [recordings, setRecordings] = useState(String(settings.recordingRetentionDays));
  const [analytics, setAnalytics] = useState(String(settings.analyticsRetentionDays));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setRecordings(String(settings.recordingRetentionDays));
    setAnalytics(String(settings.analyticsRetentionDays));
    setError(null);
  };
  useEffect(reset, [settings]);

  const recordingsProblem = daysProblem(recordings);
  const analyticsProblem = daysProblem(analytics);
  const order = !recordingsProblem && !analyticsProblem && Number(recordings) > Number(analytics)
    ? 'Recordings cannot be kept longer than the analytics they belong to.' : '';
  const dirty = Number(recordings) !== settings.recordingRetentionDays || Number(analytics) !== settings.analyticsRetentionDays;

  async function save() {
    if (recordingsProblem || analyticsProblem || order) return;
    setBusy(true);
    setError(null);
    try {
      await onSave({ recordingRetentionDays: Number(recordings), analyticsRetentionDays: Number(analytics) });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <SectionCard id="settings-retention" title="Data retention"
      intro="Sightline deletes old data once a day, from every store: recordings from disk, analytics from the database, and the raw uploads they came from.">
      {canEdit ? null : <ReadOnlyNote what="retention" />}
      <Field id="recording-days" label="Keep recordings for" error={recordingsProblem || null}
        hint="Session replays. Default 30 days.">
        <span class="days-input">
          <input id="recording-days" class="input" type="number" min={1} max={MAX_DAYS} value={recordings} disabled={!canEdit}
            onInput={(e) => setRecordings(e.currentTarget.value)} aria-invalid={!!recordingsProblem} />
          <span class="muted">days</span>
        </span>
      </Field>
      <Field id="analytics-days" label="Keep analytics for" error={analyticsProblem || order || null}
        hint="Sessions, pages, clicks, scrolls and events behind lists, filters and heatmaps. Default 13 months (395 days).">
        <span class="days-input">
          <input id="analytics-days" class="input" type="number" min={1} max={MAX_DAYS} value={analytics} disabled={!canEdit}
            onInput={(e) => setAnalytics(e.currentTarget.value)} aria-invalid={!!(analyticsProblem || order)} />
          <span class="muted">days</span>
        </span>
      </Field>
      <div class="callout"><IconClock size={16} /><span>Favourite or labelled recordings are kept for {settings.keptRecordingDays} days (13 months) from their start, whatever the settings above.</span></div>
      {error ? <p class="form-error" role="alert">{error}</p> : null}
      {canEdit ? <SaveBar id="save-retention" dirty={dirty} busy={busy} invalid={!!(recordingsProblem || analyticsProblem || order)} onSave={save} onReset={reset} /> : null}
    </SectionCard>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../components/form-field';
import { IconShield } from '../../components/icons';
import type { MaskingMode, ProjectSettings, SettingsChange } from '../../settings/settings-api';
import { ReadOnlyNote, SaveBar, SectionCard } from './section-card';

interface Props {
  settings: ProjectSettings;
  canEdit: boolean;
  onSave: (change: SettingsChange) => Promise<void>;
}

const MODES: { mode: MaskingMode; title: string; text: string; sample: string }[] = [
  { mode: 'STRICT', title: 'Strict', text: 'All text and images are masked. For pages full of personal data.', sample: '**** ******* ** ***' },
  { mode: 'BALANCED', title: 'Balanced', text: 'Inputs are masked, and words with digits or an @ in page text.', sample: 'Call ******** or write to ********' },
  { mode: 'RELAXED', title: 'Relaxed', text: 'Only inputs are masked; page text is recorded as shown.', sample: 'Call 555-0199 or write to ada@shop.example' },
];

/** An empty string when the browser can use the selectors, else why not. */
export function selectorProblem(selectors: string): string {
  if (!selectors.trim()) return '';
  if (/:/.test(selectors)) return 'Pseudo-classes (like :hover) are not supported; use tags, #ids, .classes and [attributes].';
  try {
    document.createDocumentFragment().querySelector(selectors);
    return '';
  } catch {
    return 'This is not a valid CSS selector list.';
  }
}

/** Masking mode, the project's own mask and unmask selectors, consent and Global Privacy Control. */
export function PrivacySection({ settings, canEdit, onSave }: Props) {
  const [mode, setMode] = useState(settings.maskingMode);
  const [mask, setMask] = useState(settings.maskSelector);
  const [unmask, setUnmask] = useState(settings.unmaskSelector);
  const [consent, setConsent] = useState(settings.consentRequired);
  const [gpc, setGpc] = useState(settings.honorGlobalPrivacyControl);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setMode(settings.maskingMode);
    setMask(settings.maskSelector);
    setUnmask(settings.unmaskSelector);
    setConsent(settings.consentRequired);
    setGpc(settings.honorGlobalPrivacyControl);
    setError(null);
  };
  useEffect(reset, [settings]);

  const maskProblem = selectorProblem(mask);
  const unmaskProblem = selectorProblem(unmask);
  const dirty = mode !== settings.maskingMode || mask.trim() !== settings.maskSelector || unmask.trim() !== settings.unmaskSelector
    || consent !== settings.consentRequired || gpc !== settings.honorGlobalPrivacyControl;

  async function save() {
    if (maskProblem || unmaskProblem) return;
    setBusy(true);
    setError(null);
    try {
      await onSave({ maskingMode: mode, maskSelector: mask.trim(), unmaskSelector: unmask.trim(), consentRequired: consent,
        honorGlobalPrivacyControl: gpc });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <SectionCard id="settings-privacy" title="Privacy & masking"
        intro="Masking happens in the visitor's browser: what is masked never reaches Sightline. Changes apply from the next page view.">
        {canEdit ? null : <ReadOnlyNote what="privacy settings" />}
        <div class="callout"><IconShield size={16} /><span>In every mode, what visitors type is masked, and passwords and payment fields (card number, expiry, security code) are never captured at all, not even their length.</span></div>
        <h3 style={{ marginBottom: '10px' }}>Masking mode</h3>
        <div class="choice-cards" role="radiogroup" aria-label="Masking mode">
          {MODES.map((m) => (
            <label key={m.mode} class={'choice-card' + (mode === m.mode ? ' selected' : '') + (canEdit ? '' : ' disabled')} id={`mode-${m.mode.toLowerCase()}`}>
              <input type="radio" name="masking-mode" value={m.mode} checked={mode === m.mode} disabled={!canEdit} onChange={() => setMode(m.mode)} />
              <span class="choice-title">{m.title}{m.mode === 'BALANCED' ? <span class="badge badge-neutral">Default</span> : null}</span>
              <span class="choice-text">{m.text}</span>
              <span class="choice-sample">{m.sample}</span>
            </label>
          ))}
        </div>
        <Field id="mask-selector" label="Also mask (CSS selectors)" error={maskProblem || null}
          hint={<>Elements matching these are masked in every mode, like <code>data-sl-mask</code>. Example: <code>.account-balance, #order-history</code></>}>
          <input id="mask-selector" class="input" value={mask} disabled={!canEdit} spellcheck={false} placeholder=".private, [data-secret]"
            onInput={(e) => setMask(e.currentTarget.value)} aria-invalid={!!maskProblem} />
        </Field>
        <Field id="unmask-selector" label="Always show (CSS selectors)" error={unmaskProblem || null}
          hint={<>Text of elements matching these is kept even in strict mode, like <code>data-sl-unmask</code>. Never put personal data here.</>}>
          <input id="unmask-selector" class="input" value={unmask} disabled={!canEdit} spellcheck={false} placeholder=".product-title, nav"
            onInput={(e) => setUnmask(e.currentTarget.value)} aria-invalid={!!unmaskProblem} />
        </Field>
        <h3 style={{ margin: '6px 0 2px' }}>Consent</h3>
        <div class="toggle-row">
          <div class="toggle-text">
            <strong>Record only after consent</strong>
            <span>Nothing is recorded, stored or sent, and no cookie is set, until your page calls <code>sightline('consent', true)</code>, typically from your consent banner.</span>
          </div>
          <label class="switch"><input type="checkbox" id="consent-required" checked={consent} disabled={!canEdit} onChange={(e) => setConsent(e.currentTarget.checked)} /><span class="switch-track"><span class="switch-thumb" /></span></label>
        </div>
        <div class="toggle-row">
          <div class="toggle-text">
            <strong>Honour Global Privacy Control</strong>
            <span>Visitors whose browser sends the Global Privacy Control signal are not recorded at all.</span>
          </div>
          <label class="switch"><input type="checkbox" id="honor-gpc" checked={gpc} disabled={!canEdit} onChange={(e) => setGpc(e.currentTarget.checked)} /><span class="switch-track"><span class="switch-thumb" /></span></label>
        </div>
        {error ? <p class="form-error" role="alert">{error}</p> : null}
        {canEdit ? <SaveBar id="save-privacy" dirty={dirty} busy={busy} invalid={!!(maskProblem || unmaskProblem)} onSave={save} onReset={reset} /> : null}
      </SectionCard>
    </>
  );
}

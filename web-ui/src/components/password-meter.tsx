import { passwordStrength } from '../password-strength';

export function PasswordMeter({ password }: { password: string }) {
  const strength = passwordStrength(password);
  return (
    <div class={`password-meter score-${strength.score}`} id="password-strength" aria-live="polite">
      <div class="meter-bars" aria-hidden="true">
        {[1, 2, 3, 4].map((n) => <span key={n} class={strength.score >= n ? 'on' : ''} />)}
      </div>
      <span class="meter-text">
        {strength.label ? <strong>{strength.label}. </strong> : null}
        {strength.hint}
      </span>
    </div>
  );
}

import type { ComponentChildren } from 'preact';
import { IconLogo } from './icons';

/** The centred card used by the setup and login pages. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: string; children: ComponentChildren; footer?: ComponentChildren }) {
  return (
    <div class="auth-page">
      <div class="auth-brand">
        <span class="brand-mark large"><IconLogo size={22} /></span>
        <span class="brand-name">Sightline</span>
      </div>
      <div class="auth-card">
        <h1>{title}</h1>
        {subtitle ? <p class="auth-subtitle">{subtitle}</p> : null}
        {children}
      </div>
      {footer ? <div class="auth-footer">{footer}</div> : null}
    </div>
  );
}

// Display formatting: durations, dates, URLs, enums. Everything returns plain text.
import type { Channel, DeviceClass } from './api-types';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const shortDateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'long' });
const integer = new Intl.NumberFormat();

export function formatDateTime(ms: number): string {
  return dateTime.format(ms);
}

export function formatShortDateTime(ms: number): string {
  return shortDateTime.format(ms);
}

export function formatInteger(n: number): string {
  return integer.format(n);
}

/** "just now", "12 minutes ago", "yesterday", "3 days ago"; older than a month: the date. */
export function formatRelative(ms: number, now = Date.now()): string {
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return relative.format(Math.round(seconds / 86400), 'day');
  return formatShortDateTime(ms);
}

/** A human duration: "45s", "3m 05s", "1h 02m". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** A clock for the player: "0:07", "12:34", "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The path (and query) of a URL; the input itself when it is not a URL. */
export function urlPath(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return (u.pathname || '/') + u.search;
  } catch {
    return url;
  }
}

export function urlHost(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

export function countryName(code: string | null | undefined): string {
  if (!code || code === '--' || code.length !== 2) return 'Unknown';
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function countryCode(code: string | null | undefined): string {
  return !code || code === '--' ? '—' : code.toUpperCase();
}

const DEVICE_NAMES: Record<DeviceClass, string> = { DESKTOP: 'Desktop', TABLET: 'Tablet', MOBILE: 'Mobile', OTHER: 'Other device' };

export function deviceName(device: DeviceClass | null | undefined): string {
  return device ? DEVICE_NAMES[device] ?? titleCase(device) : 'Unknown device';
}

const CHANNEL_NAMES: Record<Channel, string> = {
  DIRECT: 'Direct', ORGANIC_SEARCH: 'Organic search', PAID: 'Paid', SOCIAL: 'Social', EMAIL: 'Email',
  REFERRAL: 'Referral', AI_TOOLS: 'AI tools',
};

export function channelName(channel: Channel | null | undefined): string {
  return channel ? CHANNEL_NAMES[channel] ?? titleCase(channel) : 'Unknown';
}

export function titleCase(value: string): string {
  const words = value.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function pluralize(n: number, one: string, many = one + 's'): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

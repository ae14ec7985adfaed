// Recordings/dashboard filters in their URL form, `field:operator:value` (one `f` parameter each), the
// same grammar the API reads (docs/http-api.md). Shared links carry them as they are.

export type FieldKind = 'text' | 'range' | 'choice' | 'event' | 'tag' | 'insight';

export interface FilterField {
  field: string;
  label: string;
  kind: FieldKind;
  /** Units of a range field, for its label. */
  unit?: string;
  choices?: { value: string; label: string }[];
}

export const TEXT_OPERATORS = [
  { value: 'contains', label: 'contains' },
  { value: 'starts_with', label: 'starts with' },
  { value: 'ends_with', label: 'ends with' },
  { value: 'equals', label: 'is exactly' },
  { value: 'not_equals', label: 'is not' },
  { value: 'regex', label: 'matches regex' },
];

export const CHANNELS = [
  { value: 'direct', label: 'Direct' },
  { value: 'organic_search', label: 'Organic search' },
  { value: 'paid', label: 'Paid' },
  { value: 'social', label: 'Social' },
  { value: 'email', label: 'E-mail' },
  { value: 'referral', label: 'Referral' },
  { value: 'ai_tools', label: 'AI tools' },
];

export const INSIGHTS = [
  { value: 'rage_click', label: 'Rage clicks' },
  { value: 'dead_click', label: 'Dead clicks' },
  { value: 'error_click', label: 'Error clicks' },
  { value: 'quick_back', label: 'Quick backs' },
  { value: 'excessive_scroll', label: 'Excessive scrolling' },
  { value: 'js_error', label: 'JavaScript errors' },
  { value: 'form_abandon', label: 'Abandoned forms' },
];

export const FIELDS: FilterField[] = [
  { field: 'visited', label: 'Visited URL', kind: 'text' },
  { field: 'entry', label: 'Entry URL', kind: 'text' },
  { field: 'exit', label: 'Exit URL', kind: 'text' },
  { field: 'referrer', label: 'Referrer', kind: 'text' },
  { field: 'channel', label: 'Channel', kind: 'choice', choices: CHANNELS },
  { field: 'utm_source', label: 'UTM source', kind: 'text' },
  { field: 'utm_medium', label: 'UTM medium', kind: 'text' },
  { field: 'utm_campaign', label: 'UTM campaign', kind: 'text' },
  { field: 'device', label: 'Device', kind: 'choice', choices: [
    { value: 'desktop', label: 'Desktop' }, { value: 'tablet', label: 'Tablet' }, { value: 'mobile', label: 'Mobile' }] },
  { field: 'browser', label: 'Browser', kind: 'text' },
  { field: 'os', label: 'Operating system', kind: 'text' },
  { field: 'country', label: 'Country', kind: 'text' },
  { field: 'visitor', label: 'Visitor', kind: 'choice', choices: [
    { value: 'new', label: 'New' }, { value: 'returning', label: 'Returning' }] },
  { field: 'duration', label: 'Duration', kind: 'range', unit: 's' },
  { field: 'pages', label: 'Pages', kind: 'range' },
  { field: 'clicks', label: 'Clicks', kind: 'range' },
  { field: 'scroll', label: 'Scroll depth', kind: 'range', unit: '%' },
  { field: 'insight', label: 'Insight', kind: 'insight', choices: INSIGHTS },
  { field: 'error', label: 'JS error message', kind: 'text' },
  { field: 'event', label: 'Custom event', kind: 'event' },
  { field: 'tag', label: 'Custom tag', kind: 'tag' },
  { field: 'user', label: 'Identified user id', kind: 'choice' },
  { field: 'clicked_text', label: 'Clicked element text', kind: 'text' },
  { field: 'clicked_selector', label: 'Clicked element selector', kind: 'text' },
];

const LINK_ONLY: Record<string, string> = {
  visited_page: 'Visited page', entry_page: 'Entry page', exit_page: 'Exit page', referrer_host: 'Referrer',
};

/** Splits `field:operator:value` (the value may hold colons). */
export function splitFilter(filter: string): { field: string; operator: string; value: string } | null {
  const first = filter.indexOf(':');
  const second = first < 0 ? -1 : filter.indexOf(':', first + 1);
  if (first < 1 || second < 0) return null;
  return { field: filter.slice(0, first), operator: filter.slice(first + 1, second), value: filter.slice(second + 1) };
}

/** A filter as words, for its chip: "Device is exactly mobile". */
export function describeFilter(filter: string): string {
  const parts = splitFilter(filter);
  if (!parts) return filter;
  const { field, operator, value } = parts;
  const def = FIELDS.find((f) => f.field === field);
  const label = def?.label ?? LINK_ONLY[field] ?? field;
  switch (field) {
    case 'visitor': return `${value === 'new' ? 'New' : 'Returning'} visitors`;
    case 'insight': return `${INSIGHTS.find((i) => i.value === operator)?.label ?? operator} ${value === 'yes' ? 'present' : 'absent'}`;
    case 'event': return `${operator === 'done' ? 'Did' : 'Did not do'} “${value}”`;
    case 'tag': return `Tag ${operator} = ${value}`;
    case 'user': return `User ${value}`;
    case 'channel': return `Channel is ${CHANNELS.find((c) => c.value === value.toLowerCase())?.label ?? value}`;
  }
  if (def?.kind === 'range') {
    const [min, max] = value.split('..');
    const unit = def.unit ?? '';
    if (min && max) return `${label} ${min}–${max}${unit}`;
    if (min) return `${label} ≥ ${min}${unit}`;
    return `${label} ≤ ${max}${unit}`;
  }
  const op = TEXT_OPERATORS.find((o) => o.value === operator)?.label ?? operator;
  return `${label} ${op} ${value === '' ? '(none)' : value}`;
}

/** Builds a filter from the add-filter form; null when it is incomplete. */
export function buildFilter(field: string, operator: string, value: string, value2 = ''): string | null {
  const def = FIELDS.find((f) => f.field === field);
  if (!def) return null;
  switch (def.kind) {
    case 'range': {
      const min = value.trim();
      const max = value2.trim();
      if ((!min && !max) || (min && !/^\d+$/.test(min)) || (max && !/^\d+$/.test(max))) return null;
      return `${field}:between:${min}..${max}`;
    }
    case 'insight': return value ? `insight:${value}:${operator === 'no' ? 'no' : 'yes'}` : null;
    case 'event': return value.trim() ? `event:${operator === 'not_done' ? 'not_done' : 'done'}:${value.trim()}` : null;
    case 'tag': return value.trim() && !value.includes(':') ? `tag:${value.trim()}:${value2}` : null;
    case 'choice':
      if (field === 'visitor') return value ? `visitor:is:${value}` : null;
      if (field === 'user') return value.trim() ? `user:equals:${value.trim()}` : null;
      return value ? `${field}:equals:${value}` : null;
    default:
      return value !== '' ? `${field}:${operator || 'contains'}:${value}` : null;
  }
}

/** Query parameters of a list of filters. */
export function appendFilters(params: URLSearchParams, filters: string[]): URLSearchParams {
  for (const f of filters) params.append('f', f);
  return params;
}

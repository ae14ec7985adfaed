// What a replay may not contain: recorded pages are hostile content. These rules are applied twice,
// to the recorded events before the Replayer sees them and to every node the Replayer builds.
// The sandboxed iframe (no allow-scripts) is the real barrier; this is defence in depth.

const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping',
  'codebase', 'cite', 'longdesc', 'manifest', 'lowsrc', 'dynsrc', 'to', 'from', 'values', 'by',
]);

/** Elements whose URL loads a document (scriptable) rather than an image or a stylesheet. */
const DOCUMENT_LOADERS = new Set(['iframe', 'frame', 'object', 'embed', 'portal', 'fencedframe']);

const FORM_ELEMENTS = new Set(['form', 'button', 'input']);

/** Browsers ignore ASCII whitespace and control characters inside a URL's scheme. */
function normalizeUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

export function isScriptUrl(value: string, tagName = ''): boolean {
  const url = normalizeUrl(value);
  if (url.startsWith('javascript:') || url.startsWith('vbscript:') || url.startsWith('livescript:')) return true;
  if (url.startsWith('data:text/html') || url.startsWith('data:application/xhtml') || url.startsWith('data:text/xml') || url.startsWith('data:application/xml')) return true;
  if (DOCUMENT_LOADERS.has(tagName) && url.startsWith('data:')) return true;
  // SVG animation values are ";"-separated lists: any member counts.
  return url.includes(';javascript:');
}

/** True when an attribute must not reach the replay document. Names and tags are compared lower-case. */
export function isForbiddenAttribute(tag: string, name: string, value: unknown): boolean {
  const tagName = tag.toLowerCase();
  const attr = name.toLowerCase();
  if (attr.startsWith('on') || attr.startsWith('_on')) return true; // event handlers (rrweb renames some to _on…)
  if (attr === 'srcdoc') return true;
  if (tagName === 'base') return attr === 'href' || attr === 'target';
  if (tagName === 'meta' && attr === 'http-equiv') {
    const equiv = String(value ?? '').trim().toLowerCase();
    return equiv === 'refresh' || equiv === 'set-cookie' || equiv === 'content-security-policy';
  }
  if (FORM_ELEMENTS.has(tagName) && (attr === 'action' || attr === 'formaction' || attr === 'target' || attr === 'formtarget')) return true;
  if (attr === 'formaction' || attr === 'formtarget') return true;
  if (URL_ATTRIBUTES.has(attr) && typeof value === 'string' && isScriptUrl(value, tagName)) return true;
  if (attr.endsWith(':href') && typeof value === 'string' && isScriptUrl(value, tagName)) return true;
  return false;
}

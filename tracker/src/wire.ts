/**
 * The wire format (contract/.../wire/wire-format.json) as the tracker writes it.
 * Each analytics event is [kind, t, ...fields] in schema order. KINDS gives one character per field
 * after t: '0' for an int, or a letter for a string's maximum length: a=32 b=64 c=128 d=256 e=512
 * f=1024 g=2048. Test: test/wire.test.js.
 */
export const KINDS: Record<string, string> = {
  page: 'geg00000ab00',
  click: '00e00ab000',
  scroll: '0000',
  move: '00e00',
  resize: '000',
  visibility: '0',
  error: 'fg000',
  event: 'c',
  tag: 'bd',
  identify: 'c',
  consent: '0',
  field: '0eea',
  submit: 'e',
  request: '',
}

/** Maximum length of a string field by its letter in KINDS (0 for an int). */
export const maxLength = (c: string) => (c > '0' ? 16 << (c.charCodeAt(0) - 96) : 0)

/** Any value to a 32-bit-safe integer (NaN, Infinity and garbage become 0). */
const int = (v: any) => ((v = Math.round(v)) > -2e9 && v < 2e9 ? v : 0)

/** Encodes one analytics event: every field coerced to its schema type, strings cut to their maximum. */
export const enc = (kind: string, t: number, ...f: any[]): (string | number)[] =>
  [kind, int(t), ...Array.from(KINDS[kind], (c, i) => (c > '0' ? String(f[i] ?? '').slice(0, maxLength(c)) : int(f[i])))]

/**
 * One upload's JSON text: the envelope fields in schema order, then the already-serialised analytics
 * events (a) and rrweb events (r), then the stylesheet texts (css, by hash) when there are any.
 */
export const envelope = (key: string, vid: string, sid: string, pn: number, seq: number, ts: number,
  last: boolean, url: string, a: string[], r: string[], css?: Record<string, string>) =>
  JSON.stringify({ v: 1, key: key.slice(0, 64), vid, sid, pn, seq, ts, sent: Date.now(), last, url: url.slice(0, 2048) })
    .slice(0, -1) + ',"a":[' + a + '],"r":[' + r + ']' + (css && Object.keys(css)[0] ? ',"css":' + JSON.stringify(css) : '') + '}'

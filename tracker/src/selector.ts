/**
 * Stable selectors: a CSS selector for an element that `document.querySelector` resolves back to
 * it and that survives deploys. The element itself or its nearest ancestor is named by a
 * stable #id (no digits, at most 40 chars, unique), a unique [data-sl-id] / [data-testid], or a form
 * field's unique tag[name]; below that anchor (or html/body) comes a path of
 * tag.stableClass:nth-of-type(k) steps. Classes with digits, generated names (css-in-js hashes) and
 * state classes are left out. Test: test/selector.test.js.
 */
const GENERATED = /\d|^_|^(css|sc|jsx|svelte|astro|emotion|styled)-|^(?=[a-zA-Z]{5,8}$)[a-z]*[A-Z][a-z]*[A-Z]/
const STATE = /(^|[-_])(active|show|open|focus|hover|visible|hidden|fixed|selected|disabled|current|expanded|load|collaps|animat)/i
const FIELD = /^(input|select|textarea|button|form)$/
const ATTRS = ['data-sl-id', 'data-testid', 'name']

const esc = (s: string) => CSS.escape(s)
const unique = (d: Document, sel: string) => d.querySelectorAll(sel).length == 1

/** A selector naming el on its own in the whole document, or ''. */
function anchor(el: Element, d: Document): string {
  const id = el.id
  let s = '#' + esc(id)
  if (id && id.length <= 40 && !/\d/.test(id) && unique(d, s)) return s
  for (const a of ATTRS) {
    const v = el.getAttribute(a)
    if (v && (s = a == 'name' ? FIELD.test(el.localName) ? el.localName + '[name=' + esc(v) + ']' : '' : '[' + a + '=' + esc(v) + ']') && unique(d, s)) return s
  }
  return ''
}

/**
 * One path step: tag, up to two stable classes, and :nth-of-type(k) when siblings share the tag.
 * k is counted by walking the siblings, not by listing the parent's children: a row of a
 * 1,000-row table is named on every click and pointer move, and a list of 1,000 costs too much.
 */
function step(el: Element): string {
  const tag = el.localName
  let k = 1
  let shared = false
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName == tag) k++, shared = true
  for (let s = el.nextElementSibling; !shared && s; s = s.nextElementSibling) shared = s.localName == tag
  return esc(tag) +
    Array.from(el.classList).filter((c) => !GENERATED.test(c) && !STATE.test(c)).slice(0, 2).map((c) => '.' + esc(c)).join('') +
    (shared ? ':nth-of-type(' + k + ')' : '')
}

/** The stable selector of el ('' when el is not in its document). */
export function selector(el: Element): string {
  const d = el.ownerDocument
  if (!d.contains(el)) return ''
  const parts: string[] = []
  for (let e: Element | null = el; e; e = e.parentElement) {
    const a = e == d.body || e == d.documentElement ? e.localName : anchor(e, d)
    parts.unshift(a || step(e))
    if (a) break
  }
  // deeper than 8 steps: the anchor, then the 7 steps above the element, if that still finds it
  if (parts.length > 8) {
    const short = parts[0] + ' ' + parts.slice(-7).join('>')
    if (d.querySelector(short) == el) return short
  }
  return parts.join('>')
}

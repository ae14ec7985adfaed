import type { MaskMode } from './config'
import { maskText } from './mask'
import { ev, listen } from './page'
import { selector } from './selector'
import { d, now, safe } from './util'

/**
 * Clicks and mouse moves, each anchored to its element: stable selector plus the position inside
 * the element's box in 1/10000ths (what heatmaps are drawn from).
 */
const REACTIVE = 'a,button,input,select,textarea,label,summary,[role=button],[role=link],[role=tab],[role=menuitem],[role=checkbox],[onclick],[contenteditable]'
const NOT_TEXT = /^(button|submit|reset|checkbox|radio|range|color|file|image|hidden)$/
const MOVE_EVERY = 100
const MOVE_QUIET = 500
const MOVE_MIN_PX = 20

/** 1/10000ths of size, clamped to the box. */
const rel = (offset: number, size: number) => Math.min(1e4, Math.max(0, (offset / size) * 1e4))

/** [selector, relX, relY, box] of a point (client coordinates) inside el; null if centre. */
const anchor = (el: Element, x: number | null, y: number) => {
  const b = el.getBoundingClientRect()
  return [selector(el), x == null ? 5e3 : rel(x - b.left, b.width), x == null ? 5e3 : rel(y - b.top, b.height), b] as const
}

const isTextField = (el: any) =>
  el.localName == 'textarea' || el.localName == 'select' || el.isContentEditable || (el.localName == 'input' && !NOT_TEXT.test(el.type))

export function capturePointer(mode: MaskMode) {
  const mask = maskText(mode)

  listen(d, 'click', (e: MouseEvent) => {
    const el = e.target as HTMLElement
    if (!el.getBoundingClientRect) return
    // keyboard (and script) clicks carry no position: place them at the element's centre
    const centre = !e.detail && !e.clientX && !e.clientY
    const [sel, rx, ry, b] = anchor(el, centre ? null : e.clientX, e.clientY)
    const field = isTextField(el)
    const text = field || el == d.body ? '' : mask((el.innerText || el.getAttribute('aria-label') || el.title || '').replace(/\s+/g, ' ').trim(), el).slice(0, 25)
    ev('click',
      centre ? b.left + b.width / 2 + scrollX : e.pageX, centre ? b.top + b.height / 2 + scrollY : e.pageY,
      sel, rx, ry, el.localName, text,
      (el.closest(REACTIVE) ? 1 : 0) | (centre && e.isTrusted ? 2 : 0) | (e.isTrusted ? 0 : 4) |
      (el.closest('a[href]') ? 8 : 0) | (field ? 16 : 0) | (String(getSelection() || '') ? 32 : 0),
      b.width, b.height)
  })

  // moves: at most every 100 ms and 20 px apart, plus where the pointer came to rest
  let pending: [Element, number, number, number, number] | 0 = 0
  let last = 0, lx = 0, ly = 0, quiet: any
  const out = safe(() => {
    if (!pending) return
    const [el, cx, cy, px, py] = pending
    const [sel, rx, ry] = anchor(el, cx, cy)
    pending = 0
    last = now()
    lx = px
    ly = py
    ev('move', px, py, sel, rx, ry)
  })
  listen(d, 'pointermove', (e: PointerEvent) => {
    if (e.pointerType != 'mouse' || !(e.target as Element).getBoundingClientRect) return
    pending = [e.target as Element, e.clientX, e.clientY, e.pageX, e.pageY]
    clearTimeout(quiet)
    quiet = setTimeout(out, MOVE_QUIET)
    if (now() - last >= MOVE_EVERY && Math.abs(e.pageX - lx) + Math.abs(e.pageY - ly) >= MOVE_MIN_PX) out()
  })
}

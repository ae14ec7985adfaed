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
const TEXT_FIELD = /^(textarea|select)$/
const NOT_TEXT = /^(button|submit|reset|checkbox|radio|range|color|file|image|hidden)$/
const enum Move { EVERY = 100, QUIET = 500, MIN_PX = 20 }

/** 1/10000ths of size, clamped to the box. */
const rel = (offset: number, size: number) => Math.min(1e4, Math.max(0, (offset / size) * 1e4))

/** [x, y, selector, relX, relY] of a point in page coordinates over el (b: el's box, when known). */
const at = (el: Element, x: number, y: number, b = el.getBoundingClientRect()) =>
  [x, y, selector(el), rel(x - scrollX - b.left, b.width), rel(y - scrollY - b.top, b.height)]

export function capturePointer(mode: MaskMode) {
  const mask = maskText(mode)

  listen(d, 'click', (e: MouseEvent) => {
    const el = e.target as HTMLElement
    const b = el.getBoundingClientRect()
    // keyboard clicks (and scripted ones) have no position: they count at the element's centre
    const centre = !e.detail && !e.clientX && !e.clientY
    const field = TEXT_FIELD.test(el.localName) || el.isContentEditable || (el.localName == 'input' && !NOT_TEXT.test((el as HTMLInputElement).type))
    ev('click',
      ...at(el, centre ? b.left + b.width / 2 + scrollX : e.pageX, centre ? b.top + b.height / 2 + scrollY : e.pageY, b),
      el.localName,
      // never a field's content; elsewhere the visible text, masked like the recording's
      field || el == d.body ? '' : mask((el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim(), el).slice(0, 25),
      (el.closest(REACTIVE) ? 1 : 0) | (centre && e.isTrusted ? 2 : 0) | (e.isTrusted ? 0 : 4) |
        (el.closest('a[href]') ? 8 : 0) | (field ? 16 : 0) | (String(getSelection() || '') ? 32 : 0),
      b.width, b.height)
  })

  // moves: at most every 100 ms and 20 px apart, plus where the pointer came to rest. One timer
  // looks for the rest, re-armed only when it fires early: pointermove comes dozens of times a
  // second, and a clearTimeout/setTimeout pair on each cost more than the rest of the handler.
  let pending: [Element, number, number] | 0 = 0
  let last = 0, lx = 0, ly = 0, moved = 0, resting = 0
  const out = () => {
    if (pending) {
      ev('move', ...at(...pending))
      ;[, lx, ly] = pending
      pending = 0
      last = now()
    }
  }
  const rest = safe(() => {
    const quiet = now() - moved
    resting = quiet < Move.QUIET ? setTimeout(rest, Move.QUIET - quiet) : 0
    resting || out()
  })
  listen(d, 'pointermove', (e: PointerEvent) => {
    if (e.pointerType != 'mouse') return
    pending = [e.target as Element, e.pageX, e.pageY]
    moved = now()
    resting ||= setTimeout(rest, Move.QUIET)
    if (moved - last >= Move.EVERY && Math.abs(e.pageX - lx) + Math.abs(e.pageY - ly) >= Move.MIN_PX) out()
  })
}

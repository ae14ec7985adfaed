import { ev, listen } from './page'
import { selector } from './selector'
import { d, safe } from './util'

/**
 * Form fields: focus (0), input (1, reported once typing pauses for 750 ms, or at blur/change),
 * blur (2), change (3), and form submits. Never a value: only which field, its form and its type.
 */
const FIELD = /^(input|textarea|select)$/
const enum Wait { TYPING = 750 }

const fieldEv = (action: number, el: any) =>
  ev('field', action, selector(el), el.form ? selector(el.form) : '', el.localName == 'input' ? el.type : el.localName)

export function captureFields() {
  const typing = new Map<Element, any>()
  const typed = (el: Element) => {
    if (typing.has(el)) clearTimeout(typing.get(el)), typing.delete(el), fieldEv(1, el)
  }
  ;['focus', 'input', 'blur', 'change'].forEach((type, action) => listen(d, type, (e: Event) => {
    const el = e.target as Element
    if (!FIELD.test(el.localName)) return
    if (action == 1) {
      clearTimeout(typing.get(el))
      typing.set(el, setTimeout(safe(() => typed(el)), Wait.TYPING))
    } else {
      typed(el)
      fieldEv(action, el)
    }
  }))
  listen(d, 'submit', (e: Event) => ev('submit', selector(e.target as Element)))
}

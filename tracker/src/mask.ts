import type { MaskMode } from './config'

/**
 * What leaves the page. Inputs: always masked ('*' per char) unless the field or an ancestor has
 * [data-sl-unmask] (the nearest of data-sl-mask/data-sl-unmask wins) and the field is not sensitive;
 * sensitive fields (passwords, card numbers, CVC, SSN, secrets, one-time codes) never leave in any
 * mode, not even their length. Text, by mode: relaxed keeps it, balanced masks words with a digit or
 * '@', strict masks all; data-sl-mask / data-sl-unmask (and the project's own mask / unmask
 * selectors) override the mode; text typed into contenteditable regions and textareas, and the
 * options of a select, follow the input rule.
 */
const SENSITIVE = /pass|secret|ssn|cc-|card.?(num|no)|cvc|cvv|csc|one-time|otp/i
let M = '[data-sl-mask]'
let U = '[data-sl-unmask]'
const TYPED = '[contenteditable],textarea,select'

/** Adds the project's mask and unmask selectors (checked by the server) to the attributes. */
export const extendMarks = (m?: string, u?: string) => {
  if (m) M += ',' + m
  if (u) U += ',' + u
}

const stars = (s: string) => s.replace(/\S/g, '*')

/** Whether the nearest mask / unmask mark around el (itself included) unmasks it. */
const unmasked = (el: Element) => !!el.closest(M + ',' + U)?.matches(U)

/** True for fields whose content must never be captured. */
export const sensitive = (el: any) =>
  el.type == 'password' || el.hasAttribute('data-rr-is-password') ||
  SENSITIVE.test([el.name, el.id, el.getAttribute('autocomplete')].join(' '))

/** rrweb maskInputFn: the value as '*'s of the same length unless unmasked; sensitive: never. */
export const maskInput = (text: string, el: HTMLElement) =>
  sensitive(el) ? (text && '********') : unmasked(el) ? text : '*'.repeat(text.length)

/** rrweb maskTextFn for a mode (also used for click texts and page titles). */
export const maskText = (mode: MaskMode) => (text: string, el: Element | null) =>
  el && (el.closest(M + ',' + U) || el.closest(TYPED))
    ? unmasked(el) ? text : stars(text)
    : mode == 'strict' ? stars(text)
    : mode == 'balanced' ? text.replace(/\S*[\d@]\S*/g, stars)
    : text

/** rrweb maskTextSelector for a mode: the elements whose text goes through maskText. */
export const maskSelector = (mode: MaskMode) => (mode == 'relaxed' ? M + ',' + U + ',' + TYPED : '*')

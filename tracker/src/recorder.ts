import { record } from '@rrweb/record'
import type { MaskMode } from './config'
import { maskInput, maskSelector, maskText } from './mask'

const IMAGES = ',img,picture,video,canvas,svg image'

/**
 * Starts rrweb's recorder with Sightline's privacy settings; returns its stop function.
 * Every input (hidden ones included) goes through maskInput: maskInputOptions keyed by tag name
 * covers more than maskAllInputs, whose list of input types leaves out type=hidden.
 */
export const startRecorder = (mode: MaskMode, emit: (e: unknown) => void) =>
  record({
    emit,
    maskInputOptions: { input: true, textarea: true, select: true } as any,
    maskInputFn: maskInput,
    maskTextSelector: maskSelector(mode),
    maskTextFn: maskText(mode),
    blockSelector: '[data-sl-block]' + (mode == 'strict' ? IMAGES : ''),
    sampling: { mousemove: 50, scroll: 150, media: 800, input: 'last' },
    slimDOMOptions: true,
    recordAfter: 'DOMContentLoaded',
    errorHandler: () => true,
  })

/** A new Meta + FullSnapshot pair, so that a new page view replays on its own. */
export const snapshot = () => record.takeFullSnapshot()

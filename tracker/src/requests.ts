import { ev } from './page'
import { w } from './util'

/**
 * A `request` event whenever the page calls fetch or XMLHttpRequest#send (Sightline's own uploads use
 * the original fetch and are not counted). The wrappers call the originals with the same this and
 * arguments and return what they return.
 */
export function captureRequests() {
  const f = w.fetch
  const x = XMLHttpRequest.prototype
  const send = x.send
  if (f) w.fetch = function (this: unknown) {
    ev('request')
    return f.apply(this, arguments)
  }
  x.send = function (this: XMLHttpRequest) {
    ev('request')
    return send.apply(this, arguments as any)
  }
}

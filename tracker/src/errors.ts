import { errorCounts, ev, listen } from './page'
import { w } from './util'

/** Script errors (kind 0) and unhandled promise rejections (kind 1), at most 5 per message per page. */
const report = (message: string, source: string, line: number, column: number, kind: number) => {
  const n = (errorCounts.get(message) || 0) + 1
  errorCounts.set(message, n)
  if (n <= 5) ev('error', message, source, line, column, kind)
}

export function captureErrors() {
  listen(w, 'error', (e: ErrorEvent) => {
    // resource load errors also reach a capturing window listener: only script errors count
    if (e instanceof ErrorEvent) report(String(e.message), e.filename, e.lineno, e.colno, 0)
  })
  listen(w, 'unhandledrejection', (e: PromiseRejectionEvent) => report(String(e.reason?.message ?? e.reason), '', 0, 0, 1))
}

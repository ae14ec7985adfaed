// Rebuilds a page snapshot for a heatmap: rrweb's Replayer builds the recorded document inside its
// iframe, sandboxed with allow-same-origin only (never allow-scripts), after the player's sanitiser
// has cleaned the events. The frame is then stretched to the document's full height at the recorded
// viewport width, so every element has its box in document pixels and nothing scrolls.
import { Replayer } from 'rrweb';
import { EventSanitizer, isRecordedEvent } from '../player/sanitize-events';
import { sanitizePlugin } from '../player/sanitize-plugin';
import type { Box } from './anchoring';

export interface SnapshotFrame {
  iframe: HTMLIFrameElement;
  doc: Document;
  width: number;
  height: number;
  /** The element's box in document pixels, or null when the selector finds nothing (or is not valid CSS). */
  boxOf(selector: string): Box | null;
  element(selector: string): Element | null;
  /** The innermost element at a document point. */
  elementAt(x: number, y: number): Element | null;
  destroy(): void;
}

/** Longest wait for the snapshot's images before measuring: they change the layout when they load. */
const IMAGE_WAIT_MS = 2_500;
const MAX_HEIGHT = 30_000;

export async function mountSnapshot(root: HTMLElement, raw: unknown[]): Promise<SnapshotFrame> {
  const sanitizer = new EventSanitizer();
  const events = raw.filter(isRecordedEvent).map((e) => sanitizer.sanitize(e));
  if (!events.some((e) => e.type === 2)) throw new Error('The snapshot holds no page.');
  const replayer = new Replayer(events as any[], {
    root,
    showWarning: false,
    showDebug: false,
    triggerFocus: false,
    pauseAnimation: true,
    UNSAFE_replayCanvas: false,
    mouseTail: false,
    skipInactive: false,
    plugins: [sanitizePlugin],
  });
  let built = false;
  const rebuilt = new Promise<void>((resolve) => replayer.on('fullsnapshot-rebuilded', () => {
    built = true;
    resolve();
  }));
  // The Replayer builds its first full snapshot on a timer; pausing at the end applies every event.
  await new Promise<void>((resolve) => setTimeout(resolve, 5));
  const span = events[events.length - 1]!.timestamp - events[0]!.timestamp;
  replayer.pause(span + 1);
  if (!built) await Promise.race([rebuilt, new Promise<void>((resolve) => setTimeout(resolve, 5_000))]);
  const iframe = replayer.iframe;
  const doc = iframe.contentDocument;
  if (!doc?.documentElement) {
    replayer.destroy();
    throw new Error('The snapshot could not be rebuilt.');
  }
  await imagesSettled(doc);
  const width = Number(iframe.getAttribute('width')) || doc.documentElement.clientWidth;
  const height = stretch(iframe, doc);

  const frame: SnapshotFrame = {
    iframe,
    doc,
    width,
    height,
    element(selector) {
      try {
        return doc.querySelector(selector);
      } catch {
        return null;
      }
    },
    boxOf(selector) {
      const el = frame.element(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const scrollX = doc.scrollingElement?.scrollLeft ?? 0;
      const scrollY = doc.scrollingElement?.scrollTop ?? 0;
      return { left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height };
    },
    elementAt(x, y) {
      return doc.elementFromPoint(x, y);
    },
    destroy() {
      try {
        replayer.destroy();
      } catch {
        // already torn down
      }
    },
  };
  return frame;
}

function imagesSettled(doc: Document): Promise<void> {
  const pending = Array.from(doc.images).filter((img) => !img.complete);
  if (pending.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let left = pending.length;
    const done = () => {
      left -= 1;
      if (left <= 0) resolve();
    };
    for (const img of pending) {
      img.addEventListener('load', done, { once: true });
      img.addEventListener('error', done, { once: true });
    }
    setTimeout(resolve, IMAGE_WAIT_MS);
  });
}

/**
 * Makes the frame as tall as its document. Elements sized by the viewport (100vh heroes) would grow
 * with the frame: those that grow keep the height they had at the recorded viewport.
 */
function stretch(iframe: HTMLIFrameElement, doc: Document): number {
  const elements = Array.from(doc.body?.querySelectorAll('*') ?? []) as HTMLElement[];
  const before = elements.map((el) => el.getBoundingClientRect().height);
  const height = () => Math.min(MAX_HEIGHT, Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0, 1));
  const first = height();
  iframe.setAttribute('height', String(first));
  const grown = elements.map((el, i) => el.getBoundingClientRect().height > before[i]! + 1);
  if (!grown.includes(true)) return first;
  elements.forEach((el, i) => {
    if (!grown[i]) return;
    el.style.setProperty('height', `${before[i]}px`, 'important');
    el.style.setProperty('min-height', '0', 'important');
  });
  const settled = height();
  iframe.setAttribute('height', String(settled));
  return settled;
}

// Puts back the stylesheet texts that the tracker sent once per session (tracker/src/stylesheets.ts):
// after a text's first full snapshot in a session, later ones carry MARK + key instead of the text.
// Chunks arrive in play order, so a text is always seen before the references to it.
import type { RecordedEvent } from './sanitize-events';

const MARK = '\0sl-css:';
const FULL_SNAPSHOT = 2;
const LONG = 999;

/** The tracker's key of a stylesheet text: a 32-bit hash and the length, base 36, and ';'. */
export function cssKey(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36) + '.' + text.length.toString(36) + ';';
}

interface SnapshotNode {
  isStyle?: boolean;
  textContent?: unknown;
  attributes?: Record<string, unknown>;
  childNodes?: SnapshotNode[];
}

export class StylesheetTexts {
  private readonly texts = new Map<string, string>();

  /** Learns the texts of a full snapshot and fills in its references (in place); other events pass as they are. */
  resolve(event: RecordedEvent): RecordedEvent {
    if (event.type !== FULL_SNAPSHOT || !event.data?.node) return event;
    const stack: SnapshotNode[] = [event.data.node];
    while (stack.length) {
      const node = stack.pop()!;
      if (!node || typeof node !== 'object') continue;
      if (node.attributes && typeof node.attributes === 'object') this.fill(node.attributes, '_cssText');
      if (node.isStyle) this.fill(node as Record<string, unknown>, 'textContent');
      if (Array.isArray(node.childNodes)) for (const child of node.childNodes) stack.push(child);
    }
    return event;
  }

  private fill(holder: Record<string, unknown>, key: string): void {
    const value = holder[key];
    if (typeof value !== 'string') return;
    if (value.startsWith(MARK)) holder[key] = this.texts.get(value.slice(MARK.length)) ?? '';
    else if (value.length > LONG) this.texts.set(cssKey(value), value);
  }
}

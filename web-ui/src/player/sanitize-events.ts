// Cleans recorded rrweb events before replay: forbidden attributes are removed from full snapshots,
// from added nodes and from attribute changes. Events are modified in place.
import { isForbiddenAttribute } from './sanitize-rules';

// rrweb's numeric codes (see @rrweb/types): event types, incremental sources, node types.
const FULL_SNAPSHOT = 2;
const INCREMENTAL_SNAPSHOT = 3;
const MUTATION = 0;
const ELEMENT_NODE = 2;

interface SerializedNode {
  type: number;
  id?: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}

interface AttributeMutation {
  id: number;
  attributes: Record<string, unknown>;
}

export interface RecordedEvent {
  type: number;
  timestamp: number;
  data?: any;
  [key: string]: unknown;
}

export class EventSanitizer {
  /** Tag names by node id, so that an attribute change can be judged by its element's kind. */
  private readonly tags = new Map<number, string>();

  sanitize(event: RecordedEvent): RecordedEvent {
    if (event.type === FULL_SNAPSHOT && event.data?.node) {
      this.tags.clear();
      this.walk(event.data.node as SerializedNode);
    } else if (event.type === INCREMENTAL_SNAPSHOT && event.data?.source === MUTATION) {
      for (const add of (event.data.adds ?? []) as { node?: SerializedNode }[]) if (add?.node) this.walk(add.node);
      for (const change of (event.data.attributes ?? []) as AttributeMutation[]) {
        if (!change || typeof change.attributes !== 'object' || change.attributes === null) continue;
        this.clean(this.tags.get(change.id) ?? '', change.attributes);
      }
    }
    return event;
  }

  private walk(root: SerializedNode): void {
    const stack: SerializedNode[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (!node || typeof node !== 'object') continue;
      if (node.type === ELEMENT_NODE) {
        const tag = String(node.tagName ?? '').toLowerCase();
        if (typeof node.id === 'number') this.tags.set(node.id, tag);
        if (node.attributes && typeof node.attributes === 'object') this.clean(tag, node.attributes);
      }
      if (Array.isArray(node.childNodes)) for (const child of node.childNodes) stack.push(child);
    }
  }

  private clean(tag: string, attributes: Record<string, unknown>): void {
    for (const name of Object.keys(attributes)) {
      if (isForbiddenAttribute(tag, name, attributes[name])) delete attributes[name];
    }
  }
}

/** Keeps only values shaped like rrweb events. */
export function isRecordedEvent(value: unknown): value is RecordedEvent {
  return typeof value === 'object' && value !== null && typeof (value as RecordedEvent).type === 'number' && Number.isFinite((value as RecordedEvent).timestamp);
}

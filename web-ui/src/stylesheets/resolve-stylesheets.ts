// Recorded full snapshots name a page's large stylesheets by content hash (`_cssHash`, the SHA-256 of
// the text) instead of carrying the text in every page view. Before events reach rrweb's Replayer,
// each hash is swapped back for its text: fetched once per project and hash — side by side, and kept
// for the life of the dashboard (a hash names one text for ever). A text that cannot be fetched leaves
// its element unstyled; the replay itself goes on.

const FULL_SNAPSHOT = 2;
const HASH = /^[0-9a-f]{64}$/;
const PROJECT_BASE = /^(.*?\/api\/projects\/[^/?#]+)\//;

const texts = new Map<string, Promise<string | null>>();

interface Reference {
  /** The node's attributes (a link's or style's `_cssText`) or an rrweb style text node (`textContent`). */
  owner: Record<string, unknown>;
  key: '_cssText' | 'textContent';
  hash: string;
}

function text(url: string): Promise<string | null> {
  let pending = texts.get(url);
  if (!pending) {
    pending = fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/css' } })
      .then((response) => (response.ok ? response.text() : null))
      .catch(() => {
        texts.delete(url); // a network failure is worth another try by the next replay
        return null;
      });
    texts.set(url, pending);
  }
  return pending;
}

function references(events: unknown[]): Reference[] {
  const found: Reference[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    const attributes = node.attributes;
    if (attributes && typeof attributes === 'object' && typeof attributes._cssHash === 'string') {
      found.push({ owner: attributes, key: '_cssText', hash: attributes._cssHash });
    }
    if (typeof node._cssHash === 'string') found.push({ owner: node, key: 'textContent', hash: node._cssHash });
    if (Array.isArray(node.childNodes)) node.childNodes.forEach(walk);
  };
  for (const event of events as any[]) {
    if (event && event.type === FULL_SNAPSHOT) walk(event.data?.node);
  }
  return found;
}

/**
 * Puts the stylesheet texts back into the full snapshots of `events` (in place; returns them), fetched
 * from the project that `sourceUrl` (where the events came from: a recording chunk, a heatmap
 * snapshot) belongs to.
 */
export async function resolveStylesheets(sourceUrl: string, events: unknown[]): Promise<unknown[]> {
  const refs = references(events);
  if (refs.length === 0) return events;
  const base = PROJECT_BASE.exec(sourceUrl)?.[1];
  await Promise.all(refs.map(async (ref) => {
    const css = base && HASH.test(ref.hash) ? await text(`${base}/stylesheets/${ref.hash}`) : null;
    delete ref.owner._cssHash;
    if (css !== null) ref.owner[ref.key] = css;
    else if (ref.key === 'textContent') ref.owner.textContent = '';
  }));
  return events;
}

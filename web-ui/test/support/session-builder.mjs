// Turns what the recorder shim reported (rrweb events and sightline(...) calls, each with the page's
// URL and title) into a session as the server would store it: pages with their events, the summary,
// the markers of docs/http-api.md, tags and the user-id hash.
import { createHash } from 'node:crypto';

const META = 4;
const FULL = 2;
const INCREMENTAL = 3;
const CUSTOM = 5;
const MOUSE_INTERACTION = 2;
const CLICK = 2;
const MUTATION = 0;
const ELEMENT = 2;

function describeNodes(nodes, root) {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    if (node.type === ELEMENT) {
      const attrs = node.attributes || {};
      let label = node.tagName;
      if (attrs.id) label += `#${attrs.id}`;
      else if (attrs.class) label += `.${String(attrs.class).trim().split(/\s+/)[0]}`;
      nodes.set(node.id, label);
    }
    for (const child of node.childNodes || []) stack.push(child);
  }
}

export function buildRecordedSession(sessionId, messages) {
  const byKey = new Map();
  const metaCount = new Map();
  const tags = {};
  let userId = null;
  for (const message of messages) {
    if (message.kind === 'api') {
      const { command, args } = message.payload;
      if (command === 'set') tags[args[0]] = args[1];
      if (command === 'identify') userId = args[0];
      continue;
    }
    const event = message.payload;
    if (event.type === META) metaCount.set(message.doc, (metaCount.get(message.doc) ?? 0) + 1);
    const key = `${message.doc}#${metaCount.get(message.doc) ?? 0}`;
    if (!byKey.has(key)) byKey.set(key, { url: message.href, title: message.title, events: [], nodes: new Map() });
    byKey.get(key).events.push(event);
  }
  const pages = [...byKey.values()]
    .filter((p) => p.events.some((e) => e.type === META))
    .map((p) => ({ ...p, events: p.events.sort((a, b) => a.timestamp - b.timestamp) }))
    .sort((a, b) => a.events[0].timestamp - b.events[0].timestamp);
  pages.forEach((page, i) => {
    page.pageNumber = i + 1;
    for (const event of page.events) {
      if (event.type === FULL) describeNodes(page.nodes, event.data.node);
      if (event.type === INCREMENTAL && event.data.source === MUTATION) for (const add of event.data.adds) describeNodes(page.nodes, add.node);
    }
  });

  const markers = [];
  let clicks = 0;
  let errors = 0;
  for (const page of pages) {
    markers.push({ kind: 'PAGE', pageNumber: page.pageNumber, at: page.events[0].timestamp, label: new URL(page.url).pathname + new URL(page.url).search });
    for (const event of page.events) {
      if (event.type === INCREMENTAL && event.data.source === MOUSE_INTERACTION && event.data.type === CLICK) {
        clicks++;
        markers.push({ kind: 'CLICK', pageNumber: page.pageNumber, at: event.timestamp, label: page.nodes.get(event.data.id) || 'element' });
      }
      if (event.type === CUSTOM && event.data.tag === 'sightline-error') {
        errors++;
        markers.push({ kind: 'ERROR', pageNumber: page.pageNumber, at: event.timestamp, label: event.data.payload.message });
      }
      if (event.type === CUSTOM && event.data.tag === 'sightline-event') {
        markers.push({ kind: 'EVENT', pageNumber: page.pageNumber, at: event.timestamp, label: event.data.payload.name });
      }
    }
  }
  markers.sort((a, b) => a.at - b.at);

  const all = pages.flatMap((p) => p.events);
  const startedAt = all[0].timestamp;
  const endedAt = all[all.length - 1].timestamp;
  let activeMs = 0;
  let previous = null;
  for (const event of all) {
    if (event.type !== INCREMENTAL || event.data.source < 1 || event.data.source > 5) continue;
    if (previous !== null) activeMs += Math.min(event.timestamp - previous, 2000);
    previous = event.timestamp;
  }

  const storedPages = pages.map((p, i) => {
    const meta = p.events.find((e) => e.type === META);
    const last = p.events[p.events.length - 1].timestamp;
    const next = pages[i + 1]?.events[0].timestamp;
    return {
      pageNumber: p.pageNumber,
      url: p.url,
      pageKey: new URL(p.url).pathname,
      title: p.title,
      referrer: i === 0 ? '' : pages[i - 1].url,
      startedAt: p.events[0].timestamp,
      lastSeenAt: next ?? last,
      durationMs: (next ?? last) - p.events[0].timestamp,
      activeMs: 0,
      maxScrollPermille: 0,
      viewportWidth: meta?.data.width ?? 0,
      viewportHeight: meta?.data.height ?? 0,
      documentHeight: 0,
      events: p.events,
    };
  });

  return {
    summary: {
      sessionId,
      visitorId: 'v-' + sessionId,
      startedAt,
      endedAt,
      durationMs: endedAt - startedAt,
      activeMs,
      pages: pages.length,
      clicks,
      errors,
      deviceClass: 'DESKTOP',
      browser: 'Chrome 156',
      os: 'Linux',
      country: 'DE',
      entryUrl: pages[0].url,
      exitUrl: pages[pages.length - 1].url,
      referrer: '',
      channel: 'DIRECT',
      newVisitor: true,
      bot: false,
      userHash: userId ? createHash('sha256').update(userId).digest('hex').slice(0, 32) : null,
    },
    pages: storedPages,
    markers,
    tags,
  };
}

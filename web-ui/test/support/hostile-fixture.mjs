// A session whose recording and metadata were written by an attacker: every classic way of getting
// script to run in the dashboard. A replay must show it as inert content.
export const PWN = 'parent.__pwned=1;top.__pwned=1';

let nextId = 1;
const id = () => nextId++;
const text = (textContent) => ({ type: 3, textContent, id: id() });
const el = (tagName, attributes = {}, childNodes = [], extra = {}) => ({ type: 2, tagName, attributes, childNodes, id: id(), ...extra });

export const HOSTILE_TITLE = `<img src=x onerror="${PWN}">Hostile page`;

export function buildHostileSession(startedAt) {
  nextId = 1;
  const doc = {
    type: 0,
    id: id(),
    childNodes: [
      { type: 1, name: 'html', publicId: '', systemId: '', id: id() },
      el('html', { lang: 'en' }, [
        el('head', {}, [
          el('meta', { 'http-equiv': 'refresh', content: `0;url=javascript:${PWN}` }),
          el('base', { href: `javascript:${PWN}//` }),
          el('title', {}, [text(HOSTILE_TITLE)]),
          el('script', {}, [text(PWN)]),
          el('style', {}, [text('body { font-family: sans-serif; } h1 { color: #b00; }')]),
        ]),
        el('body', { onload: PWN }, [
          el('h1', { id: 'hostile-heading' }, [text('Hostile page')]),
          el('img', { id: 'evil-img', src: 'x', onerror: PWN }),
          el('a', { id: 'evil-link', href: `javascript:${PWN}` }, [text('click me')]),
          el('a', { id: 'evil-link-2', href: ` \tjava\nscript:${PWN}` }, [text('obfuscated')]),
          el('iframe', { id: 'evil-srcdoc', srcdoc: `<script>${PWN.replace(/parent/g, 'parent.parent')}</script>` }),
          el('iframe', { id: 'evil-data', src: `data:text/html,<script>${PWN}</script>` }),
          el('form', { id: 'evil-form', action: `javascript:${PWN}` }, [
            el('input', { id: 'evil-input', autofocus: '', onfocus: PWN }),
            el('button', { id: 'evil-button', formaction: `javascript:${PWN}` }, [text('Submit')]),
          ]),
          el('details', { open: '', ontoggle: PWN }, [el('summary', {}, [text('Details')])]),
          el('svg', { id: 'evil-svg', width: '40', height: '40' }, [
            el('a', { 'xlink:href': `javascript:${PWN}` }, [el('rect', { width: '40', height: '40', fill: 'red' }, [], { isSVG: true })], { isSVG: true }),
            el('animate', { attributeName: 'href', values: `javascript:${PWN}` }, [], { isSVG: true }),
          ], { isSVG: true }),
          el('object', { id: 'evil-object', data: `data:text/html,<script>${PWN}</script>` }),
          el('div', { id: 'mutation-target' }, [text('A node whose attributes change later')]),
        ]),
      ]),
    ],
  };
  const mutationTarget = findId(doc, 'mutation-target');
  const body = findTag(doc, 'body');
  const t = startedAt;
  const events = [
    { type: 4, data: { href: 'https://hostile.example/', width: 1024, height: 700 }, timestamp: t },
    { type: 2, data: { node: doc, initialOffset: { top: 0, left: 0 } }, timestamp: t + 5 },
    {
      type: 3, timestamp: t + 400,
      data: {
        source: 0, texts: [], removes: [],
        attributes: [{ id: mutationTarget.id, attributes: { onclick: PWN, onmouseover: PWN, style: 'color: red' } }],
        adds: [{
          parentId: body.id, nextId: null,
          node: el('img', { id: 'added-img', src: 'y', onerror: PWN }),
        }, {
          parentId: body.id, nextId: null,
          node: el('a', { id: 'added-link', href: `javascript:${PWN}` }, [text('added link')]),
        }],
      },
    },
    { type: 3, timestamp: t + 900, data: { source: 1, positions: [{ x: 100, y: 100, id: mutationTarget.id, timeOffset: 0 }] } },
    { type: 3, timestamp: t + 1500, data: { source: 2, type: 2, id: findId(doc, 'evil-link').id, x: 30, y: 60 } },
  ];
  const label = `<img src=x onerror="${PWN}">`;
  return {
    summary: {
      sessionId: 'fixture-hostile', visitorId: 'v-hostile', startedAt: t, endedAt: t + 1500, durationMs: 1500, activeMs: 900,
      pages: 1, clicks: 1, errors: 1, deviceClass: 'DESKTOP', browser: label, os: label, country: '--',
      entryUrl: `javascript:${PWN}`, exitUrl: label, referrer: `javascript:${PWN}`, channel: 'REFERRAL',
      newVisitor: false, bot: false, userHash: label,
    },
    pages: [{
      pageNumber: 1, url: `javascript:${PWN}`, pageKey: label, title: HOSTILE_TITLE, referrer: label,
      startedAt: t, lastSeenAt: t + 1500, durationMs: 1500, activeMs: 900, maxScrollPermille: 0,
      viewportWidth: 1024, viewportHeight: 700, documentHeight: 700, events,
    }],
    markers: [
      { kind: 'PAGE', pageNumber: 1, at: t, label },
      { kind: 'CLICK', pageNumber: 1, at: t + 1500, label },
      { kind: 'ERROR', pageNumber: 1, at: t + 1000, label: `<script>${PWN}</script>` },
      { kind: 'EVENT', pageNumber: 1, at: t + 1200, label },
    ],
    tags: { [label]: label },
  };
}

function findId(node, wanted) {
  if (node.attributes?.id === wanted) return node;
  for (const child of node.childNodes ?? []) {
    const found = findId(child, wanted);
    if (found) return found;
  }
  return null;
}

function findTag(node, tag) {
  if (node.tagName === tag) return node;
  for (const child of node.childNodes ?? []) {
    const found = findTag(child, tag);
    if (found) return found;
  }
  return null;
}

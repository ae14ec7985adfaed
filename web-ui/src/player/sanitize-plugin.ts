// A Replayer plugin whose onBuild hook checks every node the Replayer puts into the replay document.
import type { ReplayPlugin } from 'rrweb';
import { isForbiddenAttribute } from './sanitize-rules';

/**
 * Removes forbidden attributes from an element. Duck-typed on purpose: the replay's nodes belong to
 * the iframe's realm, where `instanceof Element` of the dashboard's realm is false.
 */
export function sanitizeElement(node: unknown): void {
  const element = node as Element | null;
  if (!element || element.nodeType !== 1 || typeof element.getAttributeNames !== 'function') return;
  const tag = String(element.localName || element.nodeName).toLowerCase();
  for (const name of element.getAttributeNames()) {
    if (isForbiddenAttribute(tag, name, element.getAttribute(name))) element.removeAttribute(name);
  }
  if (tag === 'form') element.setAttribute('data-sl-inert', '');
}

export const sanitizePlugin: ReplayPlugin = {
  onBuild(node) {
    sanitizeElement(node);
  },
};

// A Replayer plugin whose onBuild hook checks every node the Replayer puts into the replay document.
import type { ReplayPlugin } from 'rrweb';
import { isForbiddenAttribute } from './sanitize-rules';

export function sanitizeElement(node: Node): void {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  const tag = element.localName.toLowerCase();
  for (const attr of Array.from(element.attributes)) {
    if (isForbiddenAttribute(tag, attr.name, attr.value)) element.removeAttribute(attr.name);
  }
  if (tag === 'form') element.setAttribute('data-sl-inert', '');
}

export const sanitizePlugin: ReplayPlugin = {
  onBuild(node: Node) {
    sanitizeElement(node);
  },
};

// The browser's own HTML parser behind word-paste.rules.ts's node view. DOMParser makes an
// inert document: nothing in the pasted HTML runs or loads.
import type { HtmlNode } from '../../publishing/word-paste.rules.ts';

function view(n: Node): HtmlNode {
  const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : null;
  return {
    nodeType: n.nodeType,
    tag: el ? el.tagName.toLowerCase() : '',
    attr: (name) => el?.getAttribute(name) ?? null,
    get children() {
      return Array.from(n.childNodes, view);
    },
    get text() {
      return n.textContent ?? '';
    },
  };
}

export function parseWithDom(html: string): HtmlNode {
  return view(new DOMParser().parseFromString(html, 'text/html').body);
}

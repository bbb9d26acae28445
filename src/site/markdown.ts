// Markdown fields arrive as mdast (parsed once in src/model). Here they become HTML for the site:
// mdast-util-to-hast drops raw HTML nodes (no allowDangerousHtml), hast-util-to-html escapes text, and
// link/image URLs are filtered so content can never inject script or load anything from outside.
import type { Root } from 'mdast';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';

const SAFE_LINK = /^(https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/i;
/** Images must come from the site itself: relative paths only. */
const SAFE_IMAGE = /^(?![a-z][a-z0-9+.-]*:)(?!\/\/)/i;

function clean(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const n of nodes) {
    if (n.type === 'raw') continue;
    if (n.type === 'element') {
      const el = n as Element;
      if (el.tagName === 'script' || el.tagName === 'style' || el.tagName === 'iframe') continue;
      for (const k of Object.keys(el.properties)) if (/^on/i.test(k)) delete el.properties[k];
      if (el.tagName === 'a' && typeof el.properties.href === 'string' && !SAFE_LINK.test(el.properties.href.trim())) {
        delete el.properties.href;
      }
      if (el.tagName === 'img') {
        const src = String(el.properties.src ?? '');
        if (!SAFE_IMAGE.test(src.trim())) {
          out.push({ type: 'text', value: String(el.properties.alt ?? '') });
          continue;
        }
      }
      el.children = clean(el.children as RootContent[]) as Element['children'];
    }
    out.push(n);
  }
  return out;
}

export function markdownToHtml(root: Root | undefined): string {
  if (!root) return '';
  const hast = toHast(root) as HastRoot;
  hast.children = clean(hast.children);
  return toHtml(hast);
}

// Markdown fields arrive as mdast (parsed once in src/model). Here they become HTML for the site:
// mdast-util-to-hast drops raw HTML nodes (no allowDangerousHtml), hast-util-to-html escapes text, and
// link/image URLs go through the one URL policy (src/urls.ts): a link it refuses keeps its text and loses its
// href, an image it refuses (anything but a relative path) becomes its alt text.
import type { Root } from 'mdast';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { safeHref } from '../urls.ts';

function clean(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const n of nodes) {
    if (n.type === 'raw') continue;
    if (n.type === 'element') {
      const el = n as Element;
      if (el.tagName === 'script' || el.tagName === 'style' || el.tagName === 'iframe') continue;
      for (const k of Object.keys(el.properties)) if (/^on/i.test(k)) delete el.properties[k];
      if (el.tagName === 'a' && 'href' in el.properties) {
        const href = safeHref(el.properties.href);
        if (href === undefined) delete el.properties.href;
        else el.properties.href = href;
      }
      if (el.tagName === 'img') {
        const src = safeHref(el.properties.src, 'image');
        if (src === undefined) {
          out.push({ type: 'text', value: String(el.properties.alt ?? '') });
          continue;
        }
        el.properties.src = src;
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

/**
 * Markdown (mdast) → blocks: paragraphs, headings, emphasis (strong = bold run, emphasis = italic run), inline code,
 * links (external URLs, or "#id" for internal anchors), bulleted and numbered lists (nested), block quotes (as
 * indented paragraphs), thematic breaks, hard line breaks, and GFM-style tables when the tree has them.
 * A link the URL policy (src/urls.ts) refuses keeps its text and loses its address; a relative one is resolved
 * against `baseUrl` (a PDF has no base of its own) or, without one, is text too. Images become their alt text.
 */
import type { Root, RootContent, PhrasingContent, List } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Block, TableRow } from './layout/types.ts';
import type { Run } from './text/paragraph.ts';
import type { Color } from './render/items.ts';
import { safeAbsoluteHref, safeHref } from '../urls.ts';

export interface MarkdownOptions {
  /** heading level offset: "# x" becomes level 1 + headingOffset */
  headingOffset?: number;
  /** prefix for heading anchor ids (ids are prefix + running number) */
  idPrefix?: string;
  /** digits for ordered list numbers */
  digits?: 'arabic' | 'thai';
  codeColor?: Color;
  /** absolute address relative links are resolved against (the web page the text is on) */
  baseUrl?: string;
}

/** The link of a run: "#id" (an anchor in this PDF), an allowed absolute address, or none. */
function linkOf(url: string, opts: MarkdownOptions): string | undefined {
  if (url.startsWith('#')) return url;
  const href = safeHref(url);
  if (href === undefined) return undefined;
  return safeAbsoluteHref(href) ?? (opts.baseUrl === undefined ? undefined : safeAbsoluteHref(URL.parse(href, opts.baseUrl)?.href));
}

function inline(nodes: PhrasingContent[], style: Partial<Run>, opts: MarkdownOptions): Run[] {
  const out: Run[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text': out.push({ ...style, text: n.value.replace(/\s*\n\s*/g, ' ') }); break;
      case 'strong': out.push(...inline(n.children, { ...style, bold: true }, opts)); break;
      case 'emphasis': out.push(...inline(n.children, { ...style, italic: true }, opts)); break;
      case 'delete': out.push(...inline(n.children, style, opts)); break;
      case 'inlineCode': out.push({ ...style, text: n.value, color: opts.codeColor ?? '#7a2e00' }); break;
      case 'break': out.push({ ...style, text: '\n' }); break;
      case 'link': {
        const link = linkOf(n.url, opts);
        out.push(...inline(n.children, link === undefined ? style : { ...style, link, underline: true }, opts));
        break;
      }
      case 'image': out.push({ ...style, text: n.alt ?? '' }); break;
      case 'html': out.push({ ...style, text: n.value.replace(/<[^>]*>/g, '') }); break;
      default: if ('children' in n) out.push(...inline((n as { children: PhrasingContent[] }).children, style, opts));
        else if ('value' in n) out.push({ ...style, text: String((n as { value: unknown }).value) });
    }
  }
  return out;
}

export function mdastToBlocks(root: Root | { children: RootContent[] }, opts: MarkdownOptions = {}): Block[] {
  let headingNo = 0;
  const conv = (nodes: RootContent[]): Block[] => {
    const out: Block[] = [];
    for (const n of nodes) {
      switch (n.type) {
        case 'paragraph': out.push({ type: 'paragraph', content: inline(n.children, {}, opts) }); break;
        case 'heading': {
          headingNo++;
          const level = Math.min(6, n.depth + (opts.headingOffset ?? 0)) as 1 | 2 | 3 | 4 | 5 | 6;
          out.push({ type: 'heading', level, content: inline(n.children, {}, opts), id: opts.idPrefix ? `${opts.idPrefix}${headingNo}` : undefined });
          break;
        }
        case 'list': out.push(listBlock(n)); break;
        case 'blockquote': {
          for (const b of conv(n.children)) out.push(b.type === 'paragraph' ? { ...b, indent: 0, color: '#333333' } : b);
          break;
        }
        case 'thematicBreak': out.push({ type: 'rule' }); break;
        case 'code': out.push({ type: 'paragraph', content: [{ text: n.value, color: opts.codeColor ?? '#7a2e00' }] }); break;
        case 'table': {
          const rows: TableRow[] = n.children.map((r) => ({ cells: r.children.map((c) => ({ content: inline(c.children, {}, opts) })) }));
          const cols = Math.max(...rows.map((r) => r.cells.length));
          out.push({ type: 'table', columns: Array(cols).fill(1), header: rows.slice(0, 1), rows: rows.slice(1) });
          break;
        }
        case 'html': break;
        default: break;
      }
    }
    return out;
  };
  const listBlock = (l: List): Block => ({
    type: 'list', ordered: !!l.ordered, start: l.start ?? 1, digits: opts.digits,
    items: l.children.map((item) => conv(item.children)),
  });
  return conv(root.children);
}

/** Parse Markdown text with remark and convert. */
export function markdownToBlocks(markdown: string, opts: MarkdownOptions = {}): Block[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  return mdastToBlocks(tree, opts);
}

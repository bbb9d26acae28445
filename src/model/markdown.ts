// Markdown held in YAML fields becomes mdast once, here; the site, the PDF and the images all read the tree.
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** The plain text of a tree: blocks separated by a blank line, list items and nested blocks by a newline. */
export function markdownToPlainText(root: Root): string {
  type N = { type: string; value?: string; children?: N[] };
  const BLOCKS = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'tableRow']);
  const text = (n: N): string => {
    if (typeof n.value === 'string') return n.value;
    const kids = n.children ?? [];
    const isBlockContainer = kids.some((c) => BLOCKS.has(c.type));
    return kids.map(text).join(isBlockContainer ? '\n' : '');
  };
  return (root.children as N[]).map(text).join('\n\n');
}

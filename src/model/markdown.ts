// Markdown held in YAML fields becomes mdast once, here; the site, the PDF and the images all read the tree.
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** The plain text of a tree (for search snippets, image captions, meta descriptions). */
export function markdownToPlainText(root: Root): string {
  const blocks: string[] = [];
  const walk = (n: { type: string; value?: string; children?: unknown[] }, acc: string[]): void => {
    if (typeof n.value === 'string') acc.push(n.value);
    n.children?.forEach((c) => walk(c as typeof n, acc));
  };
  for (const child of root.children) {
    const acc: string[] = [];
    walk(child as never, acc);
    blocks.push(acc.join(''));
  }
  return blocks.join('\n\n');
}

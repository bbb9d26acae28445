// Markdown held in YAML fields becomes mdast once, here; the site, the PDF and the images all read the tree.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse);
// A whole Markdown file (evidence) is a document in its own right, with tables (test results, lists of
// systems): GitHub's dialect, which the fields' short texts do not need (their PDF setting has no tables).
const documents = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/**
 * A Markdown file as a page's body: tables and the rest of GitHub's dialect, its headings one level down so the
 * page's own title stays its one h1 (# → h2, …, never past h6).
 */
export function parseMarkdownDocument(text: string): Root {
  const root = documents.runSync(documents.parse(text)) as Root;
  const lower = (n: { type: string; depth?: number; children?: unknown[] }): void => {
    if (n.type === 'heading') n.depth = Math.min(6, n.depth! + 1);
    (n.children as Array<typeof n> | undefined)?.forEach(lower);
  };
  lower(root);
  return root;
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

// Markdown fields with the body digit setting applied to their text (links and code untouched), so a
// rendered introduction follows the same setting as the numbers around it.
import type { Root, RootContent } from 'mdast';
import type { Formatter } from './format.ts';

type Node = Root | RootContent;

function mapText(n: Node, f: (s: string) => string): Node {
  if (n.type === 'text') return { ...n, value: f(n.value) };
  if ('children' in n) return { ...n, children: n.children.map((c) => mapText(c, f)) } as Node;
  return n;
}

export function markdownDigits(root: Root, fmt: Formatter): Root;
export function markdownDigits(root: Root | undefined, fmt: Formatter): Root | undefined;
export function markdownDigits(root: Root | undefined, fmt: Formatter): Root | undefined {
  if (!root || fmt.styles.body === 'arabic') return root;
  return mapText(root, fmt.text) as Root;
}

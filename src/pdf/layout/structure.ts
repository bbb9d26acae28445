/**
 * The structure elements of one layout. Each block allocates its nodes when it is laid out (so node order is
 * reading order) and its boxes tag the items they draw with them; a tagged-PDF writer builds the tree from both.
 */
import type { Item, ItemTag, StructNode, StructRole } from '../render/items.ts';

export class Structure {
  /** node 0 is the Document root */
  readonly nodes: StructNode[] = [{ id: 0, role: 'Document' }];

  add(role: StructRole, parent: number, extra?: Pick<StructNode, 'alt' | 'scope' | 'colSpan' | 'listNumbering'>): number {
    const id = this.nodes.length;
    const node: StructNode = { id, role, parent };
    if (extra?.alt !== undefined) node.alt = extra.alt;
    if (extra?.scope) node.scope = extra.scope;
    if (extra?.colSpan !== undefined && extra.colSpan > 1) node.colSpan = extra.colSpan;
    if (extra?.listNumbering) node.listNumbering = extra.listNumbering;
    this.nodes.push(node);
    return id;
  }
}

/** Where a block's structure goes: the layout's structure and the node its elements are children of. */
export interface Scope {
  struct: Structure;
  parent: number;
}

export const artifact = (node: number): ItemTag => ({ role: 'Artifact', node });

/** a structure element's tag */
export function tagOf(struct: Structure, node: number): ItemTag {
  const n = struct.nodes[node]!;
  return n.alt !== undefined ? { role: n.role, node, alt: n.alt } : { role: n.role, node };
}

/** Items drawn again as page furniture (a table header repeated on a continued page) become artifacts. */
export function asArtifacts(items: Item[], node: number): Item[] {
  return items.map((it) => ({ ...it, tag: artifact(node) }));
}

/** Boxes: the unit the page flow stacks. A paragraph becomes one box per line, a table one splittable box. */
import type { Item, OutlineEntry } from '../render/items.ts';
import type { Scope } from './structure.ts';
import type { Block, Theme } from './types.ts';

export interface DrawCtx {
  items: Item[];
  anchor(id: string, x: number, y: number): void;
  /** an outline entry, in drawing order (a box inside a table cell hands over its own) */
  outline(entry: OutlineEntry): void;
}

export interface Box {
  height: number;
  spaceBefore: number;
  spaceAfter: number;
  keepWithNext?: boolean;
  /** forces a page break before this box */
  pageBreak?: boolean;
  /** draw with the box's top-left at (x, y) */
  draw(ctx: DrawCtx, x: number, y: number): void;
  /** split so the first part fits in `avail`; null: move the whole box to the next page */
  split?(avail: number, atTop: boolean): [Box, Box] | null;
  /** anchors to register at this box's top */
  anchors?: string[];
  outline?: OutlineEntry;
}

/** Lays out blocks as boxes; passed to the table layout for cells holding blocks (no import cycle). */
export type BlockLayouter = (blocks: Block[], width: number, theme: Theme, scope: Scope) => Box[];

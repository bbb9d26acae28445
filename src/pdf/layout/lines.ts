/**
 * Paragraph lines as boxes: runs → lines (text/paragraph.ts) → one box per line, whose items carry the paragraph's
 * structure tag (link runs get a Link element of their own). Shared by blocks, tables and contents entries.
 */
import type { Color, Item, ItemTag, TextItem } from '../render/items.ts';
import { layoutParagraph, type Line, type LineFragment, type ParagraphStyle, type Run } from '../text/paragraph.ts';
import type { Box, DrawCtx } from './box.ts';
import { tagOf, type Structure } from './structure.ts';
import type { Inline, Theme } from './types.ts';

export function toRuns(content: Inline, extra?: Partial<Run>): Run[] {
  const runs = typeof content === 'string' ? [{ text: content }] : content;
  return extra ? runs.map((r) => ({ ...extra, ...r })) : runs;
}

export function linkStyled(runs: Run[], theme: Theme): Run[] {
  return runs.map((r) => (r.link && r.color === undefined ? { ...r, color: theme.linkColor } : r));
}

export function paragraphStyle(theme: Theme, o: { size?: number; lineHeight?: number; align?: ParagraphStyle['align']; indent?: number; color?: Color }): ParagraphStyle {
  return {
    family: theme.family,
    size: o.size ?? theme.size,
    lineHeight: o.lineHeight ?? theme.lineHeight,
    align: o.align ?? theme.align,
    indent: o.indent ?? 0,
    color: o.color ?? theme.color,
  };
}

/** the smallest share of its size that shrink-to-fit text may be set at */
export const MIN_SHRINK = 0.6;

/**
 * Lay out a paragraph; with fit 'shrink' it is set on one line at the largest size ≤ its own that fits `width`
 * (widths scale linearly with size), but never below MIN_SHRINK of it — then it wraps at that size.
 */
export function fitParagraph(runs: Run[], style: ParagraphStyle, width: number, fit?: 'shrink'): Line[] {
  if (fit !== 'shrink') return layoutParagraph(runs, style, width);
  const natural = Math.max(0, ...layoutParagraph(runs, { ...style, align: 'left' }, Infinity).map((l) => l.width)) + style.indent;
  if (natural <= width) return layoutParagraph(runs, style, width);
  // a hair under the exact ratio so rounding never pushes the last word over
  const k = Math.max(MIN_SHRINK, (width / natural) * (1 - 1e-6));
  const scaled = runs.map((r) => (r.size === undefined ? r : { ...r, size: r.size * k }));
  return layoutParagraph(scaled, { ...style, size: style.size * k }, width);
}

/**
 * Tags for a paragraph's fragments: its own tag, or for each link run (consecutive fragments with the same link,
 * also across lines) a Link element inside the paragraph.
 */
export function fragmentTags(lines: Line[], tag: ItemTag, struct: Structure): Map<LineFragment, ItemTag> {
  const out = new Map<LineFragment, ItemTag>();
  let prev: { link: string; tag: ItemTag } | undefined;
  for (const f of lines.flatMap((l) => l.fragments)) {
    if (!f.link) { out.set(f, tag); prev = undefined; continue; }
    if (prev?.link !== f.link) prev = { link: f.link, tag: tagOf(struct, struct.add('Link', tag.node)) };
    out.set(f, prev.tag);
  }
  return out;
}

/** Draw laid-out lines as text items (and link rectangles). */
export function drawLine(ctx: DrawCtx, line: Line, x: number, y: number, tags: Map<LineFragment, ItemTag>): void {
  for (const f of line.fragments) {
    const tag = tags.get(f);
    const t: TextItem = {
      kind: 'text', x: x + f.x, y: y + line.baseline, shaped: f.shaped, size: f.size, color: f.color,
      underline: f.underline, gapExtra: f.gapExtra, gapAt: f.gapAt, tag,
    };
    ctx.items.push(t);
    if (f.link) {
      const item: Item = f.link.startsWith('#')
        ? { kind: 'link', x: x + f.x, y, w: f.width, h: line.height, anchor: f.link.slice(1), tag }
        : { kind: 'link', x: x + f.x, y, w: f.width, h: line.height, uri: f.link, tag };
      ctx.items.push(item);
    }
  }
}

export interface LineBoxOptions {
  spaceBefore: number;
  spaceAfter: number;
  keepAll?: boolean;
  id?: string;
  keepWithNext?: boolean;
  /** the structure element the lines belong to */
  tag: ItemTag;
  struct: Structure;
}

export function lineBoxes(lines: Line[], opts: LineBoxOptions): Box[] {
  const n = lines.length;
  const tags = fragmentTags(lines, opts.tag, opts.struct);
  return lines.map((line, i) => ({
    height: line.height,
    spaceBefore: i === 0 ? opts.spaceBefore : 0,
    spaceAfter: i === n - 1 ? opts.spaceAfter : 0,
    // keep headings whole and with what follows; avoid a lone first or last line of a paragraph
    keepWithNext: opts.keepAll || (i === n - 1 ? !!opts.keepWithNext : (i === 0 && n >= 2) || (i === n - 2 && n >= 3)),
    anchors: i === 0 && opts.id ? [opts.id] : undefined,
    draw: (ctx: DrawCtx, x: number, y: number) => drawLine(ctx, line, x, y, tags),
  }));
}

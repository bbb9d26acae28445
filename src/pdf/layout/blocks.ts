/** Converting blocks to boxes for a given column width. */
import { pickFont } from '../font/font.ts';
import type { Item, TextItem } from '../render/items.ts';
import { shape } from '../shape/shaper.ts';
import { layoutParagraph, type Line, type ParagraphStyle, type Run } from '../text/paragraph.ts';
import { toThaiDigits } from '../../thai/index.ts';
import type { Box, DrawCtx } from './box.ts';
import { tableBox } from './table.ts';
import type { Block, Canvas, CanvasTextStyle, Inline, Theme } from './types.ts';

export function toRuns(content: Inline, extra?: Partial<Run>): Run[] {
  const runs = typeof content === 'string' ? [{ text: content }] : content;
  return extra ? runs.map((r) => ({ ...extra, ...r })) : runs;
}

/** Draw laid-out lines as text items (and link rectangles). */
export function drawLine(ctx: DrawCtx, line: Line, x: number, y: number, linkColor?: unknown): void {
  void linkColor;
  for (const f of line.fragments) {
    const t: TextItem = {
      kind: 'text', x: x + f.x, y: y + line.baseline, shaped: f.shaped, size: f.size, color: f.color,
      underline: f.underline, gapExtra: f.gapExtra, gapMode: f.gapMode,
    };
    ctx.items.push(t);
    if (f.link) {
      const item: Item = f.link.startsWith('#')
        ? { kind: 'link', x: x + f.x, y, w: f.width, h: line.height, anchor: f.link.slice(1) }
        : { kind: 'link', x: x + f.x, y, w: f.width, h: line.height, uri: f.link };
      ctx.items.push(item);
    }
  }
}

export function lineBoxes(lines: Line[], opts: { spaceBefore: number; spaceAfter: number; keepAll?: boolean; id?: string; keepWithNext?: boolean }): Box[] {
  const n = lines.length;
  return lines.map((line, i) => ({
    height: line.height,
    spaceBefore: i === 0 ? opts.spaceBefore : 0,
    spaceAfter: i === n - 1 ? opts.spaceAfter : 0,
    // keep headings whole and with what follows; avoid a lone first or last line of a paragraph
    keepWithNext: opts.keepAll || (i === n - 1 ? !!opts.keepWithNext : (i === 0 && n >= 2) || (i === n - 2 && n >= 3)),
    anchors: i === 0 && opts.id ? [opts.id] : undefined,
    draw: (ctx: DrawCtx, x: number, y: number) => drawLine(ctx, line, x, y),
  }));
}

export function paragraphStyle(theme: Theme, o: { size?: number; lineHeight?: number; align?: ParagraphStyle['align']; indent?: number; color?: unknown }): ParagraphStyle {
  return {
    family: theme.family,
    size: o.size ?? theme.size,
    lineHeight: o.lineHeight ?? theme.lineHeight,
    align: o.align ?? theme.align,
    indent: o.indent ?? 0,
    color: (o.color as ParagraphStyle['color']) ?? theme.color,
  };
}

function linkStyled(runs: Run[], theme: Theme): Run[] {
  return runs.map((r) => (r.link && r.color === undefined ? { ...r, color: theme.linkColor } : r));
}

export function blocksToBoxes(blocks: Block[], width: number, theme: Theme): Box[] {
  const out: Box[] = [];
  for (const b of blocks) out.push(...blockToBoxes(b, width, theme));
  return out;
}

export function blockToBoxes(b: Block, width: number, theme: Theme): Box[] {
  switch (b.type) {
    case 'paragraph': {
      const style = paragraphStyle(theme, { ...b, indent: b.indent ?? theme.indent });
      const runs = linkStyled(toRuns(b.content, b.bold ? { bold: true } : undefined), theme);
      const lines = layoutParagraph(runs, style, width);
      return lineBoxes(lines, { spaceBefore: b.spaceBefore ?? 0, spaceAfter: b.spaceAfter ?? theme.paragraphSpacing, id: b.id, keepWithNext: b.keepWithNext });
    }
    case 'heading': {
      const size = b.size ?? theme.headingSizes[b.level - 1] ?? theme.size;
      const style = paragraphStyle(theme, { size, align: b.align ?? 'left', indent: 0, color: b.color ?? theme.headingColor, lineHeight: Math.max(1.4, theme.lineHeight - 0.1) });
      const runs = linkStyled(toRuns(b.content, { bold: true }), theme);
      const lines = layoutParagraph(runs, style, width);
      const boxes = lineBoxes(lines, { spaceBefore: b.spaceBefore ?? size * 0.6, spaceAfter: b.spaceAfter ?? size * 0.3, keepAll: true, id: b.id });
      const first = boxes[0];
      if (first && b.outline !== false && b.id) {
        first.outline = { title: b.outlineTitle ?? runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim(), anchor: b.id, level: b.level };
      }
      return boxes;
    }
    case 'list': return listBoxes(b, width, theme);
    case 'table': return [tableBox(b, width, theme)];
    case 'spacer': return [{ height: b.height, spaceBefore: 0, spaceAfter: 0, draw: () => {}, anchors: b.id ? [b.id] : undefined }];
    case 'pageBreak': return [{ height: 0, spaceBefore: 0, spaceAfter: 0, pageBreak: true, draw: () => {}, anchors: b.id ? [b.id] : undefined }];
    case 'rule': return [{
      height: b.width ?? 0.75, spaceBefore: b.spaceBefore ?? 4, spaceAfter: b.spaceAfter ?? 4, anchors: b.id ? [b.id] : undefined,
      draw: (ctx, x, y) => ctx.items.push({ kind: 'line', x1: x, y1: y, x2: x + width, y2: y, color: b.color ?? '#888888', width: b.width ?? 0.75 }),
    }];
    case 'image': {
      let w = b.width ?? b.image.width * 0.75;
      let h = b.height ?? (w * b.image.height) / b.image.width;
      if (b.width && !b.height) h = (w * b.image.height) / b.image.width;
      if (b.height && !b.width) w = (h * b.image.width) / b.image.height;
      if (w > width) { h *= width / w; w = width; }
      const dx = b.align === 'center' ? (width - w) / 2 : b.align === 'right' ? width - w : 0;
      return [{
        height: h, spaceBefore: b.spaceBefore ?? 0, spaceAfter: b.spaceAfter ?? theme.paragraphSpacing, keepWithNext: b.keepWithNext,
        anchors: b.id ? [b.id] : undefined,
        draw: (ctx, x, y) => ctx.items.push({ kind: 'image', image: b.image, x: x + dx, y, w, h }),
      }];
    }
    case 'canvas': {
      const w = Math.min(b.width ?? width, width);
      return [{
        height: b.height, spaceBefore: b.spaceBefore ?? 0, spaceAfter: b.spaceAfter ?? theme.paragraphSpacing, keepWithNext: b.keepWithNext,
        anchors: b.id ? [b.id] : undefined,
        draw: (ctx, x, y) => b.draw(makeCanvas(ctx.items, theme, x, y, w, b.height)),
      }];
    }
    case 'keepTogether': {
      const boxes = blocksToBoxes(b.blocks, width, theme);
      boxes.forEach((bx, i) => { if (i < boxes.length - 1) bx.keepWithNext = true; });
      if (boxes[0] && b.id) boxes[0].anchors = [...(boxes[0].anchors ?? []), b.id];
      const last = boxes[boxes.length - 1];
      if (last && b.keepWithNext) last.keepWithNext = true;
      return boxes;
    }
  }
}

function listBoxes(b: Extract<Block, { type: 'list' }>, width: number, theme: Theme): Box[] {
  const size = b.size ?? theme.size;
  const indent = b.indent ?? size * 1.8;
  const out: Box[] = [];
  const start = b.start ?? 1;
  b.items.forEach((item, i) => {
    const n = start + i;
    let marker = b.marker ? b.marker(n) : b.ordered ? `${n}.` : '•';
    if (b.digits === 'thai') marker = toThaiDigits(marker);
    const blocks: Block[] = typeof item === 'string' || (Array.isArray(item) && item.length > 0 && 'text' in (item[0] as object))
      ? [{ type: 'paragraph', content: item as Inline, size, indent: 0, spaceAfter: 0 }]
      : (item as Block[]);
    const boxes = blocksToBoxes(blocks, width - indent, { ...theme, indent: 0, size });
    const first = boxes[0];
    boxes.forEach((bx) => {
      const inner = bx.draw;
      bx.draw = (ctx, x, y) => inner(ctx, x + indent, y);
      const split = bx.split;
      if (split) bx.split = (avail, atTop) => {
        const r = split(avail, atTop);
        if (!r) return null;
        for (const part of r) { const d = part.draw; part.draw = (ctx, x, y) => d(ctx, x + indent, y); }
        return r;
      };
    });
    if (first) {
      const inner = first.draw;
      const shaped = shape(pickFont(theme.family), marker);
      const mw = (shaped.advance * size) / shaped.font.info.unitsPerEm;
      // baseline of the first line: same metrics as a paragraph line of this size
      const { ascender, descender, unitsPerEm } = shaped.font.info;
      const lh = size * theme.lineHeight;
      const baseline = (lh - ((ascender - descender) / unitsPerEm) * size) / 2 + (ascender / unitsPerEm) * size;
      first.draw = (ctx, x, y) => {
        ctx.items.push({ kind: 'text', x: x + indent - mw - size * 0.4, y: y + baseline, shaped, size, color: theme.color });
        inner(ctx, x, y);
      };
      first.spaceBefore = i === 0 ? (b.spaceBefore ?? 0) : (b.itemSpacing ?? size * 0.2);
    }
    out.push(...boxes);
  });
  const last = out[out.length - 1];
  if (last) { last.spaceAfter = b.spaceAfter ?? theme.paragraphSpacing; if (b.keepWithNext) last.keepWithNext = true; }
  if (out[0] && b.id) out[0].anchors = [...(out[0].anchors ?? []), b.id];
  return out;
}

export function makeCanvas(items: Item[], theme: Theme, ox: number, oy: number, width: number, height: number): Canvas {
  const textShape = (text: string, st?: CanvasTextStyle) => {
    const size = st?.size ?? theme.size;
    const shaped = shape(pickFont(theme.family, st?.bold), text);
    return { shaped, size, width: (shaped.advance * size) / shaped.font.info.unitsPerEm };
  };
  return {
    width, height,
    rect: (x, y, w, h, s) => { items.push({ kind: 'rect', x: ox + x, y: oy + y, w, h, ...s }); },
    line: (x1, y1, x2, y2, s) => { items.push({ kind: 'line', x1: ox + x1, y1: oy + y1, x2: ox + x2, y2: oy + y2, ...s }); },
    polygon: (pts, s) => { items.push({ kind: 'path', points: pts.map(([x, y]) => [ox + x, oy + y] as [number, number]), closed: s.closed ?? true, fill: s.fill, stroke: s.stroke, lineWidth: s.lineWidth }); },
    text: (x, y, text, st) => {
      const { shaped, size, width: w } = textShape(text, st);
      const dx = st?.align === 'center' ? -w / 2 : st?.align === 'right' ? -w : 0;
      const { ascender, unitsPerEm } = shaped.font.info;
      const dy = st?.baseline === 'top' ? (ascender / unitsPerEm) * size
        : st?.baseline === 'middle' ? (shaped.font.info.capHeight / 2 / unitsPerEm) * size : 0;
      items.push({ kind: 'text', x: ox + x + dx, y: oy + y + dy, shaped, size, color: st?.color ?? theme.color });
      return w;
    },
    measure: (text, st) => textShape(text, st).width,
    image: (image, x, y, w, h) => { items.push({ kind: 'image', image, x: ox + x, y: oy + y, w, h }); },
  };
}

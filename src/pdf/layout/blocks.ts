/** Converting blocks to boxes for a given column width; each block adds its structure elements to the scope. */
import { pickFont } from '../font/font.ts';
import type { Item, ItemTag } from '../render/items.ts';
import { shape } from '../shape/shaper.ts';
import { toThaiDigits } from '../../thai/index.ts';
import type { Box } from './box.ts';
import { fitParagraph, lineBoxes, linkStyled, paragraphStyle, toRuns } from './lines.ts';
import { artifact, tagOf, type Scope } from './structure.ts';
import { tableBox } from './table.ts';
import { tocEntryBox } from './toc.ts';
import type { Run } from '../text/paragraph.ts';
import type { Block, Canvas, CanvasTextStyle, Inline, Theme } from './types.ts';

/** An outline entry's title: the runs' text on one line. */
const plainText = (runs: Run[]) => runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();

export function blocksToBoxes(blocks: Block[], width: number, theme: Theme, scope: Scope): Box[] {
  const out: Box[] = [];
  let toc: Scope | undefined;
  for (const b of blocks) {
    if (b.type === 'tocEntry') {
      // consecutive entries are one TOC
      toc ??= { struct: scope.struct, parent: scope.struct.add('TOC', scope.parent) };
      out.push(tocEntryBox(b, width, theme, toc));
      continue;
    }
    toc = undefined;
    out.push(...blockToBoxes(b, width, theme, scope));
  }
  return out;
}

function blockToBoxes(b: Exclude<Block, { type: 'tocEntry' }>, width: number, theme: Theme, scope: Scope): Box[] {
  const { struct } = scope;
  switch (b.type) {
    case 'paragraph': {
      const style = paragraphStyle(theme, { ...b, indent: b.indent ?? theme.indent });
      const runs = linkStyled(toRuns(b.content, b.bold ? { bold: true } : undefined), theme);
      const lines = fitParagraph(runs, style, width, b.fit);
      const tag = tagOf(struct, struct.add('P', scope.parent));
      const boxes = lineBoxes(lines, { spaceBefore: b.spaceBefore ?? 0, spaceAfter: b.spaceAfter ?? theme.paragraphSpacing, id: b.id, keepWithNext: b.keepWithNext, tag, struct });
      if (boxes[0] && b.bookmark && b.id) boxes[0].outline = { title: b.bookmark.title ?? plainText(runs), anchor: b.id, level: b.bookmark.level };
      return boxes;
    }
    case 'heading': {
      const size = b.size ?? theme.headingSizes[b.level - 1] ?? theme.size;
      const style = paragraphStyle(theme, { size, align: b.align ?? 'left', indent: 0, color: b.color ?? theme.headingColor, lineHeight: Math.max(1.4, theme.lineHeight - 0.1) });
      const runs = linkStyled(toRuns(b.content, { bold: true }), theme);
      const lines = fitParagraph(runs, style, width);
      const tag = tagOf(struct, struct.add(`H${b.level}`, scope.parent));
      const boxes = lineBoxes(lines, { spaceBefore: b.spaceBefore ?? size * 0.6, spaceAfter: b.spaceAfter ?? size * 0.3, keepAll: true, id: b.id, tag, struct });
      const first = boxes[0];
      if (first && b.outline !== false && b.id) {
        first.outline = { title: b.outlineTitle ?? plainText(runs), anchor: b.id, level: b.level };
      }
      return boxes;
    }
    case 'list': return listBoxes(b, width, theme, scope);
    case 'table': return [tableBox(b, width, theme, scope, blocksToBoxes)];
    case 'spacer': return [{ height: b.height, spaceBefore: 0, spaceAfter: 0, draw: () => {}, anchors: b.id ? [b.id] : undefined }];
    case 'pageBreak': return [{ height: 0, spaceBefore: 0, spaceAfter: 0, pageBreak: true, draw: () => {}, anchors: b.id ? [b.id] : undefined }];
    case 'rule': return [{
      height: b.width ?? 0.75, spaceBefore: b.spaceBefore ?? 4, spaceAfter: b.spaceAfter ?? 4, anchors: b.id ? [b.id] : undefined,
      draw: (ctx, x, y) => ctx.items.push({ kind: 'line', x1: x, y1: y, x2: x + width, y2: y, color: b.color ?? '#888888', width: b.width ?? 0.75, tag: artifact(scope.parent) }),
    }];
    case 'image': {
      let w = b.width ?? b.image.width * 0.75;
      let h = b.height ?? (w * b.image.height) / b.image.width;
      if (b.width && !b.height) h = (w * b.image.height) / b.image.width;
      if (b.height && !b.width) w = (h * b.image.width) / b.image.height;
      if (w > width) { h *= width / w; w = width; }
      const dx = b.align === 'center' ? (width - w) / 2 : b.align === 'right' ? width - w : 0;
      const tag = tagOf(struct, struct.add('Figure', scope.parent, { alt: b.alt }));
      return [{
        height: h, spaceBefore: b.spaceBefore ?? 0, spaceAfter: b.spaceAfter ?? theme.paragraphSpacing, keepWithNext: b.keepWithNext,
        anchors: b.id ? [b.id] : undefined,
        draw: (ctx, x, y) => ctx.items.push({ kind: 'image', image: b.image, x: x + dx, y, w, h, tag }),
      }];
    }
    case 'canvas': {
      const w = Math.min(b.width ?? width, width);
      const tag = tagOf(struct, struct.add('Figure', scope.parent, { alt: b.alt }));
      return [{
        height: b.height, spaceBefore: b.spaceBefore ?? 0, spaceAfter: b.spaceAfter ?? theme.paragraphSpacing, keepWithNext: b.keepWithNext,
        anchors: b.id ? [b.id] : undefined,
        draw: (ctx, x, y) => b.draw(makeCanvas(ctx.items, theme, x, y, w, b.height, tag)),
      }];
    }
    case 'keepTogether': {
      const boxes = blocksToBoxes(b.blocks, width, theme, scope);
      boxes.forEach((bx, i) => { if (i < boxes.length - 1) bx.keepWithNext = true; });
      if (boxes[0] && b.id) boxes[0].anchors = [...(boxes[0].anchors ?? []), b.id];
      const last = boxes[boxes.length - 1];
      if (last && b.keepWithNext) last.keepWithNext = true;
      return boxes;
    }
  }
}

function listBoxes(b: Extract<Block, { type: 'list' }>, width: number, theme: Theme, scope: Scope): Box[] {
  const { struct } = scope;
  const size = b.size ?? theme.size;
  const indent = b.indent ?? size * 1.8;
  const out: Box[] = [];
  const start = b.start ?? 1;
  // an unordered list's marker function may print anything: then the numbering is none PDF can name
  const list = struct.add('L', scope.parent, { listNumbering: b.ordered ? 'Decimal' : b.marker ? 'None' : 'Disc' });
  b.items.forEach((item, i) => {
    const n = start + i;
    let marker = b.marker ? b.marker(n) : b.ordered ? `${n}.` : '•';
    if (b.digits === 'thai') marker = toThaiDigits(marker);
    const blocks: Block[] = typeof item === 'string' || (Array.isArray(item) && item.length > 0 && 'text' in (item[0] as object))
      ? [{ type: 'paragraph', content: item as Inline, size, indent: 0, spaceAfter: 0 }]
      : (item as Block[]);
    const li = struct.add('LI', list);
    const lbl = tagOf(struct, struct.add('Lbl', li));
    const boxes = blocksToBoxes(blocks, width - indent, { ...theme, indent: 0, size }, { struct, parent: struct.add('LBody', li) });
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
        ctx.items.push({ kind: 'text', x: x + indent - mw - size * 0.4, y: y + baseline, shaped, size, color: theme.color, tag: lbl });
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

/** A canvas drawing into `items` at (ox, oy); everything it draws is part of one figure (`tag`). */
function makeCanvas(items: Item[], theme: Theme, ox: number, oy: number, width: number, height: number, tag: ItemTag): Canvas {
  const textShape = (text: string, st?: CanvasTextStyle) => {
    const size = st?.size ?? theme.size;
    const shaped = shape(pickFont(theme.family, st?.bold), text);
    return { shaped, size, width: (shaped.advance * size) / shaped.font.info.unitsPerEm };
  };
  return {
    width, height,
    rect: (x, y, w, h, s) => { items.push({ kind: 'rect', x: ox + x, y: oy + y, w, h, ...s, tag }); },
    line: (x1, y1, x2, y2, s) => { items.push({ kind: 'line', x1: ox + x1, y1: oy + y1, x2: ox + x2, y2: oy + y2, ...s, tag }); },
    polygon: (pts, s) => { items.push({ kind: 'path', points: pts.map(([x, y]) => [ox + x, oy + y] as [number, number]), closed: s.closed ?? true, fill: s.fill, stroke: s.stroke, lineWidth: s.lineWidth, tag }); },
    text: (x, y, text, st) => {
      const { shaped, size, width: w } = textShape(text, st);
      const dx = st?.align === 'center' ? -w / 2 : st?.align === 'right' ? -w : 0;
      const { ascender, unitsPerEm } = shaped.font.info;
      const dy = st?.baseline === 'top' ? (ascender / unitsPerEm) * size
        : st?.baseline === 'middle' ? (shaped.font.info.capHeight / 2 / unitsPerEm) * size : 0;
      items.push({ kind: 'text', x: ox + x + dx, y: oy + y + dy, shaped, size, color: st?.color ?? theme.color, tag });
      return w;
    },
    measure: (text, st) => textShape(text, st).width,
    image: (image, x, y, w, h) => { items.push({ kind: 'image', image, x: ox + x, y: oy + y, w, h, tag }); },
  };
}

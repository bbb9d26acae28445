/**
 * Tables: column widths from relative weights, padding, borders, fills, wrapped cells (any blocks), column spans,
 * rows split across pages at line boundaries, header rows repeated on every page.
 */
import type { Item } from '../render/items.ts';
import type { Box, DrawCtx } from './box.ts';
import { blocksToBoxes } from './blocks.ts';
import type { Block, TableBlock, TableCell, TableRow, Theme } from './types.ts';

interface CellLayout {
  cell: TableCell;
  x: number;
  width: number;
  /** content boxes and their y offsets within the content area */
  boxes: Array<{ box: Box; y: number }>;
  contentHeight: number;
}

interface RowLayout {
  row: TableRow;
  cells: CellLayout[];
  height: number;
  header: boolean;
  stripe: boolean;
}

function pad(p: TableBlock['padding']): [number, number, number, number] {
  if (p === undefined) return [3, 5, 3, 5];
  return typeof p === 'number' ? [p, p, p, p] : p;
}

function stackBoxes(boxes: Box[]): { placed: Array<{ box: Box; y: number }>; height: number } {
  let y = 0;
  const placed: Array<{ box: Box; y: number }> = [];
  boxes.forEach((b, i) => {
    if (i > 0) y += b.spaceBefore;
    placed.push({ box: b, y });
    y += b.height;
    if (i < boxes.length - 1) y += b.spaceAfter;
  });
  return { placed, height: y };
}

export function tableBox(t: TableBlock, availWidth: number, theme: Theme): Box {
  const width = Math.min(t.width ?? availWidth, availWidth);
  const total = t.columns.reduce((a, b) => a + b, 0);
  const colW = t.columns.map((c) => (c / total) * width);
  const colX = colW.map((_, i) => colW.slice(0, i).reduce((a, b) => a + b, 0));
  const [pt, pr, pb, pl] = pad(t.padding);
  const size = t.size ?? theme.size;
  const cellTheme: Theme = { ...theme, size, lineHeight: t.lineHeight ?? theme.lineHeight, indent: 0, paragraphSpacing: size * 0.3 };

  const layoutRow = (row: TableRow, header: boolean, index: number): RowLayout => {
    const cells: CellLayout[] = [];
    let col = 0;
    for (const raw of row.cells) {
      const cell: TableCell = typeof raw === 'string' ? { content: raw } : raw;
      const span = Math.max(1, cell.colSpan ?? 1);
      const x = colX[col] ?? width;
      const w = colW.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const blocks: Block[] = Array.isArray(cell.content) && cell.content.length > 0 && !('text' in (cell.content[0] as object))
        ? (cell.content as Block[])
        : [{ type: 'paragraph', content: cell.content as string, align: cell.align ?? t.align ?? (header ? 'center' : 'left'), bold: cell.bold ?? header, color: cell.color, spaceAfter: 0, indent: 0 }];
      const boxes = blocksToBoxes(blocks, Math.max(1, w - pl - pr), cellTheme);
      const { placed, height } = stackBoxes(boxes);
      cells.push({ cell, x, width: w, boxes: placed, contentHeight: height });
    }
    const height = Math.max(...cells.map((c) => c.contentHeight), size) + pt + pb;
    return { row, cells, height, header, stripe: !header && index % 2 === 1 };
  };

  const headerRows = (t.header ?? []).map((r, i) => layoutRow(r, true, i));
  const bodyRows = t.rows.map((r, i) => layoutRow(r, false, i));
  const repeat = t.repeatHeader !== false;
  const borderColor = t.borderColor ?? '#000000';
  const borderWidth = t.borderWidth ?? 0.5;

  const drawRow = (ctx: DrawCtx, r: RowLayout, x: number, y: number) => {
    const rowFill = r.row.fill ?? (r.header ? t.headerFill : r.stripe ? t.stripeFill : undefined);
    for (const c of r.cells) {
      const fill = c.cell.fill ?? rowFill;
      if (fill) ctx.items.push({ kind: 'rect', x: x + c.x, y, w: c.width, h: r.height, fill });
      const free = r.height - pt - pb - c.contentHeight;
      const dy = c.cell.valign === 'middle' || (r.header && c.cell.valign === undefined) ? free / 2 : c.cell.valign === 'bottom' ? free : 0;
      for (const { box, y: by } of c.boxes) box.draw(ctx, x + c.x + pl, y + pt + dy + by);
    }
    if (borderWidth > 0) {
      for (const c of r.cells) {
        const item: Item = { kind: 'rect', x: x + c.x, y, w: c.width, h: r.height, stroke: borderColor, lineWidth: borderWidth };
        ctx.items.push(item);
      }
    }
  };

  /** split a row so that its first part is at most `avail` high; undefined if not even one line fits */
  const splitRow = (r: RowLayout, avail: number): [RowLayout, RowLayout] | undefined => {
    const room = avail - pt - pb;
    if (room <= 0) return undefined;
    const firsts: CellLayout[] = [];
    const rests: CellLayout[] = [];
    let any = false;
    for (const c of r.cells) {
      let k = 0;
      while (k < c.boxes.length && c.boxes[k]!.y + c.boxes[k]!.box.height <= room + 1e-6) k++;
      // do not leave a lone line of a paragraph behind when the rest continues — not enforced: cells are short
      if (k > 0) any = true;
      const head = c.boxes.slice(0, k);
      const tail = c.boxes.slice(k);
      const headH = head.length ? head[head.length - 1]!.y + head[head.length - 1]!.box.height : 0;
      const shift = tail[0]?.y ?? 0;
      firsts.push({ ...c, boxes: head, contentHeight: headH });
      const restBoxes = tail.map((p) => ({ box: p.box, y: p.y - shift }));
      const restH = restBoxes.length ? restBoxes[restBoxes.length - 1]!.y + restBoxes[restBoxes.length - 1]!.box.height : 0;
      rests.push({ ...c, boxes: restBoxes, contentHeight: restH });
    }
    if (!any) return undefined;
    const h1 = Math.max(...firsts.map((c) => c.contentHeight), 0) + pt + pb;
    const h2 = Math.max(...rests.map((c) => c.contentHeight), size) + pt + pb;
    return [{ ...r, cells: firsts, height: Math.max(h1, avail) === avail ? avail : h1 }, { ...r, cells: rests, height: h2, header: r.header }];
  };

  const make = (rows: RowLayout[], withHeader: RowLayout[]): Box => {
    const all = [...withHeader, ...rows];
    const height = all.reduce((a, r) => a + r.height, 0);
    const box: Box = {
      height,
      spaceBefore: t.spaceBefore ?? 0,
      spaceAfter: t.spaceAfter ?? theme.paragraphSpacing,
      keepWithNext: t.keepWithNext,
      anchors: t.id ? [t.id] : undefined,
      draw: (ctx, x, y) => {
        let cy = y;
        for (const r of all) { drawRow(ctx, r, x, cy); cy += r.height; }
      },
      split: (avail, atTop) => {
        const head = withHeader;
        let used = head.reduce((a, r) => a + r.height, 0);
        const first: RowLayout[] = [];
        let i = 0;
        while (i < rows.length && used + rows[i]!.height <= avail + 1e-6) { used += rows[i]!.height; first.push(rows[i]!); i++; }
        if (i === rows.length) return null; // everything fits: no split needed
        const rest = rows.slice(i);
        const r = rows[i]!;
        if (!r.row.keepTogether) {
          const parts = splitRow(r, avail - used);
          if (parts) { first.push(parts[0]); rest[0] = parts[1]; }
        }
        if (first.length === 0) {
          if (!atTop) return null; // move to next page
          // at the top of a page and still nothing fits: place the row anyway (it overflows the page)
          first.push(rest.shift()!);
        }
        const a = make(first, head);
        a.spaceAfter = 0;
        const b = make(rest, repeat ? headerRows : []);
        b.spaceBefore = 0;
        b.anchors = undefined;
        return [a, b];
      },
    };
    return box;
  };
  return make(bodyRows, headerRows);
}

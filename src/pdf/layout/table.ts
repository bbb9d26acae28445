/**
 * Tables: column widths from relative weights, padding, borders, fills, wrapped cells (any blocks), column spans,
 * rows split across pages at line boundaries, header rows repeated on every page.
 *
 * Structure: Table > THead | TBody > TR > TH | TD (ColSpan where a cell spans); a cell's text content is the cell's own, block content is its children.
 * Fills and borders are artifacts, and so is a header row repeated on a continued page.
 */
import type { Item } from '../render/items.ts';
import type { BlockLayouter, Box, DrawCtx } from './box.ts';
import { fitParagraph, lineBoxes, linkStyled, paragraphStyle, toRuns } from './lines.ts';
import { artifact, asArtifacts, tagOf, type Scope } from './structure.ts';
import type { Block, Inline, TableBlock, TableCell, TableRow, Theme } from './types.ts';

interface CellLayout {
  cell: TableCell;
  /** its TH/TD structure node */
  node: number;
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

/** fewest lines of a cell left at a page bottom or carried to the next page when a row splits */
const MIN_SPLIT_LINES = 2;

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

const isBlocks = (content: TableCell['content']): content is Block[] =>
  Array.isArray(content) && content.length > 0 && !('text' in (content[0] as object));

export function tableBox(t: TableBlock, availWidth: number, theme: Theme, scope: Scope, layoutBlocks: BlockLayouter): Box {
  const { struct } = scope;
  const width = Math.min(t.width ?? availWidth, availWidth);
  const total = t.columns.reduce((a, b) => a + b, 0);
  const colW = t.columns.map((c) => (c / total) * width);
  const colX = colW.map((_, i) => colW.slice(0, i).reduce((a, b) => a + b, 0));
  const [pt, pr, pb, pl] = pad(t.padding);
  const size = t.size ?? theme.size;
  const cellTheme: Theme = { ...theme, size, lineHeight: t.lineHeight ?? theme.lineHeight, indent: 0, paragraphSpacing: size * 0.3 };
  const table = struct.add('Table', scope.parent);

  const cellBoxes = (cell: TableCell, header: boolean, node: number, w: number): Box[] => {
    if (isBlocks(cell.content)) return layoutBlocks(cell.content, w, cellTheme, { struct, parent: node });
    // text content: the cell's own lines, no paragraph element between
    const style = paragraphStyle(cellTheme, { align: cell.align ?? t.align ?? (header ? 'center' : 'left'), color: cell.color, indent: 0 });
    const bold = cell.bold ?? header;
    const runs = linkStyled(toRuns(cell.content as Inline, bold ? { bold: true } : undefined), cellTheme);
    const lines = fitParagraph(runs, style, w, cell.shrinkToFit ? 'shrink' : undefined);
    return lineBoxes(lines, { spaceBefore: 0, spaceAfter: 0, tag: tagOf(struct, node), struct });
  };

  const layoutRow = (row: TableRow, header: boolean, index: number, group: number): RowLayout => {
    const cells: CellLayout[] = [];
    const tr = struct.add('TR', group);
    let col = 0;
    for (const raw of row.cells) {
      const cell: TableCell = typeof raw === 'string' ? { content: raw } : raw;
      const span = Math.max(1, cell.colSpan ?? 1);
      const x = colX[col] ?? width;
      const w = colW.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const node = header ? struct.add('TH', tr, { scope: 'Column', colSpan: span }) : struct.add('TD', tr, { colSpan: span });
      const { placed, height } = stackBoxes(cellBoxes(cell, header, node, Math.max(1, w - pl - pr)));
      cells.push({ cell, node, x, width: w, boxes: placed, contentHeight: height });
    }
    const height = Math.max(...cells.map((c) => c.contentHeight), size) + pt + pb;
    return { row, cells, height, header, stripe: !header && index % 2 === 1 };
  };

  const thead = t.header?.length ? struct.add('THead', table) : undefined;
  const headerRows = (t.header ?? []).map((r, i) => layoutRow(r, true, i, thead!));
  const tbody = t.rows.length ? struct.add('TBody', table) : undefined;
  const bodyRows = t.rows.map((r, i) => layoutRow(r, false, i, tbody!));
  const repeat = t.repeatHeader !== false;
  const borderColor = t.borderColor ?? '#000000';
  const borderWidth = t.borderWidth ?? 0.5;

  const drawRow = (ctx: DrawCtx, r: RowLayout, x: number, y: number) => {
    const rowFill = r.row.fill ?? (r.header ? t.headerFill : r.stripe ? t.stripeFill : undefined);
    for (const c of r.cells) {
      const fill = c.cell.fill ?? rowFill;
      if (fill) ctx.items.push({ kind: 'rect', x: x + c.x, y, w: c.width, h: r.height, fill, tag: artifact(c.node) });
      const free = r.height - pt - pb - c.contentHeight;
      const dy = c.cell.valign === 'middle' || (r.header && c.cell.valign === undefined) ? free / 2 : c.cell.valign === 'bottom' ? free : 0;
      for (const { box, y: by } of c.boxes) {
        const [bx, bby] = [x + c.x + pl, y + pt + dy + by];
        // A cell's own anchors and outline entries, as the page flow registers a box's: links and bookmarks reach a row.
        for (const id of box.anchors ?? []) ctx.anchor(id, bx, bby);
        if (box.outline) ctx.outline(box.outline);
        box.draw(ctx, bx, bby);
      }
    }
    if (borderWidth > 0) {
      for (const c of r.cells) {
        const item: Item = { kind: 'rect', x: x + c.x, y, w: c.width, h: r.height, stroke: borderColor, lineWidth: borderWidth, tag: artifact(c.node) };
        ctx.items.push(item);
      }
    }
  };

  /** the header again on a continued page: same drawing, as page furniture, its anchors and bookmarks not again */
  const drawRepeated = (ctx: DrawCtx, r: RowLayout, x: number, y: number) => {
    const items: Item[] = [];
    drawRow({ items, anchor: () => {}, outline: () => {} }, r, x, y);
    ctx.items.push(...asArtifacts(items, table));
  };

  /**
   * Split a row so that its first part is at most `avail` high, at line boundaries; undefined (move the row) when
   * a continuing cell would keep or carry fewer than MIN_SPLIT_LINES lines.
   */
  const splitRow = (r: RowLayout, avail: number): [RowLayout, RowLayout] | undefined => {
    const room = avail - pt - pb;
    if (room <= 0) return undefined;
    const firsts: CellLayout[] = [];
    const rests: CellLayout[] = [];
    let any = false;
    for (const c of r.cells) {
      const n = c.boxes.length;
      let k = 0;
      while (k < n && c.boxes[k]!.y + c.boxes[k]!.box.height <= room + 1e-6) k++;
      if (k < n) {
        k = Math.min(k, n - MIN_SPLIT_LINES);
        if (k < MIN_SPLIT_LINES) return undefined;
      }
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
    // the first part reaches the page bottom, so its borders close there
    return [{ ...r, cells: firsts, height: Math.max(h1, avail) === avail ? avail : h1 }, { ...r, cells: rests, height: h2 }];
  };

  const make = (rows: RowLayout[], withHeader: RowLayout[], repeated: boolean): Box => {
    const height = [...withHeader, ...rows].reduce((a, r) => a + r.height, 0);
    const box: Box = {
      height,
      spaceBefore: t.spaceBefore ?? 0,
      spaceAfter: t.spaceAfter ?? theme.paragraphSpacing,
      keepWithNext: t.keepWithNext,
      anchors: t.id ? [t.id] : undefined,
      draw: (ctx, x, y) => {
        let cy = y;
        for (const r of withHeader) { (repeated ? drawRepeated : drawRow)(ctx, r, x, cy); cy += r.height; }
        for (const r of rows) { drawRow(ctx, r, x, cy); cy += r.height; }
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
        // a keepTogether row that does not fit even at the top of a page splits rather than run off the page
        if (!r.row.keepTogether || (atTop && first.length === 0)) {
          const parts = splitRow(r, avail - used);
          if (parts) { first.push(parts[0]); rest[0] = parts[1]; }
        }
        // a group heading stays with its first row
        while (first.length > 0 && first[first.length - 1]!.row.keepWithNext) rest.unshift(first.pop()!);
        if (first.length === 0) {
          if (!atTop) return null; // move to next page
          // at the top of a page and still nothing fits: place the row anyway (it overflows the page)
          first.push(rest.shift()!);
        }
        const a = make(first, head, repeated);
        a.spaceAfter = 0;
        const b = make(rest, repeat ? headerRows : [], true);
        b.spaceBefore = 0;
        b.anchors = undefined;
        return [a, b];
      },
    };
    return box;
  };
  return make(bodyRows, headerRows, false);
}

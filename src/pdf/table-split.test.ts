import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { layoutDocument, renderPdf, type Item, type LaidOutPage, type TableBlock } from './index.ts';

const textOf = (i: Item) => (i.kind === 'text' ? i.shaped.text : '');
/** how far down the body area the page's content reaches, 0..1 */
const fill = (p: LaidOutPage, top: number, bottom: number) => {
  const ys = p.items.filter((i) => i.kind === 'rect').map((i) => (i.kind === 'rect' ? i.y + i.h : 0));
  return (Math.max(...ys) - top) / (bottom - top);
};

describe('table rows continue on the next page under the repeated header', () => {
  // 5 rows, each about 0.6–0.8 of a landscape page: line k of row r reads "แถว r บรรทัด k"
  const lineCounts = [13, 16, 14, 15, 13];
  const table: TableBlock = {
    type: 'table', columns: [1, 6, 3], headerFill: '#dde4f0', stripeFill: '#f4f4f4',
    header: [{ cells: ['ลำดับ', 'กิจกรรม/โครงการ', 'หมายเหตุ'] }],
    rows: lineCounts.map((n, r) => ({
      cells: [String(r + 1), Array.from({ length: n }, (_, k) => `แถว ${r + 1} บรรทัด ${k + 1}`).join('\n'), 'ข้อมูลประกอบ'],
    })),
  };
  const spec = { page: { orientation: 'landscape' as const }, sections: [{ blocks: [table] }] };

  it('every page but the last is at least 60 % full; text order is kept; header on every page', async () => {
    const { bytes, layout } = await renderPdf(spec);
    const top = 2.5 * (72 / 2.54);
    const bottom = layout.pages[0]!.height - 2 * (72 / 2.54);
    const rowH = (n: number) => n * 14 * 1.6 + 6;
    for (const n of lineCounts) {
      expect(rowH(n) / (bottom - top)).toBeGreaterThan(0.6);
      expect(rowH(n) / (bottom - top)).toBeLessThan(0.8);
    }
    expect(layout.pages.length).toBeLessThanOrEqual(5);
    layout.pages.slice(0, -1).forEach((p, i) => expect(fill(p, top, bottom), `page ${i + 1}`).toBeGreaterThan(0.6));
    const dir = mkdtempSync(join(tmpdir(), 'pdf-split-'));
    const file = join(dir, 'split.pdf');
    writeFileSync(file, bytes);
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const expected = lineCounts.flatMap((n, r) => Array.from({ length: n }, (_, k) => `แถว ${r + 1} บรรทัด ${k + 1}`));
    let at = -1;
    for (const line of expected) {
      const next = raw.indexOf(line + '\n', at + 1);
      expect(next, line).toBeGreaterThan(at);
      at = next;
    }
    for (let p = 1; p <= layout.pages.length; p++) {
      expect(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' })).toContain('กิจกรรม/โครงการ');
    }
  });

  it('a split row repeats its fill and closes its borders at the page bottom', () => {
    const layout = layoutDocument(spec);
    const bottom = layout.pages[0]!.height - 2 * (72 / 2.54);
    const split = layout.pages.slice(0, -1);
    expect(split.length).toBeGreaterThan(0);
    for (const p of split) {
      const borders = p.items.filter((i) => i.kind === 'rect' && i.stroke);
      expect(Math.max(...borders.map((i) => (i.kind === 'rect' ? i.y + i.h : 0)))).toBeCloseTo(bottom, 3);
    }
    // row 2 (a striped row) is split: its fill is on both pages
    const stripes = layout.pages.map((p) => p.items.filter((i) => i.kind === 'rect' && i.fill === '#f4f4f4').length);
    expect(stripes.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('keepTogether still moves a row whole', () => {
    const layout = layoutDocument({ ...spec, sections: [{ blocks: [{ ...table, rows: table.rows.map((r) => ({ ...r, keepTogether: true })) }] }] });
    expect(layout.pages.length).toBe(5);
    for (const p of layout.pages) expect(new Set(p.items.map(textOf).filter((t) => t.startsWith('แถว')).map((t) => t.split(' ')[1])).size).toBe(1);
  });
});

describe('keepTogether rows taller than a page', () => {
  it('split at the top of a page instead of running off it', () => {
    const lines = Array.from({ length: 40 }, (_, k) => `บรรทัด ${k + 1}`).join('\n');
    const layout = layoutDocument({ sections: [{ blocks: [
      { type: 'paragraph', content: 'ก่อนตาราง' },
      { type: 'table', columns: [1], header: [{ cells: ['หัว'] }], rows: [{ keepTogether: true, cells: [lines] }] },
    ] }] });
    const bottom = 841.89 - 2 * (72 / 2.54);
    const counts = layout.pages.map((p) => p.items.filter((i) => textOf(i).startsWith('บรรทัด')).length);
    // moved off the first page (it would fit there only in part), then split on the second
    expect(counts[0]).toBe(0);
    expect(counts.slice(1).every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, n) => a + n, 0)).toBe(40);
    for (const p of layout.pages) {
      for (const i of p.items) if (i.kind === 'text') expect(i.y).toBeLessThan(bottom);
    }
  });
});

describe('row splits keep at least two lines of a cell on each side', () => {
  const H = 841.89 - 2.5 * (72 / 2.54) - 2 * (72 / 2.54);
  const line = 14 * 1.6;
  const rowOf = (n: number): TableBlock => ({
    type: 'table', columns: [1], rows: [{ cells: [Array.from({ length: n }, (_, k) => `บรรทัด ${k + 1}`).join('\n')] }],
  });
  /** lines of the row on each page when `lines` lines (plus padding) are left on the first page */
  const linesPerPage = (room: number, n: number) => {
    const layout = layoutDocument({ sections: [{ blocks: [
      { type: 'spacer', height: H - (room * line + 6 + line / 2) },
      rowOf(n),
    ] }] });
    return layout.pages.map((p) => p.items.filter((i) => textOf(i).startsWith('บรรทัด')).length);
  };
  it('a widow is not carried alone: 3 lines of room, 4 lines → 2 + 2', () => {
    expect(linesPerPage(3, 4)).toEqual([2, 2]);
  });
  it('an orphan is not left alone: 1 line of room → the row moves', () => {
    expect(linesPerPage(1, 6)).toEqual([0, 6]);
  });
  it('enough room on both sides: split where the page ends', () => {
    expect(linesPerPage(4, 8)).toEqual([4, 4]);
  });
});

describe('anchors and bookmarks inside table cells', () => {
  // 30 rows of two lines over pages, a link to row 25 above the table, a heading in the repeated header.
  const rows = Array.from({ length: 30 }, (_, r) => ({
    cells: [String(r + 1), { content: [{ type: 'paragraph' as const, id: `row-${r + 1}`, bookmark: { level: 2 as const }, content: `โครงการที่ ${r + 1}` }, { type: 'paragraph' as const, content: 'หน่วยงานเจ้าของ' }] }],
  }));
  const spec = { sections: [{ blocks: [
    { type: 'heading' as const, level: 1 as const, id: 'projects', content: 'รายโครงการ' },
    { type: 'paragraph' as const, content: [{ text: 'ไปที่โครงการที่ 25', link: '#row-25' }] },
    { type: 'table' as const, columns: [1, 6], header: [{ cells: ['ที่', { content: [{ type: 'heading' as const, level: 3 as const, id: 'head', content: 'โครงการ' }] }] }], rows },
  ] }] };

  it('land where the row is drawn, in the outline under the heading, in order, the repeated header not again', async () => {
    const { bytes, layout } = await renderPdf(spec);
    expect(layout.pages.length).toBeGreaterThan(1);
    for (let r = 1; r <= 30; r++) {
      const a = layout.anchors.get(`row-${r}`)!;
      const line = layout.pages[a.pageIndex]!.items.find((i) => textOf(i) === `โครงการที่ ${r}`);
      if (line?.kind !== 'text') throw new Error(`row ${r} is not on the anchor's page`);
      // at the line's left, above its baseline by less than a line: in the second column, not the page margin
      expect(line.x).toBeCloseTo(a.x);
      expect(line.y - a.y).toBeGreaterThan(0);
      expect(line.y - a.y).toBeLessThan(14 * 1.6);
    }
    expect(layout.outline.map((o) => `${o.level} ${o.title}`)).toEqual(['1 รายโครงการ', '3 โครงการ', ...rows.map((_, r) => `2 โครงการที่ ${r + 1}`)]);
    const dir = mkdtempSync(join(tmpdir(), 'pdf-cell-anchors-'));
    const file = join(dir, 'anchors.pdf');
    writeFileSync(file, bytes);
    const outline = execFileSync('mutool', ['show', file, 'outline'], { encoding: 'utf8' });
    expect(outline).toContain(`"โครงการที่ 25"\t#page=${layout.anchors.get('row-25')!.pageIndex + 1}&`);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    // The link above the table goes to row 25's page.
    const doc = await PDFDocument.load(bytes);
    const annots = doc.getPage(0).node.Annots()!;
    const dest = annots.lookup(0, PDFDict).lookup(PDFName.of('Dest'), PDFArray);
    expect(doc.getPages().findIndex((p) => p.ref === dest.get(0))).toBe(layout.anchors.get('row-25')!.pageIndex);
  });
});

describe('a group heading row is never the last row before a page break', () => {
  // A spacer fills the page so that only the header, the group row and nothing more would fit at its bottom.
  const group = (g: number) => [
    { keepTogether: true, keepWithNext: true, cells: [{ content: `กลุ่ม ${g}`, colSpan: 2 }] },
    ...[1, 2, 3].map((r) => ({ cells: [`กลุ่ม ${g} แถว ${r}`, '1,000'] })),
  ];
  const table = (keep: boolean): TableBlock => ({
    type: 'table', columns: [3, 1], header: [{ cells: ['รายการ', 'บาท'] }],
    rows: [1, 2].flatMap(group).map((r) => (keep ? r : { ...r, keepWithNext: undefined })),
  });
  const layout = (keep: boolean, h: number) => layoutDocument({ sections: [{ blocks: [{ type: 'spacer', height: h }, table(keep)] }] });
  const pageText = (keep: boolean, h: number) => layout(keep, h).pages.map((p) => p.items.map(textOf).join(' '));
  // a spacer that, without the mark, leaves the header and the group row alone at page one's bottom
  let lo = 0;
  for (let h = 400; h < 900 && lo === 0; h += 2) {
    const first = pageText(false, h)[0]!;
    if (first.includes('กลุ่ม 1') && !first.includes('กลุ่ม 1 แถว 1')) lo = h;
  }
  const pageWith = (keep: boolean, text: string) => pageText(keep, lo).findIndex((t) => t.includes(text));

  it('without the mark the heading can be left alone at a page bottom; with it, it moves on with its first row', () => {
    expect(lo).toBeGreaterThan(0);
    expect(pageWith(false, 'กลุ่ม 1')).toBe(0);
    expect(pageWith(true, 'กลุ่ม 1')).toBe(1);
    expect(pageWith(true, 'กลุ่ม 1 แถว 1')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { layoutDocument, type Item, type Layout, type TableRow } from './index.ts';

const textOf = (it: Item) => (it.kind === 'text' ? it.shaped.text : '');
const texts = (layout: Layout, page: number) => layout.pages[page]!.items.filter((i) => i.kind === 'text');
/** the role chain of an item's node up to the root: ['H1', 'Document'] */
const chain = (layout: Layout, node: number): string[] => {
  const out: string[] = [];
  for (let n: number | undefined = node; n !== undefined; n = layout.structure[n]!.parent) out.push(layout.structure[n]!.role);
  return out;
};
const find = (layout: Layout, text: string, page = 0) => {
  const it = texts(layout, page).find((i) => textOf(i) === text);
  if (!it) throw new Error(`no text item "${text}" on page ${page + 1}`);
  return it;
};

describe('structure roles on the display list', () => {
  const png = { data: new Uint8Array(), format: 'png' as const, width: 10, height: 10 };
  const layout = layoutDocument({
    page: { footer: { center: 'หน้า {page}' }, header: { right: '{section}', rule: true } },
    sections: [{ title: 'บท', blocks: [
      { type: 'heading', level: 1, content: 'หัวเรื่องหนึ่ง', id: 'h1' },
      { type: 'heading', level: 3, content: 'หัวข้อย่อย' },
      { type: 'paragraph', content: [{ text: 'ย่อหน้า ' }, { text: 'ลิงก์', link: '#h1' }] },
      { type: 'list', items: ['ข้อแรก', 'ข้อสอง'] },
      { type: 'rule' },
      { type: 'image', image: png, width: 20, alt: 'ตราสำนักงาน' },
      { type: 'canvas', height: 30, alt: 'แผนภูมิงบประมาณ', draw: (c) => { c.rect(0, 0, 10, 10, { fill: '#000' }); c.text(0, 20, 'แกน'); } },
      { type: 'table', columns: [1, 3], headerFill: '#dddddd', header: [{ cells: ['หัวตาราง', 'รายละเอียด'] }], rows: [
        { cells: ['ก', { content: [{ type: 'paragraph', content: 'ในเซลล์' }] }] },
      ] },
    ] }],
  });
  const nodes = layout.structure;

  it('a document root, nodes in reading order, parents before children', () => {
    expect(nodes[0]).toEqual({ id: 0, role: 'Document' });
    nodes.forEach((n, i) => { expect(n.id).toBe(i); if (i > 0) expect(n.parent).toBeLessThan(i); });
  });
  it('headings, paragraphs, links and lists', () => {
    expect(find(layout, 'หัวเรื่องหนึ่ง').tag?.role).toBe('H1');
    expect(find(layout, 'หัวข้อย่อย').tag?.role).toBe('H3');
    const p = find(layout, 'ย่อหน้า ');
    expect(p.tag?.role).toBe('P');
    const link = find(layout, 'ลิงก์');
    expect(chain(layout, link.tag!.node)).toEqual(['Link', 'P', 'Document']);
    expect(nodes[link.tag!.node]!.parent).toBe(p.tag!.node);
    const annot = layout.pages[0]!.items.find((i) => i.kind === 'link')!;
    expect(annot.tag).toEqual(link.tag);
    expect(chain(layout, find(layout, '•').tag!.node)).toEqual(['Lbl', 'LI', 'L', 'Document']);
    expect(nodes[nodes[nodes[find(layout, '•').tag!.node]!.parent!]!.parent!]!.listNumbering).toBe('Disc');
    expect(chain(layout, find(layout, 'ข้อแรก').tag!.node)).toEqual(['P', 'LBody', 'LI', 'L', 'Document']);
    // the two items are two LIs of one L
    const a = nodes[nodes[find(layout, 'ข้อแรก').tag!.node]!.parent!]!;
    const b = nodes[nodes[find(layout, 'ข้อสอง').tag!.node]!.parent!]!;
    expect(a.parent).not.toBe(b.parent);
    expect(nodes[a.parent!]!.parent).toBe(nodes[b.parent!]!.parent);
  });
  it('figures carry their alt text; everything drawn on a canvas belongs to its figure', () => {
    const img = layout.pages[0]!.items.find((i) => i.kind === 'image')!;
    expect(img.tag).toMatchObject({ role: 'Figure', alt: 'ตราสำนักงาน' });
    const axis = find(layout, 'แกน');
    expect(axis.tag).toMatchObject({ role: 'Figure', alt: 'แผนภูมิงบประมาณ' });
    expect(nodes[axis.tag!.node]).toMatchObject({ role: 'Figure', alt: 'แผนภูมิงบประมาณ' });
    expect(layout.pages[0]!.items.filter((i) => i.kind === 'rect' && i.tag?.node === axis.tag!.node)).toHaveLength(1);
  });
  it('tables: TH with column scope, TD, paragraphs inside cells; fills and borders are artifacts', () => {
    const th = find(layout, 'หัวตาราง');
    expect(chain(layout, th.tag!.node)).toEqual(['TH', 'TR', 'THead', 'Table', 'Document']);
    expect(nodes[th.tag!.node]!.scope).toBe('Column');
    expect(chain(layout, find(layout, 'ก').tag!.node)).toEqual(['TD', 'TR', 'TBody', 'Table', 'Document']);
    expect(chain(layout, find(layout, 'ในเซลล์').tag!.node)).toEqual(['P', 'TD', 'TR', 'TBody', 'Table', 'Document']);
    const tableRects = layout.pages[0]!.items.filter((i) => i.kind === 'rect' && i.tag?.role !== 'Figure');
    expect(tableRects.length).toBe(2 + 4); // header fills + borders of 4 cells
    for (const r of tableRects) expect(r.tag?.role).toBe('Artifact');
  });
  it('running header and footer, their rule and block rules are artifacts', () => {
    expect(find(layout, 'หน้า 1').tag?.role).toBe('Artifact');
    expect(find(layout, 'บท').tag?.role).toBe('Artifact');
    const lines = layout.pages[0]!.items.filter((i) => i.kind === 'line');
    expect(lines.length).toBe(2);
    for (const l of lines) expect(l.tag?.role).toBe('Artifact');
  });
  it('every item has a tag', () => {
    for (const it of layout.pages[0]!.items) expect(it.tag, it.kind).toBeDefined();
  });
});

describe('table structure across pages', () => {
  const rows: TableRow[] = Array.from({ length: 60 }, (_, i) => ({ cells: [`แถว ${i + 1}`, 'ข้อมูล'] }));
  const layout = layoutDocument({ sections: [{ blocks: [{ type: 'table', columns: [1, 1], header: [{ cells: ['คอลัมน์หนึ่ง', 'คอลัมน์สอง'] }], rows }] }] });
  it('the header row is TH on the first page and an artifact where it is repeated', () => {
    expect(layout.pages.length).toBeGreaterThan(1);
    expect(find(layout, 'คอลัมน์หนึ่ง', 0).tag?.role).toBe('TH');
    for (let p = 1; p < layout.pages.length; p++) {
      const again = find(layout, 'คอลัมน์หนึ่ง', p);
      expect(again.tag?.role).toBe('Artifact');
      expect(layout.structure[again.tag!.node]!.role).toBe('Table');
    }
    // no TR or TH nodes were added for the repetitions
    expect(layout.structure.filter((n) => n.role === 'TH')).toHaveLength(2);
    expect(layout.structure.filter((n) => n.role === 'TR')).toHaveLength(61);
  });
  it('a row split across pages stays one TR: both parts point at the same cell node', () => {
    const long = 'ข้อความยาวในเซลล์ที่แบ่งข้ามหน้า '.repeat(150);
    const l = layoutDocument({ sections: [{ blocks: [
      { type: 'paragraph', content: 'ก่อนตาราง' },
      { type: 'table', columns: [1, 3], header: [{ cells: ['หัว', 'เนื้อหา'] }], rows: [{ cells: ['1', long] }] },
    ] }] });
    const node = (p: number) => texts(l, p).find((i) => textOf(i).includes('ข้อความ'))!.tag!.node;
    expect(l.pages.length).toBeGreaterThan(1);
    expect(node(0)).toBe(node(1));
    expect(l.structure[node(0)]!.role).toBe('TD');
  });
});

describe('shrink to fit', () => {
  const months = ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.'];
  const gantt = (shrinkToFit: boolean) => layoutDocument({ sections: [{ blocks: [{
    type: 'table', columns: [30, ...months.map(() => 4)], size: 12, padding: [2, 3, 2, 3],
    header: [{ cells: [{ content: 'กิจกรรม' }, ...months.map((m) => ({ content: m, shrinkToFit }))] }],
    rows: [{ cells: ['งาน', ...months.map(() => '')] }],
  }] }] });
  it('a narrow header cell keeps "ต.ค." whole on one line, at no less than 60 % of the size', () => {
    const plain = gantt(false);
    const fit = gantt(true);
    // without it, the abbreviation is not cut but spills out of its cell
    const cellW = ((595.28 - 85.04 - 56.69) * 4) / 78 - 6;
    const wide = texts(plain, 0).filter((i) => i.kind === 'text' && months.includes(i.shaped.text));
    expect(wide.length).toBe(12);
    expect(wide.some((i) => i.kind === 'text' && (i.shaped.advance * i.size) / i.shaped.font.info.unitsPerEm > cellW)).toBe(true);
    for (const m of months) {
      const it = find(fit, m);
      if (it.kind !== 'text') throw new Error('text');
      const w = (it.shaped.advance * it.size) / it.shaped.font.info.unitsPerEm;
      expect(w, m).toBeLessThanOrEqual(cellW + 1e-6);
      expect(it.size).toBeGreaterThanOrEqual(12 * 0.6);
      expect(it.size).toBeLessThanOrEqual(12);
    }
    // the widest one is shrunk to fill its cell (the largest size that fits)
    const sizes = months.map((m) => { const it = find(fit, m); return it.kind === 'text' ? it.size : 0; });
    expect(Math.min(...sizes)).toBeLessThan(12);
    const widest = find(fit, months[sizes.indexOf(Math.min(...sizes))]!);
    if (widest.kind === 'text') expect((widest.shaped.advance * widest.size) / widest.shaped.font.info.unitsPerEm).toBeCloseTo(cellW, 2);
  });
  it("paragraphs with fit: 'shrink': one line if 60 % is enough, otherwise wrapped at 60 %", () => {
    const text = 'แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. 2561';
    const l = layoutDocument({ sections: [{ blocks: [
      { type: 'paragraph', content: text, size: 20, fit: 'shrink' },
      { type: 'paragraph', content: text.repeat(6), size: 20, fit: 'shrink' },
      { type: 'paragraph', content: 'สั้น', size: 20, fit: 'shrink' },
    ] }], page: { margins: { left: 150, right: 150 } } });
    const items = texts(l, 0);
    const first = items.find((i) => textOf(i) === text)!;
    expect(first.kind === 'text' && first.size).toBeLessThan(20);
    expect(first.kind === 'text' && first.size).toBeGreaterThanOrEqual(12);
    const long = items.filter((i) => i.kind === 'text' && i.size === 12);
    expect(long.length).toBeGreaterThan(1);
    expect(items.find((i) => textOf(i) === 'สั้น')!.kind === 'text' && (items.find((i) => textOf(i) === 'สั้น') as { size: number }).size).toBe(20);
  });
});

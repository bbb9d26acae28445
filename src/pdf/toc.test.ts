import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdfWithPageRefs, type Block, type DocumentSpec, type Item } from './index.ts';

const chapters = [
  { id: 'c1', title: 'บทนำ', level: 1 },
  { id: 'c2', title: 'ผลการดำเนินงานตามตัวชี้วัด การติดตามและประเมินผลโครงการตามแผนปฏิบัติการดิจิทัลของเงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู ประจำปีบัญชี พ.ศ. 2561', level: 1 },
  { id: 'c2a', title: 'โครงการพัฒนาระบบสารสนเทศ', level: 2 },
  { id: 'c3', title: 'ภาคผนวก', level: 1 },
];

const spec = (pageOf: (id: string) => string | undefined): DocumentSpec => ({
  page: { numbering: 'thai' },
  sections: [
    { title: 'สารบัญ', blocks: [
      { type: 'heading', level: 1, content: 'สารบัญ' },
      ...chapters.map((c): Block => ({ type: 'tocEntry', title: c.title, target: c.id, page: pageOf(c.id) ?? '?', level: c.level })),
    ] },
    ...chapters.map((c) => ({ blocks: [
      { type: 'heading', level: 2, content: c.title, id: c.id } as Block,
      { type: 'paragraph', content: 'เนื้อหา' } as Block,
    ] })),
  ],
});

describe('contents entries', async () => {
  const { bytes, layout } = await renderPdfWithPageRefs(spec);
  const items = layout.pages[0]!.items;
  const textOf = (i: Item) => (i.kind === 'text' ? i.shaped.text : '');

  it('one TOC of TOCI entries, each a Reference holding a Link with the title and page label; leaders are artifacts', () => {
    const nodes = layout.structure;
    const tocs = nodes.filter((n) => n.role === 'TOC');
    expect(tocs).toHaveLength(1);
    const entries = nodes.filter((n) => n.role === 'TOCI');
    expect(entries).toHaveLength(4);
    for (const e of entries) expect(e.parent).toBe(tocs[0]!.id);
    const label = items.find((i) => textOf(i) === '๓')!;
    expect(label.tag?.role).toBe('Link');
    const reference = nodes[nodes[label.tag!.node]!.parent!]!;
    expect(reference.role).toBe('Reference');
    expect(nodes[reference.parent!]!.role).toBe('TOCI');
    const leaders = items.filter((i) => /^\.+$/.test(textOf(i)));
    expect(leaders).toHaveLength(4);
    for (const l of leaders) expect(l.tag?.role).toBe('Artifact');
  });

  it('a long title wraps with a hanging indent, is never cut, and stops short of its page label', () => {
    const textItems = items.filter((i): i is Extract<Item, { kind: 'text' }> => i.kind === 'text');
    const width = (t: (typeof textItems)[number]) => (t.shaped.advance * t.size) / t.shaped.font.info.unitsPerEm;
    const title = textItems.filter((i) => i.tag?.role === 'Link' && !/^[๐-๙]+$/.test(i.shaped.text) && chapters[1]!.title.includes(i.shaped.text.trim()));
    expect(title.length).toBeGreaterThan(1);
    expect(title.map(textOf).join('').replace(/\s/g, '')).toBe(chapters[1]!.title.replace(/\s/g, ''));
    const x0 = title[0]!.x;
    for (const t of title.slice(1)) expect(t.x).toBeGreaterThan(x0);
    const label = textItems.find((i) => i.tag?.role === 'Link' && /^[๐-๙]+$/.test(i.shaped.text) && i.y === title[title.length - 1]!.y);
    expect(label).toBeDefined();
    for (const t of title) expect(t.x + width(t)).toBeLessThan(label!.x);
    // the level-2 entry is indented
    expect(textItems.find((i) => i.shaped.text === 'โครงการพัฒนาระบบสารสนเทศ')!.x).toBeCloseTo(x0 + 18, 3);
  });

  it('the written PDF has one link annotation per entry, each to its chapter\'s page', async () => {
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPages();
    const annots = pages[0]!.node.lookup(PDFName.of('Annots'), PDFArray);
    expect(annots.size()).toBe(chapters.length);
    const targets = annots.asArray().map((ref) => {
      const a = doc.context.lookup(ref, PDFDict);
      expect(a.get(PDFName.of('Subtype'))).toBe(PDFName.of('Link'));
      const dest = a.lookup(PDFName.of('Dest'), PDFArray);
      return pages.findIndex((p) => p.ref === (dest.get(0) as PDFRef));
    });
    expect(targets).toEqual(chapters.map((c) => layout.anchors.get(c.id)!.pageIndex));
    expect(targets).toEqual([1, 2, 3, 4]);
    const dir = mkdtempSync(join(tmpdir(), 'pdf-toc-'));
    const file = join(dir, 'toc.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/บทนำ[ .]{6,}๒/);
    expect(text).toContain('ภาคผนวก');
    expect(text).not.toContain('…');
  });
});

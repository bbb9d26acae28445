// Tagged PDF (PDF/UA-1) and PDF/A-2u as the core writes them, read back with qpdf, poppler and LittleCMS
// (tests/helpers/pdf-audit.ts): the structure tree and its reading order, artifacts, links, metadata, the output
// intent, and the switches that turn either off.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPdf } from '../../tests/helpers/pdf-audit.ts';
import { renderPdf, renderPdfWithPageRefs, type DocumentSpec, type Layout, type TableRow } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'pdf-tagged-'));
let n = 0;
const save = (bytes: Uint8Array) => { const p = join(dir, `t${n++}.pdf`); writeFileSync(p, bytes); return p; };
const pdftotext = (file: string, raw = false) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-nopgbrk', ...(raw ? ['-raw'] : []), file, '-'], { encoding: 'utf8' });
/**
 * Poppler's structure text ignores /ActualText (it reads glyphs through ToUnicode), and no ToUnicode can say that
 * the two glyphs of a decomposed SARA AM (ํ + า, under a tone mark) are one ำ: compare letters, digits and Latin,
 * in order, without the vowel signs and marks. The exact characters are pdftotext's tests (document.test.ts).
 */
const skeleton = (s: string) => s.normalize('NFKC').replace(/[\s\u0e31\u0e32-\u0e3a\u0e47-\u0e4e]/g, '');
/** the tagged (non-artifact) text items of a layout */
const taggedTexts = (layout: Layout) => layout.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' && i.tag && i.tag.role !== 'Artifact' ? [i.shaped.text] : [])));
const META = { title: 'เอกสารทดสอบ', author: 'สำนักงาน', subject: 'การทดสอบ', keywords: ['ทดสอบ', 'PDF/UA'], creator: 'vitest', producer: 'src/pdf', creationDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), modDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) };

const linear: DocumentSpec = {
  meta: META,
  page: { footer: { center: 'ส่วนท้าย {page}' } },
  sections: [{ blocks: [
    { type: 'heading', level: 1, content: 'หัวเรื่องหนึ่ง ประจำปี', id: 'top' },
    { type: 'paragraph', content: [{ text: 'ย่อหน้าที่มีน้ำ ' }, { text: 'ลิงก์ไปต้นเรื่อง', link: '#top' }, { text: ' แล้วต่อท้าย 2567' }] },
    { type: 'heading', level: 2, content: 'รายการ' },
    { type: 'list', ordered: true, items: ['ข้อแรก ปั้น', 'ข้อสอง ฝั่ง'] },
    { type: 'rule' },
    { type: 'canvas', height: 40, alt: 'แผนภูมิ: ก 10 บาท', draw: (c) => { c.rect(0, 0, 30, 10, { fill: '#336699' }); c.text(40, 10, 'ก 10'); } },
    { type: 'table', columns: [1, 2], headerFill: '#dddddd', header: [{ cells: ['หัวตาราง', 'รายละเอียด'] }], rows: [
      { cells: ['ก', 'ข้อความ'] },
      { cells: [{ content: 'รวมทั้งสิ้น', colSpan: 2 }] },
    ] },
    { type: 'paragraph', content: 'ย่อหน้าสุดท้าย' },
  ] }],
};

describe('tagged PDF: structure tree, reading order, artifacts', () => {
  it('passes the audit, and the structure text is the page text in order (footer artifact aside)', async () => {
    const { bytes, layout } = await renderPdf(linear);
    const file = save(bytes);
    const a = auditPdf(file);
    expect(a.problems).toEqual([]);
    // -raw: content-stream order, which the writer makes reading order (the default reads table columns apart)
    const page = pdftotext(file, true).split('\n').filter((l) => l.trim() && l.trim() !== 'ส่วนท้าย 1');
    expect(skeleton(a.structText.join(''))).toBe(skeleton(page.join('')));
    // one structure text item per tagged text item: nothing twice, nothing left out, no artifact
    expect(a.structText.filter(Boolean).map(skeleton).sort()).toEqual(taggedTexts(layout).map(skeleton).filter(Boolean).sort());
    expect(a.structText.join('')).not.toContain('ส่วนท้าย');
  });

  it('the element tree: headings, paragraph with its link, list, figure with alt, table head and body', async () => {
    const a = auditPdf(save((await renderPdf(linear)).bytes));
    const tree = a.elements.map((e) => `${'  '.repeat(e.depth)}${e.role}${e.scope ? `[${e.scope}]` : ''}${e.colSpan ? `[ColSpan ${e.colSpan}]` : ''}${e.listNumbering ? `[${e.listNumbering}]` : ''}${e.alt ? ` "${e.alt}"` : ''}`);
    expect(tree).toEqual([
      'Document', '  H1', '  P', '    Link', '  H2',
      '  L[Decimal]', '    LI', '      Lbl', '      LBody', '        P', '    LI', '      Lbl', '      LBody', '        P',
      '  Figure "แผนภูมิ: ก 10 บาท"',
      '  Table', '    THead', '      TR', '        TH[Column]', '        TH[Column]',
      '    TBody', '      TR', '        TD', '        TD', '      TR', '        TD[ColSpan 2]',
      '  P',
    ]);
  });

  it('a table header repeated on a continued page is an artifact; a row split across pages stays one TD', async () => {
    const rows: TableRow[] = Array.from({ length: 45 }, (_, i) => ({ cells: [`แถว ${i + 1}`, i === 30 ? 'ข้อความยาวในเซลล์ที่แบ่งข้ามหน้า '.repeat(60) : 'ข้อมูล'] }));
    const { bytes, layout } = await renderPdf({ meta: META, sections: [{ blocks: [{ type: 'table', columns: [1, 3], header: [{ cells: ['คอลัมน์หนึ่ง', 'คอลัมน์สอง'] }], rows }] }] });
    expect(layout.pages.length).toBeGreaterThan(1);
    const file = save(bytes);
    const a = auditPdf(file);
    expect(a.problems).toEqual([]);
    expect(pdftotext(file).split('คอลัมน์หนึ่ง').length - 1).toBe(layout.pages.length);
    expect(a.structText.filter((t) => t === 'คอลัมน์หนึ่ง')).toHaveLength(1);
    expect(a.elements.filter((e) => e.role === 'TR')).toHaveLength(46);
    expect(a.structText.filter(Boolean).map(skeleton).sort()).toEqual(taggedTexts(layout).map(skeleton).sort());
  });

  it('contents entries are TOC > TOCI > Reference > Link with their annotation; dot leaders are artifacts', async () => {
    const { bytes } = await renderPdfWithPageRefs((pageOf) => ({
      meta: META,
      sections: [
        { blocks: [
          { type: 'heading', level: 1, content: 'สารบัญ' },
          { type: 'tocEntry', title: 'บทนำ', target: 'intro', page: pageOf('intro') ?? '0' },
          { type: 'tocEntry', title: 'ภาคผนวก', target: 'annex', page: pageOf('annex') ?? '0' },
        ] },
        { blocks: [{ type: 'heading', level: 1, content: 'บทนำ', id: 'intro' }, { type: 'heading', level: 1, content: 'ภาคผนวก', id: 'annex' }] },
      ],
    }));
    const a = auditPdf(save(bytes));
    expect(a.problems).toEqual([]);
    expect(a.elements.map((e) => e.role)).toEqual(['Document', 'H1', 'TOC', 'TOCI', 'Reference', 'Link', 'TOCI', 'Reference', 'Link', 'H1', 'H1']);
    expect(a.structText.join('')).not.toContain('.');
  });
});

describe('PDF/A-2u: XMP metadata, output intent, file ID', () => {
  it('XMP says PDF/A-2u and PDF/UA-1 and repeats the info dictionary (the audit compares them entry by entry)', async () => {
    const a = auditPdf(save((await renderPdf(linear)).bytes));
    expect(a.problems).toEqual([]);
    expect(a.xmp).toContain('<xmp:CreateDate>2024-01-02T03:04:05Z</xmp:CreateDate>');
    expect(a.xmp).toContain('<rdf:li xml:lang="x-default">เอกสารทดสอบ</rdf:li>');
    expect(a.xmp).toContain('<dc:language><rdf:Bag><rdf:li>th-TH</rdf:li></rdf:Bag></dc:language>');
  });

  it('each can be turned off: tagged: false writes no structure, pdfa: false no output intent or ID', async () => {
    const json = async (spec: DocumentSpec) => {
      const file = save((await renderPdf(spec)).bytes);
      const j = JSON.parse(execFileSync('qpdf', ['--json', '--json-stream-data=none', file], { encoding: 'utf8' })) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
      const objs = j.qpdf[1];
      const trailer = objs.trailer!.value!;
      return { catalog: objs[`obj:${String(trailer['/Root'])}`]!.value!, trailer, raw: execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1' }) };
    };
    const untagged = await json({ ...linear, tagged: false });
    expect(untagged.catalog['/StructTreeRoot']).toBeUndefined();
    expect(untagged.catalog['/MarkInfo']).toBeUndefined();
    expect(untagged.raw).not.toContain('/MCID');
    expect(untagged.raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(untagged.raw).not.toContain('<pdfuaid:part>');
    expect(untagged.catalog['/OutputIntents']).toBeDefined();

    const notA = await json({ ...linear, pdfa: false });
    expect(notA.catalog['/OutputIntents']).toBeUndefined();
    expect(notA.trailer['/ID']).toBeUndefined();
    expect(notA.raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(notA.raw).not.toContain('<pdfaid:part>');
    expect(notA.catalog['/StructTreeRoot']).toBeDefined();

    const neither = await json({ ...linear, tagged: false, pdfa: false });
    expect(neither.catalog['/Metadata']).toBeUndefined();
    expect(neither.catalog['/OutputIntents']).toBeUndefined();
    expect(neither.catalog['/StructTreeRoot']).toBeUndefined();
  });

  it('untagged, text still extracts exactly (the per-cluster /ActualText spans)', async () => {
    const line = 'ปี่ ปั่น ปั้น ญี่ปุ่น น้ำ ก้ำ ฤดู ฤๅษี ไปๆ ๑๒๓ ฐูญู ฝั่ง ฟื้น ป่า Mixed Latin 2561';
    for (const tagged of [true, false]) {
      const file = save((await renderPdf({ tagged, sections: [{ blocks: [{ type: 'paragraph', content: line }, { type: 'paragraph', content: line, align: 'distributed' }] }] })).bytes);
      expect(pdftotext(file).split('\n').filter(Boolean), `tagged: ${tagged}`).toEqual([line, line]);
    }
  });
});

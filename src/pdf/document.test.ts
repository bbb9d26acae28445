import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutParagraph } from './text/paragraph.ts';
import { defaultTheme, markdownToBlocks, renderPdf, renderPdfWithPageRefs, type Block, type DocumentSpec, type TableRow } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'pdf-core-'));
let n = 0;
function save(bytes: Uint8Array): string {
  const p = join(dir, `t${n++}.pdf`);
  writeFileSync(p, bytes);
  return p;
}
const pdftotext = (file: string, args: string[] = []) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
const qpdfCheck = (file: string) => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });

// The plan book's extracted text (the source the FY2561 content was transcribed from), kept in the repository.
const seedPath = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'seed', '000_88beeecb13fb6cc5.txt');
const seedFallback = [
  'แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. 2561', 'ของเงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู',
  'ปี่ ปั่น ปั้น ญี่ปุ่น น้ำ ฤดู ฤๅษี ไปๆ มาๆ ๑๒๓ ฐูญู ฝั่ง ฟื้น Mixed Latin 2561',
];
function seedLines(): string[] {
  const text = readFileSync(seedPath, 'utf8');
  return text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

describe('text extraction with pdftotext equals the text set', () => {
  it('every line of the seed plan, regular and bold', async () => {
    const lines = [...seedLines(), ...seedFallback];
    const theme = defaultTheme();
    const blocks: Block[] = lines.flatMap((l, i) => [{ type: 'paragraph', content: [{ text: l, bold: i % 3 === 0 }], spaceAfter: 4 } as Block]);
    const { bytes, layout } = await renderPdf({ sections: [{ blocks }] });
    const file = save(bytes);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    // expected: each laid-out line (what was set), in order
    const width = layout.pages[0]!.width - 85.04 - 56.69;
    const expected = lines.flatMap((l, i) => layoutParagraph([{ text: l, bold: i % 3 === 0 }], { family: theme.family, size: theme.size, lineHeight: theme.lineHeight, align: 'left', indent: 0 }, width).map((x) => x.text));
    const got = pdftotext(file, ['-nopgbrk']).split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);
    const mismatches = expected.map((e, i) => [e, got[i]] as const).filter(([e, g]) => e !== g);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(got.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(250);
  });

  it('marks corpus, distributed justification and mixed styles', async () => {
    const line = 'ปี่ ปั่น ปั้น ญี่ปุ่น น้ำ ก้ำ ฤดู ฤๅษี ไปๆ ๑๒๓ ฐูญู ฝั่ง ฟื้น ป่า Mixed Latin 2561';
    const { bytes } = await renderPdf({ sections: [{ blocks: [
      { type: 'paragraph', content: line },
      { type: 'paragraph', content: [{ text: 'ตัวหนา', bold: true }, { text: 'ตัวปกติ' }, { text: 'ตัวเอียง', italic: true }, { text: 'สีแดง', color: '#c00000' }] },
    ] }] });
    const got = pdftotext(save(bytes)).split('\n').filter(Boolean);
    expect(got[0]).toBe(line);
    expect(got[1]).toBe('ตัวหนาตัวปกติตัวเอียงสีแดง');
  });
});

function planTable(rows: number): Block {
  const body: TableRow[] = Array.from({ length: rows }, (_, i) => ({
    cells: [String(i + 1), `โครงการพัฒนาระบบสารสนเทศเพื่อการบริหารจัดการเงินทุนหมุนเวียน ลำดับ ${i + 1} `.repeat(1 + (i % 4)), 'ยุทธศาสตร์ที่ 1', `${(i + 1) * 15000}`],
  }));
  return {
    type: 'table', columns: [1, 6, 3, 2], headerFill: '#dde4f0',
    header: [{ cells: ['ลำดับ', 'กิจกรรม/โครงการ', 'ความสอดคล้อง', 'งบประมาณ'] }], rows: body,
  };
}

describe('tables', () => {
  it('split across pages with the header row repeated on each page', async () => {
    const { bytes, layout } = await renderPdf({ page: { orientation: 'landscape' }, sections: [{ blocks: [planTable(40)] }] });
    expect(layout.pages.length).toBeGreaterThan(2);
    expect(layout.pages[0]!.width).toBeGreaterThan(layout.pages[0]!.height);
    const file = save(bytes);
    for (let p = 1; p <= layout.pages.length; p++) {
      const text = pdftotext(file, ['-f', String(p), '-l', String(p)]);
      expect(text, `page ${p}`).toContain('กิจกรรม/โครงการ');
    }
    // every row number appears
    const all = pdftotext(file);
    for (let i = 1; i <= 40; i++) expect(all).toContain(`ลำดับ ${i}`);
  });
  it('a row taller than the rest of the page continues on the next page', async () => {
    const long = 'ข้อความยาวมากในเซลล์ที่ต้องแบ่งข้ามหน้า '.repeat(120);
    const { layout } = await renderPdf({ sections: [{ blocks: [
      { type: 'paragraph', content: 'ย่อหน้าก่อนตาราง' },
      { type: 'table', columns: [1, 3], header: [{ cells: ['หัว', 'เนื้อหา'] }], rows: [{ cells: ['1', long] }] },
    ] }] });
    expect(layout.pages.length).toBeGreaterThan(1);
    // the first page holds part of the row (not moved whole)
    const textsOnFirst = layout.pages[0]!.items.filter((i) => i.kind === 'text').map((i) => (i.kind === 'text' ? i.shaped.text : ''));
    expect(textsOnFirst.some((t) => t.includes('ข้อความ'))).toBe(true);
  });
});

describe('document', () => {
  const spec = (pageOf: (id: string) => string | undefined): DocumentSpec => ({
    meta: { title: 'ทดสอบ', author: 'กลุ่มติดตามการดำเนินงานเงินทุนหมุนเวียน' },
    page: { footer: { center: 'หน้า {page}' }, numbering: 'thai' },
    sections: [
      { blocks: [
        { type: 'heading', level: 1, content: 'สารบัญ', id: 'toc' },
        { type: 'paragraph', content: [{ text: `บทที่ ๑ ..... ${pageOf('ch1') ?? '?'}`, link: '#ch1' }] },
        { type: 'paragraph', content: `ตาราง ..... ${pageOf('tbl') ?? '?'}` },
      ] },
      { blocks: [
        { type: 'heading', level: 1, content: 'บทที่ ๑', id: 'ch1' },
        ...markdownToBlocks('ย่อหน้า **ตัวหนา** และ [ลิงก์](https://example.com)\n\n1. ข้อหนึ่ง\n2. ข้อสอง\n\n- ก\n- ข'),
        { type: 'heading', level: 2, content: 'ตาราง', id: 'tbl' },
        planTable(12),
      ] },
      { page: { orientation: 'landscape' }, blocks: [{ type: 'canvas', height: 100, draw: (c) => { c.rect(0, 0, 100, 50, { fill: '#3a6' }); c.text(10, 30, 'แผนภูมิ'); } }] },
    ],
  });
  it('same input, same bytes', async () => {
    const a = await renderPdfWithPageRefs(spec);
    const b = await renderPdfWithPageRefs(spec);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const raw = Buffer.from(a.bytes).toString('latin1');
    expect(raw).not.toMatch(/CreationDate|ModDate|CreateDate|ModifyDate/);
    // the file ID (PDF/A) is a hash of the content: the same for the same input, another for other content
    const id = (s: string) => /\/ID \[ <([0-9A-F]{32})> <\1> \]/.exec(s)?.[1];
    expect(id(raw)).toBeDefined();
    const other = await renderPdf({ sections: [{ blocks: [{ type: 'paragraph', content: 'อื่น' }] }] });
    expect(id(Buffer.from(other.bytes).toString('latin1'))).not.toBe(id(raw));
  });
  it('fills page references (TOC), outline, links, page labels with Thai digits; qpdf clean', async () => {
    const { bytes, layout } = await renderPdfWithPageRefs(spec);
    const file = save(bytes);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    const text = pdftotext(file, ['-f', '1', '-l', '1']);
    expect(text).toContain('บทที่ ๑ ..... ๒');
    expect(text).toContain('หน้า ๑');
    expect(layout.outline.map((o) => o.title)).toEqual(['สารบัญ', 'บทที่ ๑', 'ตาราง']);
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pages', '--json-key=outlines', '--json-key=pagelabels', file], { encoding: 'utf8' })) as { pages: unknown[]; outlines: Array<{ title: string }>; pagelabels: unknown[] };
    expect(json.outlines.map((o) => o.title)).toEqual(['สารบัญ', 'บทที่ ๑']);
    expect(json.pagelabels.length).toBeGreaterThan(0);
    const raw = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1' });
    expect(raw).toContain('/Lang (th-TH)');
    expect(raw).toMatch(/\/URI \(https:\/\/example.com\)/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Sarabun-Regular/);
    expect(raw).toContain('/CIDToGIDMap /Identity');
    expect(raw).toContain('/ActualText');
  });
});

describe('images', () => {
  it('embeds a PNG at the requested size', async () => {
    const { deflateSync, crc32 } = await import('node:zlib');
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
      const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
      return Buffer.concat([len, td, crc]);
    };
    const w = 4, h = 2;
    const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
    const raw = Buffer.alloc((w * 3 + 1) * h, 0x80);
    for (let y = 0; y < h; y++) raw[y * (w * 3 + 1)] = 0;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
    const { imageFromBytes } = await import('./index.ts');
    const image = imageFromBytes(new Uint8Array(png));
    expect([image.width, image.height]).toEqual([4, 2]);
    const { bytes, layout } = await renderPdf({ sections: [{ blocks: [{ type: 'image', image, width: 100, align: 'center' }] }] });
    const it = layout.pages[0]!.items.find((i) => i.kind === 'image');
    expect(it && it.kind === 'image' ? [it.w, it.h] : []).toEqual([100, 50]);
    const file = save(bytes);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/\s4\s+2\s/);
  });
});

describe('writer', () => {
  it("cross-reference entries keep pdf-lib's order (by object number), placed without a linear scan", async () => {
    const { PDFCrossRefStream, PDFDict, PDFContext, PDFRef } = await import('@cantoo/pdf-lib');
    const ctx = PDFContext.create();
    const xref = PDFCrossRefStream.create(PDFDict.withContext(ctx));
    const order = [5, 3, 9, 1, 7, 7, 2, 10, 4];
    for (const n of order) xref.addUncompressedEntry(PDFRef.of(n), n * 10);
    const numbers = (xref as unknown as { entries: Array<{ ref: { objectNumber: number } }> }).entries.map((e) => e.ref.objectNumber);
    expect(numbers).toEqual([0, ...[...order].sort((a, b) => a - b)]); // 0: the free-list head create() adds
    // 100,000 entries in ascending order (as a save writes them): pdf-lib's scan took ~5·10⁹ steps for this
    const big = PDFCrossRefStream.create(PDFDict.withContext(ctx));
    const t0 = performance.now();
    for (let i = 1; i <= 100_000; i++) big.addCompressedEntry(PDFRef.of(i), PDFRef.of(0), i);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

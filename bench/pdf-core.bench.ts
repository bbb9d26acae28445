// Benchmark of the PDF typesetting core (src/pdf): a 100-page Thai document (paragraphs from the seed plan, headings,
// a table every few pages), built several times; median milliseconds and output bytes. Plain pdf-lib drawText of the
// same lines (one line per drawText, no shaping, no line breaking — and wrong Thai) beside it for scale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
// @ts-expect-error fontkit 2 ships no type declarations
import * as fontkit from 'fontkit';
import { renderPdf, sarabunPath, type Block, type DocumentSpec } from '../src/pdf/index.ts';

const seedPath = join(import.meta.dirname, '..', '..', 'shared', 'seed', '000_88beeecb13fb6cc5.txt');
let lines: string[];
try {
  lines = readFileSync(seedPath, 'utf8').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
} catch {
  lines = ['แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. 2561 ของเงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู ปี่ ปั่น ปั้น ญี่ปุ่น น้ำ'];
}

function spec(pages: number): DocumentSpec {
  const blocks: Block[] = [];
  let i = 0;
  // roughly 2 paragraphs of ~6 lines plus a small table per page; stop by page count after layout
  for (let p = 0; p < pages * 1.2; p++) {
    blocks.push({ type: 'heading', level: 2, content: `หัวข้อที่ ${p + 1} ${lines[i % lines.length]!.slice(0, 40)}`, id: `h${p}` });
    for (let k = 0; k < 3; k++) {
      blocks.push({ type: 'paragraph', content: lines.slice(i, i + 6).join(' '), indent: 36, align: k === 1 ? 'distributed' : 'left' });
      i = (i + 6) % (lines.length - 6);
    }
    if (p % 3 === 0) blocks.push({ type: 'table', columns: [1, 5, 2], header: [{ cells: ['ลำดับ', 'กิจกรรม/โครงการ', 'งบประมาณ'] }], rows: [1, 2, 3].map((r) => ({ cells: [String(r), lines[(i + r) % lines.length]!, '15,000'] })) });
  }
  return { meta: { title: 'เกณฑ์วัด 100 หน้า' }, page: { footer: { center: '{page}' } }, sections: [{ blocks }] };
}

// calibrate to 100 pages
let n = 100;
let s = spec(n);
let pagesOut = (await renderPdf(s)).layout.pages.length;
n = Math.max(1, Math.round((n * 100) / pagesOut));
s = spec(n);
let first = await renderPdf(s);
while (first.layout.pages.length > 100 && n > 1) { n--; s = spec(n); first = await renderPdf(s); }
pagesOut = first.layout.pages.length;
const setLines = first.layout.pages.flatMap((p) => p.items).filter((it) => it.kind === 'text').length;

const median = (xs: number[]) => { const a = [...xs].sort((x, y) => x - y); return a[Math.floor(a.length / 2)]!; };
const RUNS = 5;
const ours: number[] = [];
let oursBytes = 0;
for (let r = 0; r < RUNS; r++) {
  const t = performance.now();
  const { bytes } = await renderPdf(s);
  ours.push(performance.now() - t);
  oursBytes = bytes.length;
}

// plain pdf-lib: the same text lines laid out by our engine, drawn with drawText (no shaping) at the same positions
const fontBytes = readFileSync(sarabunPath('400Regular'));
// pdf-lib 1.17 expects @pdf-lib/fontkit (subset.encodeStream); fontkit 2 has subset.encode(): adapt it.
const fk = {
  create(buf: Uint8Array) {
    const font = (fontkit as unknown as { create(b: Uint8Array): { createSubset(): { encode(): Uint8Array } } }).create(buf);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const sub = createSubset() as { encode(): Uint8Array; encodeStream?: () => unknown };
      sub.encodeStream = () => {
        const data = sub.encode();
        return { on(ev: string, cb: (x?: Uint8Array) => void) { if (ev === 'data') cb(data); if (ev === 'end') cb(); return this; } };
      };
      return sub;
    };
    return font;
  },
};
const lineTexts = first.layout.pages.map((p) => p.items.flatMap((it) => (it.kind === 'text' ? [{ text: it.shaped.text, x: it.x, y: p.height - it.y, size: it.size }] : [])));
const plain: number[] = [];
let plainBytes = 0;
for (let r = 0; r < RUNS; r++) {
  const t = performance.now();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fk as never);
  const font = await doc.embedFont(fontBytes, { subset: true });
  for (const items of lineTexts) {
    const page = doc.addPage([595.28, 841.89]);
    for (const it of items) page.drawText(it.text, { x: it.x, y: it.y, size: it.size, font });
  }
  const bytes = await doc.save();
  plain.push(performance.now() - t);
  plainBytes = bytes.length;
}

const fmt = (x: number) => x.toFixed(0).padStart(8);
console.log(`${pagesOut} pages, ${setLines} text items, median of ${RUNS} runs (first run in process included: ${ours[0]!.toFixed(0)} ms)`);
console.log('engine                         ms      bytes');
console.log(`src/pdf (HarfBuzz, subset) ${fmt(median(ours))} ${String(oursBytes).padStart(10)}`);
console.log(`pdf-lib drawText (no Thai) ${fmt(median(plain))} ${String(plainBytes).padStart(10)}`);

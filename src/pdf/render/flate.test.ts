import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../index.ts';

/** Every stream of a PDF file: its dictionary's text and its raw bytes (by /Length, direct lengths only, as we write them). */
function streams(bytes: Uint8Array): Array<{ dict: string; data: Buffer }> {
  const file = Buffer.from(bytes);
  const text = file.toString('latin1');
  const out: Array<{ dict: string; data: Buffer }> = [];
  for (const m of text.matchAll(/<<((?:(?!stream\r?\n)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const start = m.index + m[0].length;
    out.push({ dict: m[1]!, data: file.subarray(start, start + length) });
  }
  return out;
}

describe('stream compression', () => {
  it('compresses content, font and object streams with Node\'s zlib, and they inflate to what was written', async () => {
    const { bytes } = await renderPdf({ sections: [{ blocks: [{ type: 'heading', level: 1, content: 'หนี้สินข้าราชการครู' }, { type: 'paragraph', content: 'ปี่ ปั่น ปั้น น้ำ ฤๅษี 2561' }] }] });
    const all = streams(bytes);
    const objectStreams = all.filter((s) => s.dict.includes('/Type /ObjStm'));
    expect(objectStreams.length).toBeGreaterThan(0);
    const flate = all.filter((s) => s.dict.includes('/FlateDecode') && !s.dict.includes('/Type /XRef'));
    expect(flate.length).toBeGreaterThanOrEqual(objectStreams.length + 3); // + a page's content, a font file, its ToUnicode
    for (const s of objectStreams) expect(s.dict).toContain('/Filter /FlateDecode');
    for (const s of flate) {
      const plain = inflateSync(s.data);
      expect(deflateSync(plain).equals(s.data)).toBe(true);
    }
    const objects = objectStreams.map((s) => inflateSync(s.data).toString('latin1')).join('\n');
    expect(objects).toContain('/Type /FontDescriptor');
  });
});

/**
 * Minimal reader of the sfnt (TrueType/OpenType) tables the PDF writer needs: metrics from head, hhea, maxp,
 * OS/2, post, hmtx and the PostScript name. Shaping itself is HarfBuzz's job (see ../shape/shaper.ts).
 */

export interface SfntInfo {
  unitsPerEm: number;
  numGlyphs: number;
  /** bbox in font units [xMin, yMin, xMax, yMax] */
  bbox: [number, number, number, number];
  ascender: number;
  descender: number;
  lineGap: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  weightClass: number;
  isFixedPitch: boolean;
  postscriptName: string;
  /** advance width of each glyph, font units */
  advances: Uint16Array;
  /** true when the file is a TrueType-outline font (glyf), as PDF's CIDFontType2 / FontFile2 require */
  isTrueType: boolean;
}

function tables(data: Uint8Array): Map<string, { offset: number; length: number }> {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const n = dv.getUint16(4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(data[rec]!, data[rec + 1]!, data[rec + 2]!, data[rec + 3]!);
    out.set(tag, { offset: dv.getUint32(rec + 8), length: dv.getUint32(rec + 12) });
  }
  return out;
}

export function readSfnt(data: Uint8Array): SfntInfo {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const sig = dv.getUint32(0);
  if (sig !== 0x00010000 && sig !== 0x74727565 /* 'true' */ && sig !== 0x4f54544f /* 'OTTO' */) {
    throw new Error('Not a TrueType/OpenType font (WOFF/WOFF2 must be decompressed first)');
  }
  const t = tables(data);
  const need = (tag: string) => {
    const r = t.get(tag);
    if (!r) throw new Error(`Font lacks the ${tag} table`);
    return r.offset;
  };
  const head = need('head');
  const hhea = need('hhea');
  const maxp = need('maxp');
  const hmtx = need('hmtx');
  const unitsPerEm = dv.getUint16(head + 18);
  const bbox: [number, number, number, number] = [
    dv.getInt16(head + 36), dv.getInt16(head + 38), dv.getInt16(head + 40), dv.getInt16(head + 42),
  ];
  const numGlyphs = dv.getUint16(maxp + 4);
  let ascender = dv.getInt16(hhea + 4);
  let descender = dv.getInt16(hhea + 6);
  let lineGap = dv.getInt16(hhea + 8);
  const numH = dv.getUint16(hhea + 34);
  const advances = new Uint16Array(numGlyphs);
  let last = 0;
  for (let g = 0; g < numGlyphs; g++) {
    if (g < numH) last = dv.getUint16(hmtx + g * 4);
    advances[g] = last;
  }
  let capHeight = Math.round(unitsPerEm * 0.7);
  let xHeight = Math.round(unitsPerEm * 0.5);
  let weightClass = 400;
  const os2 = t.get('OS/2');
  if (os2) {
    const o = os2.offset;
    const version = dv.getUint16(o);
    weightClass = dv.getUint16(o + 4);
    const useTypo = (dv.getUint16(o + 62) & (1 << 7)) !== 0;
    if (useTypo) {
      ascender = dv.getInt16(o + 68);
      descender = dv.getInt16(o + 70);
      lineGap = dv.getInt16(o + 72);
    }
    if (version >= 2 && os2.length >= 96) {
      xHeight = dv.getInt16(o + 86);
      capHeight = dv.getInt16(o + 88);
    }
  }
  let italicAngle = 0;
  let isFixedPitch = false;
  const post = t.get('post');
  if (post) {
    italicAngle = dv.getInt32(post.offset + 4) / 65536;
    isFixedPitch = dv.getUint32(post.offset + 12) !== 0;
  }
  return {
    unitsPerEm, numGlyphs, bbox, ascender, descender, lineGap, capHeight, xHeight, italicAngle, weightClass,
    isFixedPitch, postscriptName: readPostscriptName(data, t) ?? 'Font', advances, isTrueType: t.has('glyf'),
  };
}

function readPostscriptName(data: Uint8Array, t: Map<string, { offset: number; length: number }>): string | undefined {
  const name = t.get('name');
  if (!name) return undefined;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const base = name.offset;
  const count = dv.getUint16(base + 2);
  const strings = base + dv.getUint16(base + 4);
  for (let i = 0; i < count; i++) {
    const r = base + 6 + i * 12;
    const platform = dv.getUint16(r);
    const nameId = dv.getUint16(r + 6);
    if (nameId !== 6) continue;
    const len = dv.getUint16(r + 8);
    const off = strings + dv.getUint16(r + 10);
    let s = '';
    if (platform === 3 || platform === 0) {
      for (let k = 0; k < len; k += 2) s += String.fromCharCode(dv.getUint16(off + k));
    } else {
      for (let k = 0; k < len; k++) s += String.fromCharCode(data[off + k]!);
    }
    s = s.replace(/[^\x21-\x7e]/g, '').replace(/[()<>[\]{}/%#]/g, '');
    if (s) return s;
  }
  return undefined;
}

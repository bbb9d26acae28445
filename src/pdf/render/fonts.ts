/**
 * Fonts: each font used becomes a Type0 / CIDFontType2 (Identity-H) font with its glyphs subset by hb-subset (ids
 * retained), a W widths array and a ToUnicode CMap of what the content streams recorded.
 */
import { createHash } from 'node:crypto';
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { PDFString } from '@cantoo/pdf-lib';
import type { PdfFont } from '../font/font.ts';
import { subsetFont } from '../font/subset.ts';
import { flateStream } from './flate.ts';
import { utf16Hex, type FontUse } from './text-content.ts';

/** The fonts of one document, each with its resource name (F1, F2, … in order of first use). */
export class FontRegistry {
  readonly uses = new Map<string, FontUse>();

  use(font: PdfFont): FontUse {
    let u = this.uses.get(font.key);
    if (!u) {
      u = { font, resName: `F${this.uses.size + 1}`, gids: new Set(), toUnicode: new Map() };
      this.uses.set(font.key, u);
    }
    return u;
  }

  /** embed every font, once all text is written (the glyph sets are complete) */
  embed(doc: PDFDocument): Map<FontUse, PDFRef> {
    const refs = new Map<FontUse, PDFRef>();
    for (const use of this.uses.values()) refs.set(use, embedFont(doc, use));
    return refs;
  }
}

function subsetTag(use: FontUse): string {
  const h = createHash('sha256').update(use.font.key).update([...use.gids].sort((a, b) => a - b).join(',')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (h[i]! % 26));
  return tag;
}

function toUnicodeCMap(use: FontUse): string {
  const entries = [...use.toUnicode.entries()].sort((a, b) => a[0] - b[0]);
  const hex = (g: number) => g.toString(16).padStart(4, '0').toUpperCase();
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [g, s] of chunk) lines.push(`<${hex(g)}> <${utf16Hex(s).slice(4)}>`);
    lines.push('endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    ...lines, 'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

function embedFont(doc: PDFDocument, use: FontUse): PDFRef {
  const ctx = doc.context;
  const { info } = use.font;
  const k = 1000 / info.unitsPerEm;
  const s = (n: number) => Math.round(n * k);
  const gids = [...use.gids].sort((a, b) => a - b);
  const subset = subsetFont(use.font.data, gids);
  const name = `${subsetTag(use)}+${info.postscriptName}`;
  const fontFile = ctx.register(flateStream(ctx, subset, { Length1: subset.length }));
  let flags = 4; // symbolic (glyphs outside the standard Latin set)
  if (info.isFixedPitch) flags |= 1;
  if (info.italicAngle !== 0) flags |= 64;
  const descriptor = ctx.register(ctx.obj({
    Type: 'FontDescriptor', FontName: name, Flags: flags,
    FontBBox: info.bbox.map(s), ItalicAngle: info.italicAngle,
    Ascent: s(info.ascender), Descent: s(info.descender), CapHeight: s(info.capHeight), XHeight: s(info.xHeight),
    StemV: info.weightClass >= 600 ? 120 : 80, FontFile2: fontFile,
  } as never));
  // W: runs of consecutive gids
  const w: unknown[] = [];
  let i = 0;
  while (i < gids.length) {
    const start = gids[i]!;
    const widths: number[] = [];
    let j = i;
    while (j < gids.length && gids[j] === start + (j - i)) { widths.push(Math.round(info.advances[gids[j]!]! * k * 1000) / 1000); j++; }
    w.push(start, widths);
    i = j;
  }
  const cid = ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'CIDFontType2', BaseFont: name,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor, DW: 1000, W: w, CIDToGIDMap: 'Identity',
  } as never));
  const toUni = ctx.register(flateStream(ctx, toUnicodeCMap(use)));
  return ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cid], ToUnicode: toUni,
  } as never));
}

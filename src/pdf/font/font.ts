/**
 * A loaded font: the raw TrueType bytes (embedded later as a subset), its metrics, and a HarfBuzz font for shaping.
 */
import * as hb from 'harfbuzzjs';
import { readSfnt, type SfntInfo } from './sfnt.ts';

export interface PdfFont {
  /** unique, stable key (derived from the PostScript name and a content hash) */
  readonly key: string;
  readonly data: Uint8Array;
  readonly info: SfntInfo;
  readonly hbFont: hb.Font;
}

function fnv1a(data: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i += 7) { h ^= data[i]!; h = Math.imul(h, 0x01000193) >>> 0; }
  h ^= data.length; h = Math.imul(h, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const loaded = new Map<string, PdfFont>();

/** Load a TTF/OTF (TrueType outlines) font. The same bytes give the same object. */
export function loadFont(data: Uint8Array): PdfFont {
  const info = readSfnt(data);
  if (!info.isTrueType) throw new Error(`${info.postscriptName}: only TrueType-outline fonts (glyf) are supported`);
  const key = `${info.postscriptName}-${fnv1a(data)}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  const face = new hb.Face(new hb.Blob(data), 0);
  const hbFont = new hb.Font(face);
  const font: PdfFont = { key, data, info, hbFont };
  loaded.set(key, font);
  return font;
}

/** A family: the fonts a paragraph may switch between with bold/italic runs. Missing styles fall back to regular. */
export interface FontFamily {
  regular: PdfFont;
  bold?: PdfFont;
  italic?: PdfFont;
  boldItalic?: PdfFont;
}

export function pickFont(family: FontFamily, bold = false, italic = false): PdfFont {
  if (bold && italic) return family.boldItalic ?? family.bold ?? family.italic ?? family.regular;
  if (bold) return family.bold ?? family.regular;
  if (italic) return family.italic ?? family.regular;
  return family.regular;
}

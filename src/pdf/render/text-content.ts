/**
 * Writing shaped text into a PDF content stream, and recording what each font's ToUnicode map must say.
 *
 * Glyphs are placed exactly where HarfBuzz put them: the PDF text position advances by the glyph's width from the
 * W array after each glyph, so before each glyph the writer adds a TJ adjustment for the difference between that
 * and the shaped origin (pen + x offset); a y offset becomes a text rise (Ts), which ends the TJ array.
 * Clusters whose glyphs and characters do not map one to one (น้ำ: 3 glyphs for 2 characters after น; or a glyph
 * already mapped to other text) are wrapped in /Span <</ActualText …>> BDC … EMC.
 */
import { PDFHexString } from '@cantoo/pdf-lib';
import type { PdfFont } from '../font/font.ts';
import type { TextItem } from './items.ts';
import { rgb } from './items.ts';

/** Per-font usage collected while writing: glyphs used and the ToUnicode text of each glyph. */
export interface FontUse {
  font: PdfFont;
  resName: string;
  gids: Set<number>;
  toUnicode: Map<number, string>;
}

export const fmt = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

/** 4-digit hex of a glyph id or UTF-16 unit, made once per value: a book writes it for every glyph it draws */
const HEX4: string[] = [];
const hex4 = (n: number) => (HEX4[n] ??= n.toString(16).padStart(4, '0'));

export function utf16Hex(s: string): string {
  let out = 'FEFF';
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
  return out.toUpperCase();
}

/** a PDF text string (titles, labels, bookmarks): UTF-16BE with BOM, as hex */
export function textString(s: string): PDFHexString {
  return PDFHexString.of(utf16Hex(s));
}

export function nominalGlyph(font: PdfFont, ch: string): number | undefined {
  return font.hbFont.nominalGlyph(ch.codePointAt(0)!);
}

/** Where a shaped cluster's glyphs come from (Latin, Thai, punctuation; not the private use area). */
const REVERSE_RANGES: Array<[number, number]> = [[0x20, 0x24f], [0xe00, 0xe7f], [0x2000, 0x206f], [0x20a0, 0x20cf]];
const reverse = new WeakMap<PdfFont, Map<number, string>>();

/** The character whose own glyph `gid` is (ํ and า for the two glyphs of a decomposed ำ), if any. */
function characterOf(font: PdfFont, gid: number): string | undefined {
  let m = reverse.get(font);
  if (!m) {
    m = new Map();
    for (const [a, b] of REVERSE_RANGES) {
      for (let cp = a; cp <= b; cp++) { const g = font.hbFont.nominalGlyph(cp); if (g && !m.has(g)) m.set(g, String.fromCodePoint(cp)); }
    }
    reverse.set(font, m);
  }
  return m.get(gid);
}

const oneCharacter = (s: string) => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);

/**
 * Write one text item. Clusters that need it get /ActualText spans of their own; with `whole` (tagged output)
 * none are written and the result says whether the caller must give the whole item one /ActualText, on its
 * marked-content sequence: an MCID sequence never holds nested marked content, whose end Poppler's
 * structure-text extraction takes for the end of the sequence.
 */
export function writeText(out: string[], item: TextItem, use: FontUse, pageHeight: number, whole = false): boolean {
  const { shaped, size } = item;
  const font = shaped.font;
  const upem = font.info.unitsPerEm;
  const k = 1000 / upem;
  const [r, g, b] = rgb(item.color);
  out.push('BT', `/${use.resName} ${fmt(size)} Tf`, `${fmt(r)} ${fmt(g)} ${fmt(b)} rg`, `1 0 0 1 ${fmt(item.x)} ${fmt(pageHeight - item.y)} Tm`);
  let tj: string[] = [];
  let hexRun = '';
  const flushHex = () => { if (hexRun) { tj.push(`<${hexRun}>`); hexRun = ''; } };
  const flush = () => { flushHex(); if (tj.length) { out.push(`[${tj.join('')}] TJ`); tj = []; } };
  let cur = 0; // current text position, 1/1000 em, from the item origin
  let pen = 0;
  let rise = 0;
  const gapUnits = item.gapExtra ? (item.gapExtra * 1000) / size : 0;
  const gapAt = new Set(item.gapAt);
  let anyActual = false;
  for (let ci = 0; ci < shaped.clusters.length; ci++) {
    const cl = shaped.clusters[ci]!;
    if (gapUnits && gapAt.has(ci)) pen += gapUnits;
    let actual = false;
    if (cl.glyphEnd - cl.glyphStart === 1 && oneCharacter(cl.text)) {
      const gid = shaped.gids[cl.glyphStart]!;
      const have = use.toUnicode.get(gid);
      if (have === undefined) use.toUnicode.set(gid, cl.text);
      else if (have !== cl.text) actual = true;
    } else {
      actual = cl.text.length > 0 || cl.glyphEnd > cl.glyphStart;
      const chars = [...cl.text];
      let unmatched: string[] | undefined;
      for (let gi = cl.glyphStart; gi < cl.glyphEnd; gi++) {
        const gid = shaped.gids[gi]!;
        if (use.toUnicode.has(gid)) continue;
        unmatched ??= chars.filter((ch) => !shaped.gids.slice(cl.glyphStart, cl.glyphEnd).includes(nominalGlyph(font, ch) ?? -1));
        // Every glyph needs a ToUnicode entry (PDF/A-2u), also one that is no character of the cluster's own: the
        // character it is the glyph of (readers without /ActualText then see ํ + า for ำ), else, for a glyph no
        // character has (a shifted mark, a ligature), the cluster's characters without a glyph, in order.
        // Exact extraction is unaffected: the cluster's /ActualText overrides these.
        const ch = chars.find((c) => nominalGlyph(font, c) === gid) ?? characterOf(font, gid) ?? unmatched.shift() ?? chars[chars.length - 1];
        if (ch !== undefined) use.toUnicode.set(gid, ch);
      }
    }
    anyActual ||= actual;
    const span = actual && !whole;
    if (span) { flush(); out.push(`/Span <</ActualText <${utf16Hex(cl.text)}>>> BDC`); }
    let penEnd = pen;
    for (let gi = cl.glyphStart; gi < cl.glyphEnd; gi++) penEnd += shaped.ax[gi]! * k;
    for (let gi = cl.glyphStart; gi < cl.glyphEnd; gi++) {
      const gid = shaped.gids[gi]!;
      use.gids.add(gid);
      const wantX = pen + shaped.dx[gi]! * k;
      const wantRise = (shaped.dy[gi]! * k * size) / 1000;
      if (Math.abs(wantRise - rise) > 1e-6) { flush(); out.push(`${fmt(wantRise)} Ts`); rise = wantRise; }
      const adj = cur - wantX;
      if (Math.abs(adj) > 0.0005) { flushHex(); tj.push(fmt(adj)); }
      const natural = wantX + font.info.advances[gid]! * k;
      // Poppler takes an ActualText span's extent from its first glyph's origin to its last glyph's end. When the
      // last glyph is a mark (zero width, drawn back over its base), stretch its advance with character spacing
      // so the span ends where the cluster does; otherwise pdftotext sees a gap and inserts a space.
      if (actual && gi === cl.glyphEnd - 1 && Math.abs(penEnd - natural) > 0.5) {
        flush();
        out.push(`${fmt(((penEnd - natural) * size) / 1000)} Tc`);
        hexRun += hex4(gid);
        flush();
        out.push('0 Tc');
        cur = penEnd;
      } else {
        hexRun += hex4(gid);
        cur = natural;
      }
      pen += shaped.ax[gi]! * k;
    }
    if (span) { flush(); out.push('EMC'); }
  }
  flush();
  if (rise !== 0) out.push('0 Ts');
  out.push('ET');
  return anyActual;
}

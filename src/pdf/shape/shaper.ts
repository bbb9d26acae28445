/**
 * Text shaping.
 *
 * Choice: HarfBuzz itself (harfbuzzjs, the WebAssembly build that Satori also uses), not fontkit. HarfBuzz has a
 * real Thai shaper (sara am decomposition and reordering, PUA fallbacks, mark positioning through GPOS mark/mkmk),
 * so glyph ids and positions equal HarfBuzz's by construction, and the corpus test checks them against the
 * `hb-shape` command-line tool (a separately built HarfBuzz) through a recorded fixture. fontkit 2 has no Thai
 * shaper and would need sara am and script-run work-arounds to match.
 *
 * Text is itemized into Thai and non-Thai runs (common characters — spaces, digits, punctuation — join the run
 * before them), each run shaped with its script and language set, at HarfBuzz's default cluster level 0 (monotone
 * graphemes): a base consonant and its marks form one cluster. The PDF writer maps a one-glyph one-character cluster
 * through ToUnicode and wraps every other cluster (ปี่: 3 glyphs, น้ำ: 4 glyphs for 3 characters) in an ActualText
 * span. That is deliberate: poppler's pdftotext treats a zero-width mark drawn right of the next glyph's origin
 * (Sarabun Bold's ี has x offset +11) as overlapping "duplicate" text and splits the word there; with ActualText it
 * takes the span's text as a whole. Measured: exact extraction of every line of the seed plan.
 */
import * as hb from 'harfbuzzjs';
import type { PdfFont } from '../font/font.ts';

export interface ShapedCluster {
  /** the characters of this cluster */
  text: string;
  /** glyph index range [glyphStart, glyphEnd) in Shaped.glyphs */
  glyphStart: number;
  glyphEnd: number;
}

/** Shaped text, positions in font units. */
export interface Shaped {
  font: PdfFont;
  text: string;
  gids: number[];
  /** advance, x offset, y offset of each glyph */
  ax: number[];
  dx: number[];
  dy: number[];
  clusters: ShapedCluster[];
  /** total advance, font units */
  advance: number;
}

export function isThai(cp: number): boolean {
  return cp >= 0x0e00 && cp <= 0x0e7f;
}

function isCommon(cp: number): boolean {
  // spaces, ASCII digits and punctuation, general punctuation: neutral, follow the surrounding script
  return cp <= 0x40 || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0xbf) || (cp >= 0x2000 && cp <= 0x206f)
    || cp === 0x0e3f /* ฿ is Thai anyway */;
}

/** Split into [start, end, thai] runs. */
export function scriptRuns(text: string): Array<[number, number, boolean]> {
  const runs: Array<[number, number, boolean]> = [];
  let start = 0;
  let cur: boolean | undefined;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (!isCommon(cp) || (cp >= 0x0e00 && cp <= 0x0e7f)) {
      const t = isThai(cp);
      if (cur === undefined) cur = t;
      else if (t !== cur) { runs.push([start, i, cur]); start = i; cur = t; }
    }
    i += len;
  }
  if (text.length > start) runs.push([start, text.length, cur ?? false]);
  return runs;
}

const buffer = new hb.Buffer();
const caches = new Map<string, Map<string, Shaped>>();
const CACHE_LIMIT = 100_000;

/** Shape text with a font (cached per font and string). */
export function shape(font: PdfFont, text: string): Shaped {
  let cache = caches.get(font.key);
  if (!cache) { cache = new Map(); caches.set(font.key, cache); }
  const hit = cache.get(text);
  if (hit) return hit;
  const out = shapeUncached(font, text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

export function shapeUncached(font: PdfFont, text: string): Shaped {
  const out: Shaped = { font, text, gids: [], ax: [], dx: [], dy: [], clusters: [], advance: 0 };
  for (const [start, end, thai] of scriptRuns(text)) {
    buffer.clearContents();
    buffer.addText(text, start, end - start);
    buffer.setDirection(hb.Direction.LTR);
    if (thai) { buffer.setScript('Thai'); buffer.setLanguage('th'); } else buffer.guessSegmentProperties();
    buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_GRAPHEMES);
    hb.shape(font.hbFont, buffer);
    const infos = buffer.getGlyphInfos();
    const pos = buffer.getGlyphPositions();
    const base = out.gids.length;
    for (let i = 0; i < infos.length; i++) {
      const p = pos[i]!;
      out.gids.push(infos[i]!.codepoint);
      out.ax.push(p.xAdvance);
      out.dx.push(p.xOffset);
      out.dy.push(p.yOffset);
      out.advance += p.xAdvance;
    }
    // clusters: consecutive glyphs with one cluster value; its text runs to the next cluster value
    let i = 0;
    while (i < infos.length) {
      const c = infos[i]!.cluster;
      let j = i + 1;
      while (j < infos.length && infos[j]!.cluster === c) j++;
      const next = j < infos.length ? infos[j]!.cluster : end;
      out.clusters.push({ text: text.slice(c, next), glyphStart: base + i, glyphEnd: base + j });
      i = j;
    }
  }
  return out;
}

// Text drawn from cached glyph masks, as a browser does, instead of as outlines in the SVG: a card draws the
// same few hundred glyphs over and over, and resvg filling ~1 MB of their outlines was half of a card's time.
//
// Each run Satori laid out is shaped with HarfBuzz (the PDF core's shaper: the same engine Satori measures
// with), each glyph's position rounded to an eighth of a pixel, and its coverage mask rasterised by resvg once
// per (font, glyph, size, phase), then composited onto the boxes resvg drew. A mask is rasterised
// on its own, never in an atlas, so the same key always gives the same bytes, whichever card made it first:
// builds stay deterministic across workers and job orders.
import { Resvg } from '@resvg/resvg-js';
import { loadFont, type PdfFont } from '../pdf/font/font.ts';
import { shape } from '../pdf/shape/shaper.ts';
import { loadFonts } from './fonts.ts';
import type { Drawn, SvgText } from './svg-text.ts';

/** Positions are rounded to 1/PHASES of a pixel. Skia's glyph cache uses quarters; measured against resvg
 *  filling the outlines, quarters left 0.11–0.23 % of a card's pixels different (pixelmatch 0.1), eighths
 *  at most 0.20 %, twentieths 0.19 %. */
const PHASES = 8;
/** Masks kept per process; past this the cache starts again (a card needs a few hundred). */
const MAX_MASKS = 50_000;

export interface PlacedGlyph {
  font: PdfFont;
  gid: number;
  size: number;
  /** The glyph's origin on the canvas. */
  x: number;
  y: number;
  rgb: [number, number, number];
  alpha: number;
  /** Its text's index in the texts shaped. */
  text: number;
}

export interface Ink { x0: number; y0: number; x1: number; y1: number }

export interface ShapedTexts {
  glyphs: PlacedGlyph[];
  /** The ink of every glyph together, or undefined without any. */
  ink?: Ink;
  /** Each text's ink with its index and place in the drawing order (texts without ink left out). */
  inks: Array<{ text: number; order: number } & Ink>;
}

let fonts: Array<{ weight: number; font: PdfFont }> | undefined;

/** The font CSS font matching picks for a weight from those loaded (src/infographics/fonts.ts). */
function fontFor(weight: number): PdfFont {
  fonts ??= loadFonts().map((f) => ({ weight: f.weight, font: loadFont(f.data) }));
  const exact = fonts.find((f) => f.weight === weight);
  if (exact) return exact.font;
  const lighter = fonts.filter((f) => f.weight < weight).sort((a, b) => b.weight - a.weight);
  const heavier = fonts.filter((f) => f.weight > weight).sort((a, b) => a.weight - b.weight);
  // CSS font matching: above 500 the nearest heavier weight first, otherwise the nearest lighter first.
  const order = weight > 500 ? [...heavier, ...lighter] : [...lighter, ...heavier];
  return order[0]!.font;
}

/** A glyph's ink box in font units, y up (`empty` for a space), and its outline, made when first drawn. */
interface GlyphInfo { x0: number; y0: number; x1: number; y1: number; empty: boolean; path?: string }
const glyphInfos = new Map<PdfFont, Map<number, GlyphInfo>>();

function glyphInfo(font: PdfFont, gid: number): GlyphInfo {
  let m = glyphInfos.get(font);
  if (!m) glyphInfos.set(font, (m = new Map()));
  let g = m.get(gid);
  if (!g) {
    const x = font.hbFont.glyphExtents(gid);
    g = x && x.width !== 0 && x.height !== 0
      ? { x0: x.xBearing, y0: x.yBearing + x.height, x1: x.xBearing + x.width, y1: x.yBearing, empty: false }
      : { x0: 0, y0: 0, x1: 0, y1: 0, empty: true };
    m.set(gid, g);
  }
  return g;
}

/** A glyph's outline as SVG path data in font units. */
function outline(font: PdfFont, gid: number): string {
  const g = glyphInfo(font, gid);
  return (g.path ??= font.hbFont.glyphToPath(gid));
}

/** Shapes each text at its place (a run is one word: Satori placed every word itself). */
export function shapeTexts(texts: SvgText[]): ShapedTexts {
  const glyphs: PlacedGlyph[] = [];
  const inks: ShapedTexts['inks'] = [];
  let all: Ink | undefined;
  for (const [index, t] of texts.entries()) {
    if (t.alpha === 0 || t.size <= 0 || !t.text.trim()) continue;
    const font = fontFor(t.weight);
    const s = t.size / font.info.unitsPerEm;
    const sh = shape(font, t.text);
    let pen = t.x;
    let ink: Ink | undefined;
    for (let i = 0; i < sh.gids.length; i++) {
      const gid = sh.gids[i]!;
      const x = pen + sh.dx[i]! * s;
      const y = t.y - sh.dy[i]! * s;
      pen += sh.ax[i]! * s;
      const e = glyphInfo(font, gid);
      if (e.empty) continue;
      glyphs.push({ font, gid, size: t.size, x, y, rgb: t.rgb, alpha: t.alpha, text: index });
      const g = { x0: x + e.x0 * s, y0: y - e.y1 * s, x1: x + e.x1 * s, y1: y - e.y0 * s };
      ink = ink ? union(ink, g) : g;
    }
    if (!ink) continue;
    inks.push({ text: index, order: t.order, ...ink });
    all = all ? union(all, ink) : ink;
  }
  return { glyphs, ink: all, inks };
}

const union = (a: Ink, b: Ink): Ink => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) });

/**
 * The texts that cannot be drawn last, on top of everything: something drawn after them in the SVG reaches
 * their ink (a pixel of anti-aliasing included), such as the next box's background under a line's Thai
 * descenders. Those stay in the SVG as outlines (see `outlinePaths`), so resvg paints them in order; a text
 * drawn after one of them that meets it must then stay too, so the texts are decided from the last back.
 */
export function inlineTexts(inks: ShapedTexts['inks'], drawn: Drawn[]): Set<number> {
  const inline = new Set<number>();
  const later: Ink[] = [];
  let i = drawn.length - 1;
  let reach: Ink | undefined; // everything in `later`, together
  for (let k = inks.length - 1; k >= 0; k--) {
    const t = inks[k]!;
    while (i >= 0 && drawn[i]!.order > t.order) { later.push(drawn[i]!); reach = reach ? union(reach, drawn[i]!) : drawn[i]!; i--; }
    if (!reach || !meets(reach, t) || !later.some((d) => meets(d, t))) continue;
    inline.add(t.text);
    later.push(t);
    reach = union(reach, t);
  }
  return inline;
}

/** A text's glyphs as one SVG path of outlines, in its own fill and opacity (its group's stays around it). */
export function outlinePaths(t: SvgText, glyphs: PlacedGlyph[]): string {
  let d = '';
  for (const g of glyphs) {
    const s = g.size / g.font.info.unitsPerEm;
    d += outline(g.font, g.gid).replace(/(-?[\d.]+),(-?[\d.]+)/g, (_, x: string, y: string) => `${round(g.x + Number(x) * s)},${round(g.y - Number(y) * s)}`);
  }
  if (!d) return '';
  const opacity = t.ownOpacity < 1 ? ` fill-opacity="${t.ownOpacity}"` : '';
  return `<path fill="${t.fill}"${opacity} d="${d}"/>`;
}

const round = (v: number) => Math.round(v * 100) / 100;

const meets = (a: Ink, b: Ink) => a.x0 - 1 < b.x1 && b.x0 < a.x1 + 1 && a.y0 - 1 < b.y1 && b.y0 < a.y1 + 1;

interface Mask { left: number; top: number; w: number; h: number; a: Uint8Array }
const masks = new Map<string, Mask>();

/** The glyph's coverage at a phase (qx, qy in 1/PHASES of a pixel), relative to the pixel its origin falls in. */
function mask(font: PdfFont, gid: number, size: number, qx: number, qy: number): Mask {
  const key = `${font.key}:${gid}:${size}:${qx}:${qy}`;
  const hit = masks.get(key);
  if (hit) return hit;
  const s = size / font.info.unitsPerEm;
  const e = glyphInfo(font, gid);
  const px = qx / PHASES, py = qy / PHASES;
  const left = Math.floor(px + e.x0 * s) - 1;
  const top = Math.floor(py - e.y1 * s) - 1;
  const w = Math.ceil(px + e.x1 * s) + 1 - left;
  const h = Math.ceil(py - e.y0 * s) + 1 - top;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<path fill="#fff" transform="matrix(${s} 0 0 ${-s} ${px - left} ${py - top})" d="${outline(font, gid)}"/></svg>`;
  const rgba = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, shapeRendering: 2 }).render().pixels;
  const a = new Uint8Array(w * h);
  for (let i = 0; i < a.length; i++) a[i] = rgba[i * 4 + 3]!;
  const m: Mask = { left, top, w, h, a };
  if (masks.size >= MAX_MASKS) masks.clear();
  masks.set(key, m);
  return m;
}

/** Forgets every mask made (a test's way to show that the order masks were made in changes no pixel). */
export function clearGlyphMasks(): void {
  masks.clear();
}

/**
 * Composites the glyphs onto premultiplied RGBA pixels (resvg's), in order: each glyph's colour over what is
 * there by its coverage, as resvg blends a fill (sRGB, premultiplied).
 */
export function drawGlyphs(px: Uint8Array, width: number, height: number, glyphs: PlacedGlyph[]): void {
  for (const g of glyphs) {
    let ox = Math.floor(g.x), oy = Math.floor(g.y);
    let qx = Math.round((g.x - ox) * PHASES), qy = Math.round((g.y - oy) * PHASES);
    if (qx === PHASES) { qx = 0; ox++; }
    if (qy === PHASES) { qy = 0; oy++; }
    const m = mask(g.font, g.gid, g.size, qx, qy);
    const [r, gr, b] = g.rgb;
    const A = g.alpha;
    const x0 = Math.max(0, ox + m.left), x1 = Math.min(width, ox + m.left + m.w);
    const y0 = Math.max(0, oy + m.top), y1 = Math.min(height, oy + m.top + m.h);
    for (let y = y0; y < y1; y++) {
      let mi = (y - oy - m.top) * m.w + (x0 - ox - m.left);
      let p = (y * width + x0) * 4;
      for (let x = x0; x < x1; x++, mi++, p += 4) {
        const c = m.a[mi]!;
        if (c === 0) continue;
        const k = c * A; // coverage × alpha, of 255 × 255
        const inv = 65025 - k;
        px[p] = (r * k + px[p]! * inv + 32512) / 65025;
        px[p + 1] = (gr * k + px[p + 1]! * inv + 32512) / 65025;
        px[p + 2] = (b * k + px[p + 2]! * inv + 32512) / 65025;
        px[p + 3] = (255 * k + px[p + 3]! * inv + 32512) / 65025;
      }
    }
  }
}

// Element tree → SVG (Satori) → PNG (resvg). Also measures what the layout put outside the canvas.
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import satori from 'satori';
import { loadFonts } from './fonts.ts';
import type { Child, El } from './h.ts';
import { normaliseDigits, type DigitStyle } from '../thai/numbers.ts';
import { thaiBreaks } from './text.ts';

export interface LaidOutNode { type: string; left: number; top: number; width: number; height: number; text?: string }

export interface RenderResult {
  svg: string;
  png: Buffer;
  /** Boxes (text or element) that reach outside the canvas by more than half a pixel. */
  outside: LaidOutNode[];
  /** Text nodes laid out, for tests. */
  texts: LaidOutNode[];
}

/**
 * Every string child gets U+200B between Thai words and its digits in one style, so templates cannot forget
 * either: `digits` is the card's body style, and a box with a `digits` prop sets the style of its subtree
 * (headings; a URL kept as written). Without a style, digits are left as written.
 */
export function prepareTree(node: Child, digits?: DigitStyle): Child {
  if (typeof node === 'string') return thaiBreaks(digits ? normaliseDigits(node, digits) : node);
  if (typeof node === 'number') return prepareTree(String(node), digits);
  if (!node) return node;
  const { children, digits: own, ...props } = node.props;
  const style = own === 'thai' || own === 'arabic' ? own : own === 'asis' ? undefined : digits;
  if (children === undefined) return own === undefined ? node : { ...node, props };
  const next = Array.isArray(children) ? children.map((ch) => prepareTree(ch, style)) : prepareTree(children, style);
  return { ...node, props: { ...props, children: next } };
}

export interface SvgResult {
  svg: string;
  outside: LaidOutNode[];
  texts: LaidOutNode[];
  /** Time of the glyph-bounds scan (ms), for the benchmark's breakdown. */
  scanMs: number;
}

/** Lays `el` out and draws it as SVG (Satori), with every box (and the glyphs) outside the canvas. */
export async function renderSvg(el: El, width: number, height: number, opts: { digits?: DigitStyle } = {}): Promise<SvgResult> {
  const outside: LaidOutNode[] = [];
  const texts: LaidOutNode[] = [];
  const svg = await satori(prepareTree(el, opts.digits) as never, {
    width,
    height,
    fonts: loadFonts(),
    onNodeDetected: (n) => {
      const box: LaidOutNode = { type: n.type, left: n.left, top: n.top, width: n.width, height: n.height, text: n.textContent };
      if (n.textContent !== undefined) texts.push(box);
      const eps = 0.5;
      if (n.width > 0 && n.height > 0 && (n.left < -eps || n.top < -eps || n.left + n.width > width + eps || n.top + n.height > height + eps)) {
        outside.push(box);
      }
    },
  });
  // The glyph scan only matters when every box fits: a level whose boxes overflow is rejected anyway.
  const t0 = performance.now();
  const glyphs = outside.length === 0 ? glyphBounds(svg) : undefined;
  const scanMs = performance.now() - t0;
  if (glyphs && (glyphs.left < -1 || glyphs.top < -1 || glyphs.left + glyphs.width > width + 1 || glyphs.top + glyphs.height > height + 1)) {
    outside.push(glyphs);
  }
  return { svg, outside, texts, scanMs };
}

/** Bounds of every outline Satori drew as a path (text glyphs, rounded boxes): a line that does not wrap is
 *  still laid out inside its box, but its glyphs reach past it, so the layout boxes alone would miss it.
 *  Satori writes glyph outlines with absolute commands (M, L, Q, C, Z); a path with arcs or relative or
 *  shorthand commands is a box and is skipped. One pass over the string, numbers parsed in place (a card's
 *  SVG is ~1 MB of them: 3.5× faster than a regular expression per path and Number() per token). */
export function glyphBounds(svg: string): LaidOutNode | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  let at = 0;
  for (;;) {
    const p = svg.indexOf('<path', at);
    if (p < 0) break;
    const end = svg.indexOf('>', p);
    at = end < 0 ? svg.length : end + 1;
    const dAt = svg.indexOf(' d="', p);
    if (dAt < 0 || (end >= 0 && dAt > end)) continue;
    const close = svg.indexOf('"', dAt + 4);
    // This path's own bounds, kept only if it turns out to be a glyph outline.
    let px0 = Infinity, py0 = Infinity, px1 = -Infinity, py1 = -Infinity;
    let isX = true, x = 0, glyph = true;
    let i = dAt + 4;
    while (i < close) {
      let k = svg.charCodeAt(i);
      if ((k >= 48 && k <= 57) || k === 45 || k === 46) {
        const start = i;
        const neg = k === 45;
        if (neg) k = svg.charCodeAt(++i);
        let int = 0, frac = 0, div = 1;
        while (k >= 48 && k <= 57) { int = int * 10 + (k - 48); k = svg.charCodeAt(++i); }
        if (k === 46) {
          k = svg.charCodeAt(++i);
          while (k >= 48 && k <= 57) { frac = frac * 10 + (k - 48); div *= 10; k = svg.charCodeAt(++i); }
        }
        let v: number;
        if (k === 101) { // an exponent (not from Satori): let Number() read the token
          k = svg.charCodeAt(++i);
          if (k === 45 || k === 43) k = svg.charCodeAt(++i);
          while (k >= 48 && k <= 57) k = svg.charCodeAt(++i);
          v = +svg.slice(start, i);
        } else {
          // Exact integers divided once: the same double as Number() of the token.
          v = (int * div + frac) / div;
          if (neg) v = -v;
        }
        if (isX) x = v;
        else {
          if (x < px0) px0 = x;
          if (x > px1) px1 = x;
          if (v < py0) py0 = v;
          if (v > py1) py1 = v;
        }
        isX = !isX;
      } else {
        if (k === 65 || k === 97 || k === 72 || k === 104 || k === 86 || k === 118 || k === 83 || k === 115 || k === 84 || k === 116) {
          glyph = false; // A a H h V v S s T t
          break;
        }
        i++;
      }
    }
    if (!glyph || px0 === Infinity) continue;
    if (px0 < x0) x0 = px0;
    if (px1 > x1) x1 = px1;
    if (py0 < y0) y0 = py0;
    if (py1 > y1) y1 = py1;
  }
  return x0 === Infinity ? undefined : { type: 'glyphs', left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
}

/** resvg with fixed options: no system fonts (Satori already turned text into paths), so the pixels depend
 *  only on the SVG. */
export function rasterise(svg: string, width: number): RenderedImage {
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  }).render();
}

export function svgToPng(svg: string, width: number): Buffer {
  return rasterise(svg, width).asPng();
}

export async function renderElement(el: El, width: number, height: number): Promise<RenderResult> {
  const { svg, outside, texts } = await renderSvg(el, width, height);
  return { svg, png: svgToPng(svg, width), outside, texts };
}

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

/**
 * Lays `el` out and draws it as SVG (Satori), with every box (and the glyphs) outside the canvas. With
 * `boxesOnly` the text is not turned into outlines (the layout is the same; Satori's slowest part is skipped)
 * and the glyphs are not checked: a probe that can only reject a level, whose SVG is not for drawing.
 */
export async function renderSvg(el: El, width: number, height: number, opts: { digits?: DigitStyle; boxesOnly?: boolean } = {}): Promise<SvgResult> {
  const outside: LaidOutNode[] = [];
  const texts: LaidOutNode[] = [];
  const svg = await satori(prepareTree(el, opts.digits) as never, {
    width,
    height,
    fonts: loadFonts(),
    embedFont: !opts.boxesOnly,
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
  const glyphs = outside.length === 0 && !opts.boxesOnly ? glyphBounds(svg) : undefined;
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
export function glyphBounds(text: string): LaidOutNode | undefined {
  // Bytes, not the string: Satori's SVG is a rope of concatenated pieces, and charCodeAt on it in optimised
  // code is 5× slower than reading a byte array (~11 vs ~2 ms a card). Only ASCII is read, so latin1 will do.
  const svg = Buffer.from(text, 'latin1');
  const all = new Float64Array([Infinity, Infinity, -Infinity, -Infinity]);
  const one = new Float64Array(4);
  let at = 0;
  for (;;) {
    const p = svg.indexOf('<path', at);
    if (p < 0) break;
    const end = svg.indexOf('>', p);
    at = end < 0 ? svg.length : end + 1;
    const dAt = svg.indexOf(' d="', p);
    if (dAt < 0 || (end >= 0 && dAt > end)) continue;
    if (!outlineBounds(svg, dAt + 4, svg.indexOf('"', dAt + 4), one)) continue;
    if (one[0]! < all[0]!) all[0] = one[0]!;
    if (one[1]! < all[1]!) all[1] = one[1]!;
    if (one[2]! > all[2]!) all[2] = one[2]!;
    if (one[3]! > all[3]!) all[3] = one[3]!;
  }
  const [x0, y0, x1, y1] = all as unknown as [number, number, number, number];
  return x0 === Infinity ? undefined : { type: 'glyphs', left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The bounds [x0, y0, x1, y1] of one path's coordinates, svg[from, to), into `box`; false if the path is not
 * a glyph outline (or has no points). Its own function, not a loop inside glyphBounds: V8 optimises a hot
 * small function once, while the inner loop of one large function was compiled on the stack (OSR) and thrown
 * away on every exit from it, which made the scan 5× slower in a build than in isolation (~11 vs ~2 ms a card).
 */
function outlineBounds(svg: Uint8Array, from: number, to: number, box: Float64Array): boolean {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  let isX = true, x = 0;
  let i = from;
  while (i < to) {
    let k = svg[i]!;
    if ((k >= 48 && k <= 57) || k === 45 || k === 46) {
      const start = i;
      const neg = k === 45;
      if (neg) k = svg[++i]!;
      let int = 0, frac = 0, div = 1;
      while (k >= 48 && k <= 57) { int = int * 10 + (k - 48); k = svg[++i]!; }
      if (k === 46) {
        k = svg[++i]!;
        while (k >= 48 && k <= 57) { frac = frac * 10 + (k - 48); div *= 10; k = svg[++i]!; }
      }
      let v: number;
      if (k === 101) { // an exponent (not from Satori): let Number() read the token
        k = svg[++i]!;
        if (k === 45 || k === 43) k = svg[++i]!;
        while (k >= 48 && k <= 57) k = svg[++i]!;
        v = +String.fromCharCode(...svg.subarray(start, i));
      } else {
        // Exact integers divided once: the same double as Number() of the token.
        v = (int * div + frac) / div;
        if (neg) v = -v;
      }
      if (isX) x = v;
      else {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (v < y0) y0 = v;
        if (v > y1) y1 = v;
      }
      isX = !isX;
    } else {
      // A a H h V v S s T t: not an outline.
      if (k === 65 || k === 97 || k === 72 || k === 104 || k === 86 || k === 118 || k === 83 || k === 115 || k === 84 || k === 116) return false;
      i++;
    }
  }
  if (x0 === Infinity) return false;
  box[0] = x0; box[1] = y0; box[2] = x1; box[3] = y1;
  return true;
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

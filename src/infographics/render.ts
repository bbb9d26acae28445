// Element tree → layout and SVG of the boxes (Satori) → pixels (resvg for the boxes, glyph masks for the text)
// → PNG. Also measures what the layout put outside the canvas.
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import satori from 'satori';
import { loadFonts } from './fonts.ts';
import type { Child, El } from './h.ts';
import { normaliseDigits, type DigitStyle } from '../thai/numbers.ts';
import { drawGlyphs, inlineTexts, outlinePaths, shapeTexts, type ShapedTexts } from './glyphs.ts';
import { palettePng, rgbaPng } from './png.ts';
import { putBack, splitSvg, type SplitSvg } from './svg-text.ts';
import { thaiBreaks } from './text.ts';

export interface LaidOutNode { type: string; left: number; top: number; width: number; height: number; text?: string }

export interface RenderResult {
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

/** A card laid out: Satori's boxes and text runs, the glyphs shaped, and what lands outside the canvas. */
export interface CardLayout {
  width: number;
  height: number;
  /** The element tree as Satori got it (the fallback lays it out again with outlines). */
  tree: Child;
  /** Made on first use: a level whose boxes overflow is rejected without its text shaped. */
  readonly split: SplitSvg;
  readonly shaped: ShapedTexts;
  /** Boxes (text or element) that reach outside the canvas by more than half a pixel; where every box fits,
   *  the glyphs' ink if it reaches out by more than a pixel. */
  outside: LaidOutNode[];
  /** Text nodes laid out, for tests. */
  texts: LaidOutNode[];
}

/**
 * Lays `el` out with Satori (text as runs, not outlines: Satori's slowest part is skipped), shapes the runs,
 * and finds every box and glyph outside the canvas. A line that does not wrap is still laid out inside its
 * box while its glyphs reach past it, so the boxes alone would miss it: the glyphs' ink is checked too.
 */
export async function layOut(el: El, width: number, height: number, opts: { digits?: DigitStyle } = {}): Promise<CardLayout> {
  const outside: LaidOutNode[] = [];
  const texts: LaidOutNode[] = [];
  const tree = prepareTree(el, opts.digits);
  const svg = await satori(tree as never, {
    width,
    height,
    fonts: loadFonts(),
    embedFont: false,
    onNodeDetected: (n) => {
      const box: LaidOutNode = { type: n.type, left: n.left, top: n.top, width: n.width, height: n.height, text: n.textContent };
      if (n.textContent !== undefined) texts.push(box);
      const eps = 0.5;
      if (n.width > 0 && n.height > 0 && (n.left < -eps || n.top < -eps || n.left + n.width > width + eps || n.top + n.height > height + eps)) {
        outside.push(box);
      }
    },
  });
  let split: SplitSvg | undefined;
  let shaped: ShapedTexts | undefined;
  const l: CardLayout = {
    width, height, tree, outside, texts,
    get split() { return (split ??= splitSvg(svg, width, height)); },
    get shaped() { return (shaped ??= shapeTexts(this.split.texts)); },
  };
  const ink = outside.length === 0 ? l.shaped.ink : undefined;
  if (ink && (ink.x0 < -1 || ink.y0 < -1 || ink.x1 > width + 1 || ink.y1 > height + 1)) {
    outside.push({ type: 'glyphs', left: ink.x0, top: ink.y0, width: ink.x1 - ink.x0, height: ink.y1 - ink.y0 });
  }
  return l;
}

export interface Drawing {
  /** Premultiplied RGBA, width × height. */
  pixels: Buffer;
  /** Whether the text came from glyph masks (else resvg drew Satori's outlines: see `draw`). */
  masks: boolean;
  rasterMs: number;
  textMs: number;
}

/**
 * Draws a laid-out card: resvg the boxes, then the glyphs from their masks on top. A text something is drawn
 * over (the next box's background under its descenders) goes back into the SVG as outlines, so resvg paints
 * it in order. Where the text needs more than a colour (a clip or transform around it: see svg-text.ts),
 * Satori draws every text as outlines, as it used to for every card: the same layout, drawn several times
 * slower (the seed month card: ~100 against ~17 ms).
 * `outlines` asks for that way (to compare the two).
 */
export async function draw(l: CardLayout, opts: { outlines?: boolean } = {}): Promise<Drawing> {
  const t0 = performance.now();
  if (!opts.outlines && l.split.plain) {
    const { texts } = l.split;
    const inline = inlineTexts(l.shaped.inks, l.split.drawn);
    const onTop = inline.size ? l.shaped.glyphs.filter((g) => !inline.has(g.text)) : l.shaped.glyphs;
    const svg = inline.size
      ? putBack(l.split.boxes, [...inline].sort((a, b) => a - b).map((i) => ({ at: texts[i]!.at, svg: outlinePaths(texts[i]!, l.shaped.glyphs.filter((g) => g.text === i)) })))
      : l.split.boxes;
    const pixels = rasterise(svg, l.width).pixels;
    const t1 = performance.now();
    drawGlyphs(pixels, l.width, l.height, onTop);
    return { pixels, masks: true, rasterMs: t1 - t0, textMs: performance.now() - t1 };
  }
  const svg = await satori(l.tree as never, { width: l.width, height: l.height, fonts: loadFonts() });
  const t1 = performance.now();
  return { pixels: rasterise(svg, l.width).pixels, masks: false, rasterMs: performance.now() - t1, textMs: t1 - t0 };
}

/** resvg with fixed options: no system fonts (text is drawn from glyph masks or is already outlines), so the
 *  pixels depend only on the SVG. */
export function rasterise(svg: string, width: number): RenderedImage {
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  }).render();
}

/** A drawing as PNG: flat cards as palette PNGs, anything else (a photo logo, transparency) as RGBA. With
 *  `rewrite`, the pixels become those the PNG decodes to (see palettePng). */
export function encodePng(pixels: Buffer, width: number, height: number, opts: { rewrite?: boolean } = {}): { png: Buffer; palette: boolean } {
  const palette = palettePng(pixels, width, height, opts);
  return palette ? { png: palette, palette: true } : { png: rgbaPng(pixels, width, height), palette: false };
}

export async function renderElement(el: El, width: number, height: number): Promise<RenderResult> {
  const l = await layOut(el, width, height);
  const { pixels } = await draw(l);
  return { png: encodePng(pixels, width, height).png, outside: l.outside, texts: l.texts };
}

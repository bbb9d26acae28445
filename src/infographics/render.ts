// Element tree → SVG (Satori) → PNG (resvg). Also measures what the layout put outside the canvas.
import { Resvg } from '@resvg/resvg-js';
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

export async function renderSvg(el: El, width: number, height: number, opts: { digits?: DigitStyle } = {}): Promise<{ svg: string; outside: LaidOutNode[]; texts: LaidOutNode[] }> {
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
  const glyphs = outside.length === 0 ? glyphBounds(svg) : undefined;
  if (glyphs && (glyphs.left < -1 || glyphs.top < -1 || glyphs.left + glyphs.width > width + 1 || glyphs.top + glyphs.height > height + 1)) {
    outside.push(glyphs);
  }
  return { svg, outside, texts };
}

/** Bounds of every outline Satori drew as a path (text glyphs, rounded boxes): a line that does not wrap is
 *  still laid out inside its box, but its glyphs reach past it, so the layout boxes alone would miss it.
 *  Satori writes glyph outlines with absolute commands (M, L, Q, C, Z). */
export function glyphBounds(svg: string): LaidOutNode | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const m of svg.matchAll(/<path\b[^>]*?\sd="([^"]*)"/g)) {
    const d = m[1]!;
    if (/[AaHhVvSsTt]/.test(d)) continue; // boxes (arcs, relative commands), not glyph outlines
    // Scan the numbers in place: pairs are x, y (M, L, Q, C take coordinate pairs only).
    let i = 0;
    let isX = true;
    let x = 0;
    while (i < d.length) {
      const c = d.charCodeAt(i);
      if ((c >= 48 && c <= 57) || c === 45 || c === 46) {
        let j = i + 1;
        while (j < d.length) {
          const k = d.charCodeAt(j);
          if ((k >= 48 && k <= 57) || k === 46 || k === 101 || (k === 45 && d.charCodeAt(j - 1) === 101)) j++;
          else break;
        }
        const v = +d.slice(i, j);
        if (isX) x = v;
        else {
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (v < y0) y0 = v;
          if (v > y1) y1 = v;
        }
        isX = !isX;
        i = j;
      } else i++;
    }
  }
  return x0 === Infinity ? undefined : { type: 'glyphs', left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
}

/** resvg with fixed options: no system fonts (Satori already turned text into paths), so the bytes depend
 *  only on the SVG. */
export function svgToPng(svg: string, width: number): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  });
  return r.render().asPng();
}

export async function renderElement(el: El, width: number, height: number): Promise<RenderResult> {
  const { svg, outside, texts } = await renderSvg(el, width, height);
  return { svg, png: svgToPng(svg, width), outside, texts };
}

// Satori's SVG with `embedFont: false` split into the drawing without its text (for resvg) and the text runs
// it laid out (for src/infographics/glyphs.ts), with what is drawn after each run, so the caller can tell
// whether drawing the text last, on top of everything, is the same picture.
//
// Satori writes one <text> per word at the position its layout gave, in one of a few shapes (the attributes
// below). Anything this module does not know how to draw the same way (a transform, a clip or mask around the
// text, a stroke, letter spacing, a colour it cannot read) marks the card as not `plain`: the caller then
// draws it the old way, every glyph an outline in the SVG.

/** A run of text as Satori placed it: the baseline's left end, in canvas pixels. */
export interface SvgText {
  x: number;
  y: number;
  size: number;
  weight: number;
  /** Straight sRGB and alpha (0–255), the group opacity folded in. */
  rgb: [number, number, number];
  alpha: number;
  text: string;
  /** Position in the drawing order, against `drawn`. */
  order: number;
  /** Where it stood in `boxes`, and its own fill and opacity there: to put it back as outlines. */
  at: number;
  fill: string;
  ownOpacity: number;
}

/** A box drawn (not text), in canvas pixels, conservatively large; its place in the drawing order. */
export interface Drawn { order: number; x0: number; y0: number; x1: number; y1: number }

export interface SplitSvg {
  /** The SVG without its <text> elements (and its rounded borders as bands: see `band`). */
  boxes: string;
  texts: SvgText[];
  /** Everything else drawn, in order (not what only defines a clip, mask or gradient). */
  drawn: Drawn[];
  /** False when a text needs more than fill colour and opacity: then it is not drawn from glyph masks. */
  plain: boolean;
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*(\/?)>/g;
const ATTR = /([^\s=]+)="([^"]*)"/g;
/** Elements whose content is not drawn where it stands. */
const DEFINING = new Set(['defs', 'mask', 'clipPath', 'pattern', 'linearGradient', 'radialGradient', 'filter', 'symbol', 'marker']);
/** Text attributes that change nothing when the run is drawn from glyph masks. */
const TEXT_ATTRS = new Set(['x', 'y', 'width', 'height', 'font-weight', 'font-style', 'font-size', 'font-family', 'fill', 'fill-opacity', 'opacity']);

function attrs(s: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of s.matchAll(ATTR)) m.set(a[1]!, a[2]!);
  return m;
}

/** Right-to-left letters (Hebrew, Arabic and their presentation forms): Satori orders and shapes those runs
 *  itself; the glyph masks are drawn left to right. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITY[e]!);

/** `boxes` with SVG put back where texts stood (`at`, ascending). */
export function putBack(boxes: string, inserts: Array<{ at: number; svg: string }>): string {
  let out = '';
  let from = 0;
  for (const { at, svg } of inserts) {
    out += boxes.slice(from, at) + svg;
    from = at;
  }
  return out + boxes.slice(from);
}

const colours = new Map<string, ReturnType<typeof parseColour>>();
/** parseColour, once per colour: a card has hundreds of runs in a few colours. */
function colourOf(s: string): ReturnType<typeof parseColour> {
  if (!colours.has(s)) {
    if (colours.size >= 1000) colours.clear();
    colours.set(s, parseColour(s));
  }
  return colours.get(s);
}

/** #rgb, #rrggbb, #rrggbbaa, rgb() or rgba(); undefined for anything else (a gradient, a name). */
export function parseColour(s: string): { rgb: [number, number, number]; alpha: number } | undefined {
  const v = s.trim();
  let m = /^#([0-9a-f]{3,8})$/i.exec(v);
  if (m) {
    const h = m[1]!;
    if (h.length === 3 || h.length === 4) {
      const d = [...h].map((c) => parseInt(c + c, 16));
      return { rgb: [d[0]!, d[1]!, d[2]!], alpha: h.length === 4 ? d[3]! : 255 };
    }
    if (h.length === 6 || h.length === 8) {
      const d = [0, 2, 4, 6].map((i) => parseInt(h.slice(i, i + 2), 16));
      return { rgb: [d[0]!, d[1]!, d[2]!], alpha: h.length === 8 ? d[3]! : 255 };
    }
    return undefined;
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+)(%?))?\s*\)$/i.exec(v);
  if (m) {
    const a = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
    const c = (x: string) => Math.max(0, Math.min(255, Math.round(Number(x))));
    return { rgb: [c(m[1]!), c(m[2]!), c(m[3]!)], alpha: Math.round(Math.max(0, Math.min(1, a)) * 255) };
  }
  return undefined;
}

/** A clip path of one shape (Satori clips a box's border to its outline, one <path>): its attributes, by id. */
const CLIP_SHAPE = /<clipPath id="([^"]+)"><path ([^>]*)\/><\/clipPath>/g;
/** Satori's outline of a box with corner radius r: M x+r,y h w−2r a r,r 0 0 1 r,r v h−2r … a r,r 0 0 1 r,−r
 *  (a side of length 0, a pill's, is written v0 both ways). */
const OUTLINE = /^M(-?[\d.]+),(-?[\d.]+) (h([\d.]+) a([\d.]+),\5 0 0 1 \5,\5 v([\d.]+) a\5,\5 0 0 1 -\5,\5 h(-?)\4 a\5,\5 0 0 1 -\5,-\5 v(-?)\6) a\5,\5 0 0 1 \5,-\5$/;
/** The attributes of Satori's border stroke, and nothing else: then `band` draws the same. */
const BORDER_ATTRS = new Set(['width', 'height', 'clip-path', 'fill', 'stroke', 'stroke-width', 'd']);

/**
 * The box whose border `stroke` draws, clipped by `clip`: only where the stroke runs once around the whole
 * outline the clip is (from a point S on its first corner: M S A…P, the outline's sides, A… S), with one
 * radius r > 0. Anything else (one side only, a double border's inner line, a clip inside a clip) is left.
 */
function borderBox(clip: string, stroke: Map<string, string>): { x: number; y: number; w: number; h: number; r: number } | undefined {
  const c = attrs(clip);
  const m = OUTLINE.exec(c.get('d') ?? '');
  const d = stroke.get('d');
  if (!m || d === undefined || c.size !== 5) return undefined;
  const [, px, py, sides, hh, rr, vv, hBack, vBack] = m as unknown as string[] as [string, string, string, string, string, string, string, string, string];
  // the sides back are −w+2r and −h+2r: without the minus only when 0
  if ((!hBack && Number(hh) !== 0) || (!vBack && Number(vv) !== 0)) return undefined;
  const r = Number(rr);
  const w = Number(c.get('width')), h = Number(c.get('height')), x = Number(c.get('x')), y = Number(c.get('y'));
  const s = /^M(-?[\d.]+),(-?[\d.]+) /.exec(d);
  if (!s || !(r > 0) || Number(stroke.get('width')) !== w || Number(stroke.get('height')) !== h) return undefined;
  const arc = `A${rr},${rr} 0 0 1`;
  if (d !== `M${s[1]},${s[2]} ${arc} ${px},${py} ${sides} ${arc} ${s[1]},${s[2]}`) return undefined;
  // S on the first corner's arc (centre x+r, y+r), so both arcs through it are that corner's.
  if (Math.abs(Math.hypot(Number(s[1]) - (x + r), Number(s[2]) - (y + r)) - r) > 0.01 || Number(px) !== x + r || Number(py) !== y) return undefined;
  return { x, y, w, h, r };
}

const rounded = (x: number, y: number, w: number, h: number, r: number) =>
  `M${x + r},${y} h${w - 2 * r} a${r},${r} 0 0 1 ${r},${r} v${h - 2 * r} a${r},${r} 0 0 1 ${-r},${r} h${2 * r - w} a${r},${r} 0 0 1 ${-r},${-r} v${2 * r - h} a${r},${r} 0 0 1 ${r},${-r} Z`;

/**
 * Satori draws a border of width b as a stroke 2b wide along the box's outline, clipped to the box: resvg
 * then paints a clip layer for each (~1 ms for a card's wide panel, half of the seed month card's boxes). The
 * same ink, for b < r, is the band between the outline and the outline moved in by b (corner radius r − b):
 * one filled path. The pixels differ only where edges are anti-aliased (by a few levels).
 */
function band(o: { x: number; y: number; w: number; h: number; r: number }, colour: string, b: number): string {
  return `<path fill="${colour}" fill-rule="evenodd" d="${rounded(o.x, o.y, o.w, o.h, o.r)} ${rounded(o.x + b, o.y + b, o.w - 2 * b, o.h - 2 * b, o.r - b)}"/>`;
}

/**
 * Splits Satori's SVG (made with `embedFont: false`). Only <text> leaves the SVG, and each border Satori clips
 * becomes the band it paints (see `band`); the rest stays byte for byte, so resvg draws the boxes as before.
 */
export function splitSvg(svg: string, width: number, height: number): SplitSvg {
  const clipShapes = new Map<string, string>();
  for (const c of svg.matchAll(CLIP_SHAPE)) clipShapes.set(c[1]!, c[2]!);
  const texts: SvgText[] = [];
  const drawn: Drawn[] = [];
  let plain = true;
  let boxes = '';
  let at = 0;
  let order = 0;
  /** Open elements: whether they only define; their opacity; whether they clip or mask what they hold (its
   *  text is then not plain), or move or filter it (its boxes may then reach anywhere: a shadow's blur). */
  const stack: Array<{ defining: boolean; opacity: number; clips: boolean; moves: boolean }> = [];
  const top = () => stack[stack.length - 1];
  const whole: Omit<Drawn, 'order'> = { x0: 0, y0: 0, x1: width, y1: height };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(svg); m; m = TAG.exec(svg)) {
    const [all, close, name, rest, self] = m as unknown as [string, string, string, string, string];
    const parent = top();
    if (name === 'text' && !close) {
      const end = svg.indexOf('</text>', TAG.lastIndex);
      if (end < 0) throw new Error('infographics: unclosed <text> in Satori SVG');
      boxes += svg.slice(at, m.index);
      const text = unescape(svg.slice(m.index + all.length, end));
      at = end + '</text>'.length;
      TAG.lastIndex = at;
      if (parent?.defining) { plain = false; continue; } // text as a clip (background-clip: text)
      const a = attrs(rest);
      const colour = colourOf(a.get('fill') ?? '#000');
      if (!colour || [...a.keys()].some((k) => !TEXT_ATTRS.has(k)) || (a.get('font-style') ?? 'normal') !== 'normal' || parent?.clips || parent?.moves || RTL.test(text)) plain = false;
      const ownOpacity = Number(a.get('fill-opacity') ?? 1) * Number(a.get('opacity') ?? 1);
      const opacity = (parent?.opacity ?? 1) * ownOpacity;
      texts.push({
        x: Number(a.get('x') ?? 0),
        y: Number(a.get('y') ?? 0),
        size: Number(a.get('font-size') ?? 16),
        weight: fontWeight(a.get('font-weight')),
        rgb: colour?.rgb ?? [0, 0, 0],
        alpha: Math.round((colour?.alpha ?? 255) * opacity),
        text,
        order: order++,
        at: boxes.length,
        fill: a.get('fill') ?? '#000',
        ownOpacity,
      });
      continue;
    }
    if (close) {
      stack.pop();
      continue;
    }
    const a = attrs(rest);
    const defining = (parent?.defining ?? false) || DEFINING.has(name);
    if (name === 'path' && self && !defining && a.get('fill') === 'none' && [...a.keys()].every((k) => BORDER_ATTRS.has(k))) {
      const clip = /^url\(#([^)]+)\)$/.exec(a.get('clip-path') ?? '')?.[1];
      const shape = clip === undefined ? undefined : clipShapes.get(clip);
      const o = shape === undefined ? undefined : borderBox(shape, a);
      const b = Number(a.get('stroke-width')) / 2;
      // A border as wide as the corner's radius or wider: Satori's stroke then covers the inner corner round,
      // not square as the band would (CSS draws it square): left as Satori draws it.
      if (o && b > 0 && b < o.r && a.has('stroke')) {
        boxes += svg.slice(at, m.index) + band(o, a.get('stroke')!, b);
        at = TAG.lastIndex;
        drawn.push({ order: order++, x0: o.x - 1, y0: o.y - 1, x1: o.x + o.w + 1, y1: o.y + o.h + 1 });
        continue;
      }
    }
    const root = name === 'svg' && stack.length === 0;
    if (!defining && name !== 'g' && !root) {
      const box = parent?.moves || a.has('transform') || a.has('filter') ? whole : bounds(name, a) ?? whole;
      drawn.push({ order: order++, ...box });
    }
    if (!self) {
      stack.push({
        defining,
        opacity: (parent?.opacity ?? 1) * Number(a.get('opacity') ?? 1),
        clips: (parent?.clips ?? false) || a.has('clip-path') || a.has('mask'),
        moves: (parent?.moves ?? false) || (!root && (name === 'svg' || ['transform', 'filter', 'style'].some((k) => a.has(k)))),
      });
    }
  }
  boxes += svg.slice(at);
  return { boxes, texts, drawn, plain };
}

/** A CSS font weight as a number (Satori writes what the style said). */
function fontWeight(v: string | undefined): number {
  if (v === undefined || v === 'normal') return 400;
  if (v === 'bold') return 700;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : 400;
}

/** What an element covers, conservatively, with its stroke and a pixel of anti-aliasing; undefined if unknown. */
function bounds(name: string, a: Map<string, string>): Omit<Drawn, 'order'> | undefined {
  const n = (k: string) => Number(a.get(k) ?? 0);
  const pad = 1 + (a.has('stroke') && a.get('stroke') !== 'none' ? Number(a.get('stroke-width') ?? 1) / 2 : 0);
  let b: [number, number, number, number] | undefined;
  switch (name) {
    case 'rect': case 'image': case 'foreignObject': b = [n('x'), n('y'), n('x') + n('width'), n('y') + n('height')]; break;
    case 'circle': b = [n('cx') - n('r'), n('cy') - n('r'), n('cx') + n('r'), n('cy') + n('r')]; break;
    case 'ellipse': b = [n('cx') - n('rx'), n('cy') - n('ry'), n('cx') + n('rx'), n('cy') + n('ry')]; break;
    case 'line': b = [Math.min(n('x1'), n('x2')), Math.min(n('y1'), n('y2')), Math.max(n('x1'), n('x2')), Math.max(n('y1'), n('y2'))]; break;
    case 'polygon': case 'polyline': b = pointsBounds((a.get('points') ?? '').trim().split(/[\s,]+/).map(Number)); break;
    case 'path': b = pathBounds(a.get('d') ?? ''); break;
    default: return undefined;
  }
  if (!b || b.some((v) => !Number.isFinite(v))) return undefined;
  return { x0: b[0] - pad, y0: b[1] - pad, x1: b[2] + pad, y1: b[3] + pad };
}

function pointsBounds(xy: number[]): [number, number, number, number] | undefined {
  if (xy.length < 2) return undefined;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    x0 = Math.min(x0, xy[i]!); x1 = Math.max(x1, xy[i]!);
    y0 = Math.min(y0, xy[i + 1]!); y1 = Math.max(y1, xy[i + 1]!);
  }
  return [x0, y0, x1, y1];
}

const ARGS: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/**
 * Every point a path's commands name, control points included (a curve lies inside their hull), and each
 * arc's ends widened by its larger radius (the arc lies inside that): larger than the ink, never smaller.
 */
export function pathBounds(d: string): [number, number, number, number] | undefined {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const add = (x: number, y: number, r = 0) => {
    x0 = Math.min(x0, x - r); x1 = Math.max(x1, x + r);
    y0 = Math.min(y0, y - r); y1 = Math.max(y1, y + r);
  };
  let cx = 0, cy = 0, sx = 0, sy = 0, cmd = '';
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (/[a-zA-Z]/.test(t)) { cmd = t; i++; if (cmd === 'z' || cmd === 'Z') { cx = sx; cy = sy; } continue; }
    const up = cmd.toUpperCase();
    const k = ARGS[up];
    if (k === undefined || k === 0) return undefined;
    const v = tokens.slice(i, i + k).map(Number);
    if (v.length < k || v.some((x) => !Number.isFinite(x))) return undefined;
    i += k;
    const rel = cmd !== up;
    const ox = rel ? cx : 0, oy = rel ? cy : 0;
    switch (up) {
      case 'H': cx = v[0]! + (rel ? cx : 0); break;
      case 'V': cy = v[0]! + (rel ? cy : 0); break;
      case 'A': {
        const r = Math.max(Math.abs(v[0]!), Math.abs(v[1]!));
        add(cx, cy, r);
        cx = v[5]! + ox; cy = v[6]! + oy;
        add(cx, cy, r);
        break;
      }
      default: {
        // S and T reflect the previous control point, which lies within twice the distance to the current
        // point: the current point widened by that covers it.
        if (up === 'S' || up === 'T') add(cx, cy, Math.max(x1 - x0, y1 - y0, 0));
        for (let j = 0; j < k; j += 2) add(v[j]! + ox, v[j + 1]! + oy);
        cx = v[k - 2]! + ox; cy = v[k - 1]! + oy;
      }
    }
    add(cx, cy);
    if (up === 'M') { sx = cx; sy = cy; cmd = rel ? 'l' : 'L'; }
  }
  return x0 === Infinity ? undefined : [x0, y0, x1, y1];
}

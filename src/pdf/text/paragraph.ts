/**
 * Paragraph layout: styled runs → shaped pieces between break opportunities → lines (greedy fill), with alignment.
 * Pieces are shaped one by one and cached (a word shapes once per font), and lines reuse those shaped pieces, so
 * measured widths and drawn widths are the same numbers.
 */
import { pickFont, type FontFamily, type PdfFont } from '../font/font.ts';
import type { Color } from '../render/items.ts';
import { shape, type Shaped } from '../shape/shaper.ts';
import { breakOpportunities, compoundInnerBreaks, emergencyBreaks, isWhitespace } from './breaks.ts';

/** A styled span of text. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** font size in pt (default: the paragraph's) */
  size?: number;
  color?: Color;
  underline?: boolean;
  /** external URL, or '#anchor' for an internal link */
  link?: string;
  /** font family override */
  family?: FontFamily;
}

export type Align = 'left' | 'center' | 'right' | 'justify' | 'distributed';

export interface ParagraphStyle {
  family: FontFamily;
  /** pt */
  size: number;
  /** multiple of the font size; ≥ 1.5 recommended for stacked Thai marks */
  lineHeight: number;
  align: Align;
  /** first-line indent, pt */
  indent: number;
  color?: Color;
}

/** One shaped fragment of a line, positioned relative to the line's left edge and baseline. */
export interface LineFragment {
  x: number;
  shaped: Shaped;
  size: number;
  color?: Color;
  underline?: boolean;
  link?: string;
  width: number;
  gapExtra?: number;
  /** clusters of `shaped` (index ≥ 1) that get gapExtra before them */
  gapAt?: number[];
}

export interface Line {
  fragments: LineFragment[];
  /** natural width (without justification) */
  width: number;
  height: number;
  /** distance from the line top to the baseline */
  baseline: number;
  /** the text of this line (trailing spaces removed) — what pdftotext should return for it */
  text: string;
}

interface Piece {
  /** [runIndex, text, shaped] parts; trailing whitespace is a separate final part (isSpace) */
  parts: Array<{ run: number; text: string; shaped: Shaped; width: number; size: number; space: boolean }>;
  width: number;
  /** width of trailing whitespace */
  trail: number;
  hardBreakAfter: boolean;
}

function runFont(run: Run, style: ParagraphStyle): PdfFont {
  return pickFont(run.family ?? style.family, run.bold, run.italic);
}

const widthOf = (s: Shaped, size: number) => (s.advance * size) / s.font.info.unitsPerEm;

function makePart(runs: Run[], style: ParagraphStyle, run: number, text: string, space: boolean) {
  const r = runs[run]!;
  const size = r.size ?? style.size;
  const shaped = shape(runFont(r, style), text);
  return { run, text, shaped, width: widthOf(shaped, size), size, space };
}

function buildPieces(runs: Run[], style: ParagraphStyle): Piece[] {
  const text = runs.map((r) => r.text).join('');
  const runAt: number[] = [];
  runs.forEach((r, i) => { for (let k = 0; k < r.text.length; k++) runAt.push(i); });
  const cuts = new Set<number>(breakOpportunities(text));
  const hard = new Set<number>();
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') { hard.add(i); cuts.add(i); cuts.add(i + 1); }
  const bounds = [0, ...[...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b), text.length];
  const pieces: Piece[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const s = bounds[b]!;
    const e = bounds[b + 1]!;
    if (s === e) continue;
    if (hard.has(s)) { if (pieces.length) pieces[pieces.length - 1]!.hardBreakAfter = true; else pieces.push({ parts: [], width: 0, trail: 0, hardBreakAfter: true }); continue; }
    let coreEnd = e;
    while (coreEnd > s && isWhitespace(text[coreEnd - 1]!)) coreEnd--;
    const piece: Piece = { parts: [], width: 0, trail: 0, hardBreakAfter: false };
    const addSpan = (from: number, to: number, space: boolean) => {
      let i = from;
      while (i < to) {
        const run = runAt[i]!;
        let j = i + 1;
        while (j < to && runAt[j] === run) j++;
        const part = makePart(runs, style, run, text.slice(i, j), space);
        piece.parts.push(part);
        if (space) piece.trail += part.width; else piece.width += part.width;
        i = j;
      }
    };
    addSpan(s, coreEnd, false);
    if (coreEnd < e) addSpan(coreEnd, e, true);
    pieces.push(piece);
  }
  return pieces;
}

/** Split an over-long piece between the words of its compounds, else between grapheme clusters (not inside an abbreviation), so each part fits `avail` (at least one cluster each). */
function splitPiece(piece: Piece, runs: Run[], style: ParagraphStyle, firstAvail: number, avail: number): Piece[] {
  const out: Piece[] = [];
  let cur: Piece = { parts: [], width: 0, trail: 0, hardBreakAfter: false };
  let limit = firstAvail;
  for (const part of piece.parts) {
    if (part.space) { cur.parts.push(part); cur.trail += part.width; continue; }
    let rest = part.text;
    while (rest.length) {
      // longest prefix that fits: cut between the words of a compound if one fits, else between graphemes
      const longest = (cuts: number[], force: boolean) => {
        let take = 0;
        for (const g of cuts) {
          const w = makePart(runs, style, part.run, rest.slice(0, g), false).width;
          if (cur.width + w <= limit || (force && take === 0 && cur.parts.length === 0)) take = g; else break;
        }
        return take;
      };
      const take = longest([...compoundInnerBreaks(rest), rest.length], false) || longest([...emergencyBreaks(rest), rest.length], true);
      if (take === 0) { out.push(cur); cur = { parts: [], width: 0, trail: 0, hardBreakAfter: false }; limit = avail; continue; }
      const p = makePart(runs, style, part.run, rest.slice(0, take), false);
      cur.parts.push(p);
      cur.width += p.width;
      rest = rest.slice(take);
      if (rest.length) { out.push(cur); cur = { parts: [], width: 0, trail: 0, hardBreakAfter: false }; limit = avail; }
    }
  }
  cur.hardBreakAfter = piece.hardBreakAfter;
  out.push(cur);
  return out.filter((p) => p.parts.length);
}

/** One Shaped of several in a row (a fragment's parts), copying each array once: concatenating part by part
 *  was quadratic in the parts of a line, ~5 % of a book's time. */
function concatShaped(list: Shaped[]): Shaped {
  if (list.length === 1) return list[0]!;
  const first = list[0]!;
  const out: Shaped = { font: first.font, text: '', gids: [], ax: [], dx: [], dy: [], clusters: [], advance: 0 };
  for (const s of list) {
    const base = out.gids.length;
    out.text += s.text;
    out.gids.push(...s.gids);
    out.ax.push(...s.ax);
    out.dx.push(...s.dx);
    out.dy.push(...s.dy);
    for (const c of s.clusters) out.clusters.push({ ...c, glyphStart: c.glyphStart + base, glyphEnd: c.glyphEnd + base });
    out.advance += s.advance;
  }
  return out;
}

/** Most extra space between two grapheme clusters when justifying without spaces, in em. */
export const MAX_CLUSTER_GAP = 0.1;

let memo: Map<string, Line[]> | undefined;
const familyIds = new WeakMap<FontFamily, number>();
let families = 0;
const familyId = (f: FontFamily | undefined): number | undefined => {
  if (!f) return undefined;
  let id = familyIds.get(f);
  if (id === undefined) familyIds.set(f, (id = families++));
  return id;
};

/**
 * Runs `fn` with paragraph layouts remembered by everything they read (runs, style, width); inside another
 * call, with that call's. The passes of a document that prints its own page numbers lay out the same
 * paragraphs again, and only the few holding a page number differ: a book's second pass took as long as its
 * first. Lines are never changed once laid out, so sharing them is safe; the memory goes with the outermost
 * call (the break rules may change between documents).
 */
export function withLayoutMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = undefined;
  }
}

/** Lay out a paragraph into lines of at most `width` pt. */
export function layoutParagraph(runs: Run[], style: ParagraphStyle, width: number): Line[] {
  if (!memo) return layoutLines(runs, style, width);
  const key = JSON.stringify([
    String(width), familyId(style.family), style.size, style.lineHeight, style.align, style.indent, style.color ?? null,
    runs.map((r) => [r.text, r.bold, r.italic, r.size, r.color, r.underline, r.link, familyId(r.family)]),
  ]);
  let lines = memo.get(key);
  if (!lines) memo.set(key, (lines = layoutLines(runs, style, width)));
  return lines;
}

function layoutLines(runs: Run[], style: ParagraphStyle, width: number): Line[] {
  // tabs and other control characters would show as .notdef boxes
  runs = runs.map((r) => (/[\t\r\f\v\u200B]/.test(r.text) ? { ...r, text: r.text.replace(/\r\n?/g, '\n').replace(/[\t\f\v]/g, ' ') } : r));
  const pieces = buildPieces(runs.filter((r) => r.text.length > 0), style);
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineW = 0;
  let pendingTrail = 0;
  const availFor = (idx: number) => Math.max(1, width - (idx === 0 ? style.indent : 0));
  const queue = [...pieces];
  while (queue.length) {
    const p = queue.shift()!;
    const avail = availFor(lines.length);
    if (line.length === 0 && p.width > avail) {
      const parts = splitPiece(p, runs.filter((r) => r.text.length > 0), style, avail, availFor(lines.length + 1));
      if (parts.length > 1) { queue.unshift(...parts); continue; }
    }
    if (line.length > 0 && lineW + pendingTrail + p.width > avail + 1e-6) {
      lines.push(line); line = []; lineW = 0; pendingTrail = 0;
      queue.unshift(p);
      continue;
    }
    line.push(p);
    lineW += pendingTrail + p.width;
    pendingTrail = p.trail;
    if (p.hardBreakAfter) { lines.push(line); line = []; lineW = 0; pendingTrail = 0; }
  }
  if (line.length) lines.push(line);
  const filtered = runs.filter((r) => r.text.length > 0);
  return lines.map((ps, i) => buildLine(ps, filtered, style, width, i === 0, i === lines.length - 1 || !!ps[ps.length - 1]?.hardBreakAfter));
}

function buildLine(pieces: Piece[], runs: Run[], style: ParagraphStyle, width: number, first: boolean, last: boolean): Line {
  // flatten parts, drop the final trailing whitespace, merge consecutive parts of the same run
  const parts = pieces.flatMap((p) => p.parts);
  while (parts.length && parts[parts.length - 1]!.space) parts.pop();
  const frags: LineFragment[] = [];
  const shapedOf: Shaped[][] = [];
  let x = first ? style.indent : 0;
  let prevRun = -1;
  let maxSize = 0;
  for (const part of parts) {
    const r = runs[part.run]!;
    maxSize = Math.max(maxSize, part.size);
    const prev = frags[frags.length - 1];
    if (prev && prevRun === part.run) {
      shapedOf[shapedOf.length - 1]!.push(part.shaped);
      prev.width += part.width;
    } else {
      frags.push({ x, shaped: part.shaped, size: part.size, color: r.color ?? style.color, underline: r.underline, link: r.link, width: part.width });
      shapedOf.push([part.shaped]);
    }
    x += part.width;
    prevRun = part.run;
  }
  frags.forEach((f, i) => { f.shaped = concatShaped(shapedOf[i]!); });
  if (!maxSize) maxSize = style.size;
  const natural = x - (first ? style.indent : 0);
  const avail = width - (first ? style.indent : 0);
  const slack = avail - natural;
  const align = style.align;
  let shift = 0;
  if (align === 'right') shift = slack;
  else if (align === 'center') shift = slack / 2;
  else if ((align === 'justify' || align === 'distributed') && !last && slack > 0) {
    const spaced = /\S\s+\S/.test(frags.map((f) => f.shaped.text).join(''));
    // gap points over the whole line; before[i]: those up to fragment i's first cluster
    const countGaps = (mode: 'space' | 'cluster') => {
      let gaps = 0;
      let prevText: string | undefined;
      const before: number[] = [];
      for (const f of frags) {
        for (let ci = 0; ci < f.shaped.clusters.length; ci++) {
          const t = f.shaped.clusters[ci]!.text;
          if (ci === 0) before.push(gaps + (isGapBefore(t, mode, prevText) ? 1 : 0));
          if (isGapBefore(t, mode, prevText)) gaps++;
          prevText = t;
        }
      }
      return { mode, gaps, before };
    };
    let g = countGaps(align === 'justify' && spaced ? 'space' : 'cluster');
    // Between clusters, more than a little letter-spacing reads as gaps inside words: a short line is justified
    // at its spaces instead, and without spaces it stays ragged past that limit.
    const cap = MAX_CLUSTER_GAP * maxSize;
    if (g.mode === 'cluster' && g.gaps > 0 && slack / g.gaps > cap && spaced) g = countGaps('space');
    if (g.gaps > 0) {
      const extra = g.mode === 'cluster' ? Math.min(slack / g.gaps, cap) : slack / g.gaps;
      frags.forEach((f, i) => {
        const at = internalGaps(f, g.mode);
        f.x += g.before[i]! * extra; f.gapExtra = extra; f.gapAt = at; f.width += at.length * extra;
      });
    }
  }
  for (const f of frags) f.x += shift;
  // vertical metrics: the tallest font size sets the line box
  const font = frags[0]?.shaped.font ?? style.family.regular;
  const { ascender, descender, unitsPerEm } = font.info;
  const height = maxSize * style.lineHeight;
  const contentH = ((ascender - descender) / unitsPerEm) * maxSize;
  const baseline = (height - contentH) / 2 + (ascender / unitsPerEm) * maxSize;
  return { fragments: frags, width: natural, height, baseline, text: frags.map((f) => f.shaped.text).join('') };
}

/** Justification: does cluster `text` get extra space before it? 'space': after spaces; 'cluster': between grapheme clusters. */
function isGapBefore(text: string, mode: 'space' | 'cluster', prevText: string | undefined): boolean {
  if (prevText === undefined) return false;
  if (mode === 'space') return /\s$/.test(prevText);
  // clusters are graphemes (base + marks); never put space before a stray mark
  return !/^[\p{M}\u0E33]/u.test(text);
}

/** the fragment's own gap points (the gap before its first cluster is in its x) */
function internalGaps(f: LineFragment, mode: 'space' | 'cluster'): number[] {
  const at: number[] = [];
  for (let ci = 1; ci < f.shaped.clusters.length; ci++) if (isGapBefore(f.shaped.clusters[ci]!.text, mode, f.shaped.clusters[ci - 1]!.text)) at.push(ci);
  return at;
}

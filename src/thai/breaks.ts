/**
 * Line-break opportunities for Thai and Latin text: the one breaker of the PDF core, the infographics (U+200B
 * hints for Satori) and the site (no-wrap spans around compounds the browser would split).
 *
 * Thai has no spaces between words, so candidate boundaries come from Intl.Segmenter('th', { granularity: 'word' })
 * (ICU's dictionary-based Thai word breaker). It has no line-break mode, so the rules are ours:
 * - a break is allowed after whitespace, never before it (spaces hang at the line end);
 * - never after opening brackets/quotes, never before closing punctuation, ๆ, ฯ, or a full stop;
 * - between two non-Thai characters only at whitespace (Latin words, numbers like 2,561.50, "พ.ศ." stay whole);
 * - at a segmenter boundary where a Thai character is on either side,
 * - except inside a compound of src/thai/compounds.ts (ICU splits หนี้|สิน, ผู้|บริหาร, งบ|ประมาณ), inside a
 *   word ICU cuts in context (ICU_CUTS), or between an era and its year (พ.ศ. 2567).
 * Hard line breaks ("\n") are the caller's. A word too long for its line breaks at the segmenter boundaries inside
 * its compounds (compoundInnerBreaks), and failing that between grapheme clusters (emergencyBreaks), but never
 * inside a Thai abbreviation (ต.ค., พ.ศ., ก.ค.ศ.): that overflows or shrinks instead.
 *
 * Intl.Segmenter plus this compound pass was measured against the npm package wordcut (dictionary maximal
 * matching) on the seed plan's 14.5k characters: wordcut takes ~225 ms to load and ~300 ms to cut it, ICU ~1 ms,
 * and wordcut still splits ผู้|บริหาร, คุ้ม|ค่า, ราคา|กลาง, ข้าราชการ|ครู; the list fixes those for both.
 */
import { COMPOUNDS } from './compounds.ts';

const wordSeg = new Intl.Segmenter('th', { granularity: 'word' });
const graphemeSeg = new Intl.Segmenter('th', { granularity: 'grapheme' });

const OPENING = new Set('([{<"\'“‘«\u2018\u201C#@฿$'.split(''));
const CLOSING = new Set(')]}>"\'”’»,.;:!?%…\u0E46\u0E2F\u0E5A\u0E5B/-–—'.split(''));
const CLOSING_AFTER_SPACE = new Set(')]}»”’%'.split(''));

/** ZERO WIDTH SPACE: an explicit break opportunity (Satori's only way to break Thai). */
export const ZWSP = '\u200B';

const isSpace = (c: string) => c === ' ' || c === '\t';
const isThaiChar = (c: string) => {
  const cp = c.charCodeAt(0);
  return cp >= 0x0e01 && cp <= 0x0e5b;
};
const isMark = (c: string) => /[\p{M}\u0E33]/u.test(c);

export function isWhitespace(c: string): boolean {
  return isSpace(c);
}

const isDigit = (c: string) => /[0-9\u0E50-\u0E59]/.test(c);
/** An era before a space (พ.ศ. 2567, ค.ศ. 2024): the year stays on its line. */
const ERA_BEFORE = /(?:พ\.ศ\.|ค\.ศ\.|จ\.ศ\.|ร\.ศ\.)\s+$/;

/** May a line break before text[p] (0 < p < text.length), by the character rules alone? */
export function canBreakBetween(text: string, p: number): boolean {
  const a = text[p - 1]!;
  const b = text[p]!;
  if (a === '\n' || b === '\n') return false; // handled as hard breaks
  if (b === '\u0E46' || b === '\u0E2F') return false; // ๆ ฯ never start a line, even after a space
  if (isSpace(a)) return !isSpace(b) && !CLOSING_AFTER_SPACE.has(b) && !(isDigit(b) && ERA_BEFORE.test(text.slice(Math.max(0, p - 8), p)));
  if (isSpace(b) || b === '\u00A0' || a === '\u00A0') return false;
  if (isMark(b)) return false;
  if (a === ZWSP) return true;
  if (OPENING.has(a) || CLOSING.has(b)) return false;
  if (a === '.' || a === ',') return false;
  return isThaiChar(a) || isThaiChar(b);
}

let DICTIONARY = new Set(COMPOUNDS);
let LONGEST = Math.max(...COMPOUNDS.map((w) => w.length));
/** first two characters of every compound: most word starts are no compound's, and are skipped at once */
let PREFIXES = new Set(COMPOUNDS.map((w) => w.slice(0, 2)));
let agency: readonly string[] = [];

/**
 * The agency's own words (organisation.yaml `keep_together`) on top of the built-in list. Each renderer sets
 * them from the model it draws before laying out text; setting the same list again costs nothing.
 */
export function setAgencyWords(words: readonly string[]): void {
  if (words.length === agency.length && words.every((w, i) => w === agency[i])) return;
  agency = [...words];
  const all = [...COMPOUNDS, ...agency];
  DICTIONARY = new Set(all);
  LONGEST = Math.max(...all.map((w) => w.length));
  PREFIXES = new Set(all.map((w) => w.slice(0, 2)));
}

/** Boundaries found, by text: ICU's dictionary segmentation is most of the breaker's time, and a build cuts the
 *  same texts many times (a project's paragraphs in its sheet and its plan book, a card's lines at each fit
 *  level). Texts kept; past this the memo starts again. */
const BOUNDARIES_KEPT = 10_000;
const boundaries = new Map<string, readonly number[]>();

/** Segmenter boundaries (0 and text.length included), plus the places before ฯ ๆ where a compound may end
 *  (เงินทุนหมุนเวียนฯ). Shared arrays: callers only read them. */
function wordBoundaries(text: string): readonly number[] {
  const hit = boundaries.get(text);
  if (hit) return hit;
  const out = segmentBoundaries(text);
  if (boundaries.size >= BOUNDARIES_KEPT) boundaries.clear();
  boundaries.set(text, out);
  return out;
}

/**
 * Words ICU's dictionary cuts in some contexts, found in the plans' own text: น้อยห|รือ, การเต|รี|ยม, จัด|ทำความ,
 * ความ|สา|มา|รถ (the same words alone come out whole). Wherever one occurs its inner boundaries are dropped and
 * its ends become boundaries. Only words that are never the inside of another word belong here.
 */
const ICU_CUTS = ['หรือ', 'เตรียม', 'จัดทำ', 'สามารถ'];

function segmentBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const seg of wordSeg.segment(text)) {
    out.push(seg.index);
    const last = seg.index + seg.segment.length - 1;
    if (last > seg.index && (text[last] === '\u0E2F' || text[last] === '\u0E46')) out.push(last);
  }
  out.push(text.length);
  return repairCuts(text, out);
}

/** Where the words of ICU_CUTS occur in text, as [start, end). */
function cutWords(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const w of ICU_CUTS) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
      const end = i + w.length;
      // A mark after the word would make its last letter another syllable's.
      if (end < text.length && isMark(text[end]!)) continue;
      out.push([i, end]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function repairCuts(text: string, bounds: number[]): number[] {
  const words = cutWords(text);
  if (!words.length) return bounds;
  const mended = new Set(bounds);
  for (const [s, e] of words) {
    for (let p = s + 1; p < e; p++) mended.delete(p);
    mended.add(s);
    mended.add(e);
  }
  return [...mended].sort((a, b) => a - b);
}

function rangesAt(text: string, bounds: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < bounds.length; i++) {
    const s = bounds[i]!;
    if (!PREFIXES.has(text.slice(s, s + 2))) continue;
    let end = -1;
    for (let j = i + 2; j < bounds.length && bounds[j]! - s <= LONGEST; j++) if (DICTIONARY.has(text.slice(s, bounds[j]!))) end = bounds[j]!;
    if (end < 0) continue;
    const last = out.at(-1);
    if (last && s < last[1]) last[1] = Math.max(last[1], end);
    else out.push([s, end]);
  }
  return out;
}

/**
 * Dictionary compounds and the words of ICU_CUTS in `text` as sorted [start, end) ranges; overlapping ones (ความคุ้มค่า + ค่าใช้จ่าย) are merged,
 * since a break inside either would cut a word. A compound counts only where it starts and ends at segmenter
 * boundaries, so letters that merely spell one (หนี้สิน in หนี้|สินค้า, where ICU's word ends past them) are not it.
 */
export function compoundRanges(text: string): Array<[number, number]> {
  const ranges = rangesAt(text, wordBoundaries(text));
  const words = cutWords(text);
  if (!words.length) return ranges;
  // ICU_CUTS words too (the site's browser cuts them as ICU does), merged with the compounds they touch.
  const out: Array<[number, number]> = [];
  for (const r of [...ranges, ...words].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Sorted positions p (0 < p < text.length) where a line may break before text[p]. */
export function breakOpportunities(text: string): number[] {
  const bounds = wordBoundaries(text);
  const ranges = rangesAt(text, bounds);
  const out: number[] = [];
  let r = 0;
  let prev = 0;
  const add = (p: number) => {
    while (r < ranges.length && ranges[r]![1] <= p) r++;
    const inside = r < ranges.length && ranges[r]![0] < p;
    if (!inside && canBreakBetween(text, p)) out.push(p);
  };
  for (const p of bounds) {
    if (p <= prev || p >= text.length) continue;
    // whitespace runs inside one segment (rare): a break after each whitespace run
    for (let q = prev + 1; q < p; q++) if (isSpace(text[q - 1]!)) add(q);
    add(p);
    prev = p;
  }
  for (let q = prev + 1; q < text.length; q++) if (isSpace(text[q - 1]!)) add(q);
  return out;
}

/** For a word too long for its line: the segmenter boundaries inside its compounds, where it is best cut. */
export function compoundInnerBreaks(text: string): number[] {
  const out: number[] = [];
  const bounds = new Set(wordBoundaries(text));
  for (const [s, e] of compoundRanges(text)) for (let p = s + 1; p < e; p++) if (bounds.has(p) && canBreakBetween(text, p)) out.push(p);
  return out;
}

/** Grapheme cluster boundaries (for breaking an over-long word), excluding 0 and text.length. */
export function graphemeBoundaries(text: string): number[] {
  const out: number[] = [];
  for (const seg of graphemeSeg.segment(text)) if (seg.index > 0) out.push(seg.index);
  return out;
}

/**
 * Thai abbreviations: at least two syllable initials, each a consonant with its vowels and marks followed by a
 * period (ม.ค., มี.ค., เม.ย., พ.ศ., ก.ค.ศ.)
 */
const THAI_ABBREVIATION = /(?:[\u0E40-\u0E44]?[\u0E01-\u0E2E][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*\.){2,}/g;

/** A number as written, in Arabic or Thai digits, with its separators (1,200,000 · ๒๕๖๗ · 27.5). */
const NUMBER = /[0-9\u0E50-\u0E59]+(?:[,.][0-9\u0E50-\u0E59]+)*/g;

/** Where an over-long word may be cut: grapheme boundaries, except inside a Thai abbreviation or a number (a
 *  budget cut as "1,200,00" over "0" reads as another amount; the line runs over instead). */
export function emergencyBreaks(text: string): number[] {
  const inside = new Set<number>();
  for (const re of [THAI_ABBREVIATION, NUMBER]) for (const m of text.matchAll(re)) for (let p = m.index + 1; p < m.index + m[0].length; p++) inside.add(p);
  return graphemeBoundaries(text).filter((p) => !inside.has(p));
}

/**
 * The text with U+200B at every break opportunity between two visible characters (for renderers that break only
 * at spaces, like Satori); existing U+200B are dropped first so the hints are exactly ours.
 */
export function withBreakHints(text: string): string {
  const plain = text.replaceAll(ZWSP, '');
  let out = '';
  let prev = 0;
  for (const p of breakOpportunities(plain)) {
    if (isSpace(plain[p - 1]!) || isSpace(plain[p]!)) continue;
    out += plain.slice(prev, p) + ZWSP;
    prev = p;
  }
  return out + plain.slice(prev);
}

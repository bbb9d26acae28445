/**
 * Line-break opportunities for Thai and Latin text.
 *
 * Thai has no spaces between words, so candidate boundaries come from Intl.Segmenter('th', { granularity: 'word' })
 * (ICU's dictionary-based Thai word breaker). It has no line-break mode, so the rules are ours:
 * - a break is allowed after whitespace, never before it (spaces hang at the line end);
 * - never after opening brackets/quotes, never before closing punctuation, ๆ, ฯ, or a full stop;
 * - between two non-Thai characters only at whitespace (Latin words, numbers like 2,561.50, "พ.ศ." stay whole);
 * - at a segmenter boundary where a Thai character is on either side.
 * Hard line breaks ("\n") are reported separately. A word too long for its line breaks between grapheme clusters
 * (emergencyBreaks), but never inside a Thai abbreviation (ต.ค., พ.ศ., ก.ค.ศ.): that overflows or shrinks instead.
 */

const wordSeg = new Intl.Segmenter('th', { granularity: 'word' });
const graphemeSeg = new Intl.Segmenter('th', { granularity: 'grapheme' });

const OPENING = new Set('([{<"\'“‘«\u2018\u201C#@฿$'.split(''));
const CLOSING = new Set(')]}>"\'”’»,.;:!?%…\u0E46\u0E2F\u0E5A\u0E5B/-–—'.split(''));

const CLOSING_AFTER_SPACE = new Set(')]}»”’%'.split(''));

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u00A0' ? c !== '\u00A0' : false;
const isThaiChar = (c: string) => {
  const cp = c.charCodeAt(0);
  return cp >= 0x0e01 && cp <= 0x0e5b;
};
const isMark = (c: string) => /[\p{M}\u0E33]/u.test(c);

/** Sorted positions p (0 < p < text.length) where a line may break before text[p]. */
export function breakOpportunities(text: string): number[] {
  const out: number[] = [];
  for (const seg of wordSeg.segment(text)) {
    const p = seg.index;
    if (p === 0) continue;
    if (canBreakBetween(text, p)) out.push(p);
  }
  // whitespace runs inside one segment (rare) — ensure a break after each whitespace run
  for (let p = 1; p < text.length; p++) {
    if (isSpace(text[p - 1]!) && canBreakBetween(text, p) && !out.includes(p)) out.push(p);
  }
  return out.sort((a, b) => a - b);
}

export function canBreakBetween(text: string, p: number): boolean {
  const a = text[p - 1]!;
  const b = text[p]!;
  if (a === '\n' || b === '\n') return false; // handled as hard breaks
  if (b === '\u0E46' || b === '\u0E2F') return false; // ๆ ฯ never start a line, even after a space
  if (isSpace(a)) return !isSpace(b) && !CLOSING_AFTER_SPACE.has(b);
  if (isSpace(b) || b === '\u00A0' || a === '\u00A0') return false;
  if (isMark(b)) return false;
  if (a === '\u200B') return true; // ZERO WIDTH SPACE: explicit opportunity
  if (OPENING.has(a) || CLOSING.has(b)) return false;
  if (a === '.' || a === ',') return false;
  if (isThaiChar(a) || isThaiChar(b)) return true;
  return false;
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

/** Where an over-long word may be cut: grapheme boundaries, except inside a Thai abbreviation. */
export function emergencyBreaks(text: string): number[] {
  const inside = new Set<number>();
  for (const m of text.matchAll(THAI_ABBREVIATION)) for (let p = m.index + 1; p < m.index + m[0].length; p++) inside.add(p);
  return graphemeBoundaries(text).filter((p) => !inside.has(p));
}

export function isWhitespace(c: string): boolean {
  return isSpace(c);
}

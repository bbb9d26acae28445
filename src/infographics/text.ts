// Thai text preparation for Satori. Satori does not find Thai word boundaries, so a paragraph without spaces
// never wraps: we insert U+200B (zero-width space) between the words Intl.Segmenter finds.
export const ZWSP = '\u200B';
const THAI = /[\u0E00-\u0E7F]/;
let segmenter: Intl.Segmenter | undefined;

/** Inserts U+200B between Thai words (never next to an existing space or around punctuation that must cling). */
export function thaiBreaks(text: string): string {
  if (!THAI.test(text)) return text;
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  let out = '';
  let prev = '';
  for (const { segment } of segmenter.segment(text.replaceAll(ZWSP, ''))) {
    if (out && needsBreak(prev, segment)) out += ZWSP;
    out += segment;
    prev = segment;
  }
  return out;
}

// Only between two Thai words: Latin, digits and punctuation keep the normal line-break rules
// ("(Plan)" stays together, "ฯ" and "ๆ" stay on their word, "ธ.ก.ส." is not split at its dots).
function needsBreak(before: string, after: string): boolean {
  const a = before.at(-1) ?? '';
  const b = after[0] ?? '';
  if (!THAI.test(a) || !THAI.test(b)) return false;
  if (b === 'ฯ' || b === 'ๆ' || a === '.' || b === '.') return false;
  return true;
}

/** Cuts text to at most `max` characters (grapheme-safe, at a word boundary when one is near) and adds "…". */
export function truncate(text: string, max: number): string {
  if ([...text].length <= max) return text;
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if ([...out].length + [...segment].length > max) break;
    out += segment;
  }
  if ([...out].length < max * 0.6) {
    // One very long "word" (a 300-character name without spaces): cut at a grapheme boundary instead.
    const g = new Intl.Segmenter('th', { granularity: 'grapheme' });
    out = '';
    for (const { segment } of g.segment(text)) {
      if ([...out].length + [...segment].length > max) break;
      out += segment;
    }
  }
  return `${out.trimEnd()}…`;
}

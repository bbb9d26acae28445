// Thai text preparation for Satori. Satori does not find Thai word boundaries, so a paragraph without spaces
// never wraps: the one breaker (src/thai/breaks.ts, also the PDF's) puts U+200B at its break opportunities.
import { withBreakHints } from '../thai/breaks.ts';
import { ELLIPSIS, ellipsize } from '../thai/ellipsis.ts';

export { ZWSP } from '../thai/breaks.ts';
const THAI = /[\u0E00-\u0E7F]/;

/** Inserts U+200B where a Thai line may break (never inside a dictionary compound, an abbreviation or before ๆ ฯ). */
export function thaiBreaks(text: string): string {
  return THAI.test(text) ? withBreakHints(text) : text;
}

/** Cuts text to at most `max` characters before the "…" (templates cannot measure text before Satori lays it out),
 *  with the one shortening rule of src/thai (between words when one is near, else between grapheme clusters). */
export const truncate = (text: string, max: number): string =>
  ellipsize(text, (s) => [...s].length <= (s === text ? max : max + ELLIPSIS.length));

// Thai text preparation for Satori. Satori does not find Thai word boundaries, so a paragraph without spaces
// never wraps: the one breaker (src/thai/breaks.ts, also the PDF's) puts U+200B at its break opportunities.
import { breakOpportunities, graphemeBoundaries, withBreakHints } from '../thai/breaks.ts';

export { ZWSP } from '../thai/breaks.ts';
const THAI = /[\u0E00-\u0E7F]/;

/** Inserts U+200B where a Thai line may break (never inside a dictionary compound, an abbreviation or before ๆ ฯ). */
export function thaiBreaks(text: string): string {
  return THAI.test(text) ? withBreakHints(text) : text;
}

/** Cuts text to at most `max` characters (grapheme-safe, at a line-break opportunity when one is near) and adds "…". */
export function truncate(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const fits = (p: number) => [...text.slice(0, p)].length <= max;
  let cut = breakOpportunities(text).filter(fits).at(-1) ?? 0;
  // One very long "word" (a 300-character name without spaces): cut at a grapheme boundary instead.
  if ([...text.slice(0, cut)].length < max * 0.6) cut = graphemeBoundaries(text).filter(fits).at(-1) ?? 0;
  return `${text.slice(0, cut).trimEnd()}…`;
}

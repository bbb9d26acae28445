// One way to shorten a label that does not fit, for every renderer (card chips by characters, PDF chart labels
// by width): cut between words where the one breaker allows it, so a Thai word or compound is never split, and
// between grapheme clusters (never between a letter and its marks) only when the word cut would lose too much.
import { breakOpportunities, graphemeBoundaries } from './breaks.ts';

export const ELLIPSIS = '…';

/** A word cut keeping less than this share of what a grapheme cut keeps is too short (one very long "word"). */
const WORD_CUT_MIN = 0.6;

/**
 * `text` when `fits(text)`, else the longest prefix that fits with "…" after it (trailing spaces dropped).
 * `fits` is asked of the whole text and of each shortened candidate, which ends in "…".
 */
export function ellipsize(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const candidate = (p: number) => `${text.slice(0, p).trimEnd()}${ELLIPSIS}`;
  const longest = (cuts: number[]) => {
    for (let i = cuts.length - 1; i >= 0; i--) if (fits(candidate(cuts[i]!))) return cuts[i]!;
    return 0;
  };
  const byGrapheme = longest(graphemeBoundaries(text));
  const byWord = longest(breakOpportunities(text).filter((p) => p <= byGrapheme));
  return candidate(byWord >= byGrapheme * WORD_CUT_MIN ? byWord : byGrapheme);
}

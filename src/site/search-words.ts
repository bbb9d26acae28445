// Thai words for the search index and the search box, cut by the one breaker (src/thai/breaks.ts) on both
// sides. Pagefind cuts Thai itself, but with two different dictionaries (charabia when indexing, the
// browser's ICU when searching), so the words of a query often are not the words of the index and a query
// matches pages through fragments (หนี้สิน found สนับสนุน and กำหนด). Here the index is built as a
// language Pagefind does not cut, from text whose Thai words are already apart, and the query is cut the
// same way.
import { breakOpportunities, compoundInnerBreaks } from '../thai/breaks.ts';
import { mapTextNodes } from './words.ts';

/**
 * Pagefind keeps only spaces between the words of a page (other whitespace and zero-width characters are
 * dropped), so the index gets plain spaces between Thai words, and a space the page itself has next to
 * Thai is written as SPACE_MARK between spaces: the search page then takes out every space between two
 * Thai letters of a title or excerpt and turns the marks back into spaces (`unsegment`).
 */
export const SPACE_MARK = '\u2E31';

/** The Pagefind language of the index: one that Pagefind neither cuts nor stems ("und", undetermined). */
export const SEARCH_LANGUAGE = 'und';

/** Where the search page loads Pagefind from (PagefindUI's bundlePath): the ranked module that
 *  search-index.ts writes beside the index. */
export const RANKED_BUNDLE = 'pagefind/ranked/';

const THAI = /[\u0E01-\u0E4E]/;

/** Word boundaries touching Thai: the breaker's, inside its dictionary compounds too (หนี้|สิน), so a
 *  part of a compound (ครู in ข้าราชการครู) is a word of the index and the compound is found as a phrase. */
function cuts(text: string): number[] {
  const all = [...new Set([...breakOpportunities(text), ...compoundInnerBreaks(text)])].sort((a, b) => a - b);
  return all.filter((p) => !/\s/.test(text[p - 1]!) && !/\s/.test(text[p]!));
}

/** The Thai words of a text apart, a space between each two. */
export function thaiWords(text: string): string {
  if (!THAI.test(text)) return text;
  let out = '';
  let prev = 0;
  for (const p of cuts(text)) {
    out += `${text.slice(prev, p)} `;
    prev = p;
  }
  return out + text.slice(prev);
}

/** A text node for the index: its words apart, and its own spaces next to Thai (or at its edges) marked. */
export function indexText(text: string): string {
  if (!THAI.test(text)) return text;
  const marked = text.replace(/\s+/g, (ws, at: number) => {
    const before = text[at - 1];
    const after = text[at + ws.length];
    const nearThai = before === undefined || after === undefined || THAI.test(before) || THAI.test(after);
    return nearThai ? ` ${SPACE_MARK} ` : ws;
  });
  return thaiWords(marked);
}

/**
 * What the search box hands Pagefind: the query's Thai words apart, as in the index. One typed word with
 * Thai in it (หนี้สิน) is searched as the exact phrase of its words: Pagefind otherwise matches each word
 * alone anywhere on the page, and a word it does not find at all by its longest prefix that it does
 * (ไวรัส by ไว้). Several typed words (ระบบ สำรองข้อมูล) are searched as words, each anywhere.
 */
export function searchTerm(query: string): string {
  const q = query.trim().replace(/\s+/g, ' ');
  const words = thaiWords(q).replace(/ +/g, ' ');
  return THAI.test(q) && !q.includes(' ') && !q.includes('"') ? `"${words}"` : words;
}

const THAI_LETTER = '[\u0E01-\u0E5B]';
/** A space between two Thai letters, also across Pagefind's <mark> tags. */
const GAP = new RegExp(`(${THAI_LETTER}(?:</mark>)?) +(?=(?:<mark>)?${THAI_LETTER})`, 'g');
const MARK = new RegExp(` *${SPACE_MARK} *`, 'g');
/** A gap between a bracket or quote and Thai: an element boundary's (the page's own spaces there are marked). */
const BRACKET_GAP = new RegExp(`([([“‘"'](?:<mark>)?) +(?=(?:<mark>)?${THAI_LETTER})|(${THAI_LETTER}(?:</mark>)?) +(?=(?:</mark>)?[)\\]”’"',])`, 'g');

/** A result's title or excerpt as the page has it: the index's spaces between Thai words taken out. */
export function unsegment(text: string): string {
  return text
    .split(MARK)
    .map((part) => part.replace(GAP, '$1').replace(BRACKET_GAP, '$1$2'))
    .join(' ');
}

/** Text nodes already cut, by their text: a site's pages repeat most of theirs (menus, headings, names),
 *  and cutting is the index's main cost (11 s of 10 × 100 projects' 1,020 pages before). */
const segmented = new Map<string, string>();
/** Elements whose text is not page text. */
const RAW = new Set(['script', 'style', 'svg', 'template']);

/**
 * A page's HTML for the index: the Thai words of every text node apart, and a gap at a text node's edge
 * next to Thai (an element boundary inside a line, like span.nowrap around a compound, is a word boundary;
 * Pagefind would join the two texts).
 */
export function segmentHtml(html: string): string {
  if (segmented.size > 200_000) segmented.clear();
  return mapTextNodes(html, RAW, (p) => {
    if (!THAI.test(p)) return p;
    let cut = segmented.get(p);
    if (cut === undefined) {
      const edge = (c: string | undefined) => (c !== undefined && THAI.test(c) ? ' ' : '');
      segmented.set(p, (cut = edge(p[0]) + indexText(p) + edge(p.at(-1))));
    }
    return cut;
  });
}

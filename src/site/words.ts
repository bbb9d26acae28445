// Dictionary compounds kept on one line in the browser. Chromium breaks Thai with ICU's dictionary, which splits
// หนี้|สิน, ผู้|บริหาร, งบ|ประมาณ; a <span class="nowrap"> around each compound of src/thai/compounds.ts stops
// that. Measured in Chromium against U+2060 WORD JOINER inside the word: both keep it whole, but the span adds no
// character, so copy/paste, find-in-page, Pagefind's index and screen readers see exactly the plain text.
import { compoundRanges, setAgencyWords } from '../thai/breaks.ts';

/** A tag or comment; quoted attribute values may hold ">". */
export const TAG = /(<!--[\s\S]*?-->|<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)/;
/** Elements whose text is not prose laid out by the browser as lines of HTML. */
const RAW = new Set(['script', 'style', 'svg', 'code', 'pre', 'textarea', 'title', 'template']);

/**
 * wrap() of each text already seen, for the dictionary it was made with: pages repeat the same labels and names
 * (a 10 × 100 site has 230,000 text nodes, 12,000 of them distinct), and the segmenter was most of a page's time.
 */
let seen = new Map<string, string>();
let seenWords = '';
/** Enough for every distinct text of a large site; a dev server that edits for hours starts again past it. */
const SEEN_MAX = 200_000;

/** The agency's words (organisation.yaml keep_together) on top of the built-in compounds, for what follows. */
function useWords(words: readonly string[]): void {
  setAgencyWords(words);
  const key = words.join('\n');
  if (key !== seenWords || seen.size > SEEN_MAX) {
    seen = new Map();
    seenWords = key;
  }
}

function wrap(text: string): string {
  let out = seen.get(text);
  if (out !== undefined) return out;
  out = wrapNew(text);
  seen.set(text, out);
  return out;
}

function wrapNew(text: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of compoundRanges(text)) {
    out += `${text.slice(at, s)}<span class="nowrap">${text.slice(s, e)}</span>`;
    at = e;
  }
  return out + text.slice(at);
}

/** `html` with each text node outside the `raw` elements (and outside comments) replaced by `f(text)`: the one
 *  walk over a page's text, for the no-wrap spans and for the search index. */
export function mapTextNodes(html: string, raw: ReadonlySet<string>, f: (text: string) => string): string {
  const parts = html.split(TAG);
  let inside: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i % 2 === 1) {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(p);
      const name = m?.[2]?.toLowerCase();
      if (!name) continue;
      if (inside === undefined && !m![1] && raw.has(name) && !p.endsWith('/>')) inside = name;
      else if (inside === name && m![1]) inside = undefined;
    } else if (inside === undefined && p !== '') {
      parts[i] = f(p);
    }
  }
  return parts.join('');
}

/** The HTML with every dictionary compound of its text (not inside script, style, svg, code …) in span.nowrap;
 *  `words` are the agency's own (organisation.yaml keep_together). */
export function keepCompounds(html: string, words: readonly string[]): string {
  useWords(words);
  return mapTextNodes(html, RAW, (p) => (/[\u0E01-\u0E4E]/.test(p) ? wrap(p) : p));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML with its compounds in span.nowrap (for text the layout prints itself). */
export function keepCompoundsText(text: string, words: readonly string[]): string {
  useWords(words);
  return wrap(text.replace(/[&<>"']/g, (c) => ESCAPES[c]!));
}

// Dictionary compounds kept on one line in the browser. Chromium breaks Thai with ICU's dictionary, which splits
// หนี้|สิน, ผู้|บริหาร, งบ|ประมาณ; a <span class="nowrap"> around each compound of src/thai/compounds.ts stops
// that. Measured in Chromium against U+2060 WORD JOINER inside the word: both keep it whole, but the span adds no
// character, so copy/paste, find-in-page, Pagefind's index and screen readers see exactly the plain text.
import { compoundRanges, setAgencyWords } from '../thai/breaks.ts';

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

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The end (exclusive) of the tag or comment that starts at html[i] === '<', or -1 when none starts there (a '<'
 * of the text, an unclosed comment or tag). A quoted attribute value may hold '>'. A hand-written scan: the
 * regular expression it replaced, split over a 10 × 100 site's 38 MB of pages, was a fifth of Astro's time.
 */
function tagEnd(html: string, i: number): number {
  if (html.startsWith('<!--', i)) {
    const e = html.indexOf('-->', i + 4);
    if (e >= 0) return e + 3;
  }
  let j = i + 1;
  if (html.charCodeAt(j) === 47) j++;
  if (!isLetter(html.charCodeAt(j))) return -1;
  for (j++; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (c === 62) return j + 1;
    if (c === 34 || c === 39) {
      j = html.indexOf(html[j]!, j + 1);
      if (j < 0) return -1;
    }
  }
  return -1;
}

/** The next tag or comment at or after `from`, as [start, end), or undefined when there is none. */
export function nextTag(html: string, from: number): [number, number] | undefined {
  for (let i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
    const e = tagEnd(html, i);
    if (e >= 0) return [i, e];
  }
  return undefined;
}

/** The lower-case name of the tag html[i, end) (a comment has none: ''), and whether it is an end tag. */
export function tagName(html: string, i: number, end: number): { name: string; close: boolean } {
  if (html.charCodeAt(i + 1) === 33) return { name: '', close: false };
  const close = html.charCodeAt(i + 1) === 47;
  const start = i + (close ? 2 : 1);
  let n = start;
  while (n < end) {
    const c = html.charCodeAt(n);
    if (isLetter(c) || (c >= 48 && c <= 57) || c === 45) n++;
    else break;
  }
  return { name: html.slice(start, n).toLowerCase(), close };
}

/** `html` with each text node outside the `raw` elements (and outside comments) replaced by `f(text)`: the one
 *  walk over a page's text, for the no-wrap spans and for the search index. Unchanged text is not copied. */
export function mapTextNodes(html: string, raw: ReadonlySet<string>, f: (text: string) => string): string {
  let out = '';
  let copied = 0; // html[0, copied) is in out
  let text = 0; // where the current text node starts
  let inside: string | undefined;
  const textUntil = (end: number) => {
    if (end <= text || inside !== undefined) return;
    const t = html.slice(text, end);
    const r = f(t);
    if (r === t) return;
    out += html.slice(copied, text) + r;
    copied = end;
  };
  for (let t = nextTag(html, 0); t; t = nextTag(html, t[1])) {
    const [i, e] = t;
    textUntil(i);
    const { name, close } = tagName(html, i, e);
    if (name) {
      if (inside === undefined && !close && raw.has(name) && html.charCodeAt(e - 2) !== 47) inside = name;
      else if (inside === name && close) inside = undefined;
    }
    text = e;
  }
  textUntil(html.length);
  return copied === 0 ? html : out + html.slice(copied);
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

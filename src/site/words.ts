// Dictionary compounds kept on one line in the browser. Chromium breaks Thai with ICU's dictionary, which splits
// หนี้|สิน, ผู้|บริหาร, งบ|ประมาณ; a <span class="nowrap"> around each compound of src/thai/compounds.ts stops
// that. Measured in Chromium against U+2060 WORD JOINER inside the word: both keep it whole, but the span adds no
// character, so copy/paste, find-in-page, Pagefind's index and screen readers see exactly the plain text.
import { compoundRanges } from '../thai/breaks.ts';

/** A tag or comment; quoted attribute values may hold ">". */
const TAG = /(<!--[\s\S]*?-->|<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)/;
/** Elements whose text is not prose laid out by the browser as lines of HTML. */
const RAW = new Set(['script', 'style', 'svg', 'code', 'pre', 'textarea', 'title', 'template']);

function wrap(text: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of compoundRanges(text)) {
    out += `${text.slice(at, s)}<span class="nowrap">${text.slice(s, e)}</span>`;
    at = e;
  }
  return out + text.slice(at);
}

/** The HTML with every dictionary compound of its text (not inside script, style, svg, code …) in span.nowrap. */
export function keepCompounds(html: string): string {
  const parts = html.split(TAG);
  let raw: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i % 2 === 1) {
      const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(p);
      const name = m?.[2]?.toLowerCase();
      if (!name) continue;
      if (raw === undefined && !m![1] && RAW.has(name) && !p.endsWith('/>')) raw = name;
      else if (raw === name && m![1]) raw = undefined;
    } else if (raw === undefined && /[\u0E01-\u0E4E]/.test(p)) {
      parts[i] = wrap(p);
    }
  }
  return parts.join('');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML with its compounds in span.nowrap (for text the layout prints itself). */
export function keepCompoundsText(text: string): string {
  return wrap(text.replace(/[&<>"']/g, (c) => ESCAPES[c]!));
}

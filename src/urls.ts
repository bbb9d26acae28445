// The one URL policy of every output (site, PDF, images) and of site.url in organisation.yaml.
// Allowed: http:, https:, mailto:, and relative intranet paths (/plans/…, plans/…, #anchor, ?q). Anything
// else — javascript:, data:, vbscript:, file:, blob:, any other scheme — is not a link: callers render the
// link's text and drop the address. A leaf module (it imports nothing of ours) so that every layer, the PDF
// core included, can use it (.dependency-cruiser.cjs: urls-self-contained).
//
// Obfuscations are judged the way the most lenient reader would: surrounding whitespace and control
// characters are ignored (as browsers do) but any control character inside rejects the address (browsers
// drop tab and newline, so "java\tscript:" is javascript:); a relative address whose first segment would
// show a ":" once entity references (&#58; &colon;) or percent escapes (%3A) are decoded is rejected, so no
// reader that decodes before looking at the scheme can find one.
//
// Protocol-relative addresses (//host, \\host, /\host) are rejected everywhere: they take the scheme of
// whatever opens them, which is file: for a saved page or a PDF (on Windows, file://host/ is an SMB share
// that receives the reader's credentials), and the site must not load or point outside by accident. An
// author who means another host writes http:// or https://.

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
/** What browsers strip from both ends (C0 controls and space), plus Unicode spaces and invisible marks. */
const EDGES = /^[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]+|[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]+$/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', bsol: '\\', num: '#', quest: '?', amp: '&', percnt: '%' };

/** Entity references and percent escapes decoded, repeatedly (a few rounds: nesting deeper is rejected). */
function decoded(s: string): string | undefined {
  let cur = s;
  for (let i = 0; i < 4; i++) {
    const next = cur
      .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
      .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Math.min(parseInt(d, 10), 0x10ffff)))
      .replace(/&([a-z]+);?/gi, (m, n: string) => NAMED[n.toLowerCase()] ?? m)
      .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (next === cur) return cur;
    cur = next;
  }
  return undefined;
}

export type UrlUse = 'link' | 'image';

/**
 * The address to write for `raw` (trimmed), or undefined when it must not be a link or an image source.
 * Images (`use: 'image'`) come from the site itself: relative paths only, no scheme at all.
 */
export function safeHref(raw: unknown, use: UrlUse = 'link'): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.replace(EDGES, '');
  if (s === '' || CONTROL.test(s)) return undefined;
  const scheme = SCHEME.exec(s)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (use === 'image' || !ALLOWED_SCHEMES.has(scheme)) return undefined;
    if (scheme === 'mailto') return s;
    return URL.canParse(s) && /^https?:\/\/[^/\\?#]/i.test(s) ? s : undefined;
  }
  if (/^[/\\]{2}/.test(s)) return undefined;
  // decoded before it is cut: "&#58;" holds a "#" and "%2F" a "/"
  const first = decoded(s)?.split(/[/\\?#]/, 1)[0];
  if (first === undefined || first.includes(':') || CONTROL.test(first)) return undefined;
  return s;
}

/** An address a PDF can follow: an allowed absolute one (a PDF has no base, so a relative /URI is a file path). */
export function safeAbsoluteHref(raw: unknown): string | undefined {
  const s = safeHref(raw);
  return s !== undefined && SCHEME.test(s) ? s : undefined;
}

/**
 * The absolute address of a site path (src/paths.ts, without the base) under site.url, or undefined without a
 * valid site.url: the one way the PDFs, the calendars and the link previews name a page of the site.
 */
export function siteAddress(siteUrl: string | undefined, path: string): string | undefined {
  if (siteUrl === undefined || !isSiteUrl(siteUrl)) return undefined;
  return safeAbsoluteHref(URL.parse(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`)?.href);
}

/** site.url: an absolute http(s) address of the site, e.g. http://intranet.example.go.th/plans/ */
export function isSiteUrl(raw: unknown): boolean {
  const s = safeAbsoluteHref(raw);
  return s !== undefined && s === raw && /^https?:/i.test(s) && !/[?#]/.test(s);
}

// Builds the Pagefind search index over the site's HTML, once every page exists. Runs offline (pagefind's
// binary comes from its npm package). Pages opt in with data-pagefind-body (plan and project pages).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { join, relative, sep } from 'node:path';
import { RANKED_BUNDLE, SEARCH_LANGUAGE, segmentHtml } from './search-words.ts';
import { TAG } from './words.ts';

/** Every HTML file under dir, in sorted order: the order a directory lists them differs between filesystems,
 *  and the index must not (same input, same bytes). */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const BODY_ATTR = /data-pagefind-body/i;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content Pagefind's parser (lol_html) reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** Elements whose parsing this scanner does not follow: a page with one proves nothing. */
const UNSURE = new Set(['noscript', 'iframe', 'xmp', 'noembed', 'noframes', 'plaintext', 'math']);
/** Elements Pagefind ignores, a data-pagefind-body one too (its REMOVE_SELECTORS). */
const IGNORED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const ATTR = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Whether Pagefind counts a data-pagefind-body element on this page: an element with the attribute inside
 * <html>, not itself one Pagefind ignores (nav, footer, form…) and not inside data-pagefind-ignore="all".
 * False also when the markup is not plainly nested (an end tag that does not close the open element, a
 * self-closed HTML element) or has elements whose parsing this scanner does not follow.
 */
export function countsBody(html: string): boolean {
  const parts = html.split(TAG);
  const open: Array<{ name: string; excluded: boolean; svg: boolean }> = [];
  let counted = false;
  let raw: string | undefined;
  for (let i = 1; i < parts.length; i += 2) {
    const p = parts[i]!;
    if (p.startsWith('<!--') || (raw !== undefined && !new RegExp(`^</${raw}[\\s/>]`, 'i').test(p))) continue;
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(p)!;
    const name = m[2]!.toLowerCase();
    const top = open.at(-1);
    if (m[1]) {
      if (top?.name !== name) return false;
      open.pop();
      raw = undefined;
      continue;
    }
    if (UNSURE.has(name)) return false;
    const svg = name === 'svg' || !!top?.svg;
    if (VOID.has(name)) continue;
    if (p.endsWith('/>')) {
      if (!svg) return false;
      continue;
    }
    let excluded = !!top?.excluded;
    if (p.includes('data-pagefind-')) {
      const attrs = new Map([...p.matchAll(ATTR)].map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']));
      if (attrs.has('data-pagefind-body')) counted ||= !excluded && !IGNORED.has(name) && open.some((o) => o.name === 'html');
      const ignore = attrs.get('data-pagefind-ignore')?.toLowerCase();
      excluded ||= ignore !== undefined && !['', 'index', 'true'].includes(ignore);
    }
    open.push({ name, excluded, svg });
    if (RAW_TEXT.has(name) && !svg) raw = name;
  }
  return counted && open.length === 0;
}

/**
 * The pages Pagefind indexes, of a site's pages in order. Once any page has a data-pagefind-body element
 * Pagefind counts, it drops every page without one after reading it whole: those (the month reports, the
 * progress and infographics pages, a fifth of a large site's bytes) are not sent. With no such page
 * anywhere Pagefind indexes every page, and every page is sent.
 */
export function indexedPages(pages: readonly string[]): boolean[] {
  const mention = pages.map((html) => BODY_ATTR.test(html));
  // A page that names the attribute but where it is not an element's Pagefind counts is still sent.
  if (!pages.some((html, i) => mention[i] && countsBody(html))) return pages.map(() => true);
  return mention;
}

/**
 * Pagefind's API with one change for the search page: an exact search (a quoted phrase, which is what
 * search-words.ts makes of one typed Thai word) gives every page the same score, so its pages would come
 * in index order. Here the pages whose title (h1, weight 7 in Pagefind's index) holds the phrase come
 * first, then the others, each group in Pagefind's own ranking of the same words searched loosely. The
 * set of pages stays the exact search's.
 */
const RANKED_MODULE = `// Written by src/site/search-index.ts: Pagefind's exact-phrase results, best first.
import * as pagefind from '../pagefind.js';
export * from '../pagefind.js';

const TITLE_WEIGHT = 7;

/** Whether n matched words stand one after another (the phrase) in the page's title. */
function inTitle(locations, n) {
  const w = locations.filter((x) => x.weight >= TITLE_WEIGHT).sort((a, b) => a.location - b.location);
  for (let i = 0; i + n <= w.length; i++) if (w[i + n - 1].location - w[i].location === n - 1) return true;
  return false;
}

export async function search(term, options) {
  const exact = await pagefind.search(term, options);
  const m = /^\\s*"(.+)"\\s*$/.exec(term ?? '');
  if (!exact || !m) return exact;
  const words = m[1].trim().split(/\\s+/).length;
  const loose = new Map((await pagefind.search(m[1], options)).results.map((r) => [r.id, r]));
  const results = await Promise.all(exact.results.map(async (r) => {
    const l = loose.get(r.id);
    if (!l) return { ...r, score: 0, title: false };
    return { ...r, score: l.score, title: inTitle((await l.data()).weighted_locations, words) };
  }));
  results.sort((a, b) => Number(b.title) - Number(a.title) || b.score - a.score);
  return { ...exact, results };
}
`;

export async function buildSearchIndex(outDir: string): Promise<{ pages: number }> {
  const files = htmlFiles(outDir);
  const pages = files.map((file) => readFileSync(file, 'utf8'));
  const indexed = indexedPages(pages);
  // Thai words cut by the project's breaker (search-words.ts), in a language Pagefind leaves as it is.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    // Pagefind's service indexes the files one by one in the order they arrive (the index's page order):
    // each is sent as soon as it is cut, and the next is cut while Pagefind works on it.
    const added: Array<Promise<string[]>> = [];
    for (let i = 0; i < files.length; i++) {
      if (!indexed[i]) continue;
      const sourcePath = relative(outDir, files[i]!).split(sep).join('/');
      added.push(index.addHTMLFile({ sourcePath, content: segmentHtml(pages[i]!) }).then(
        (r) => r.errors.map((e) => `${files[i]}: ${e}`),
        (e: unknown) => [`${files[i]}: ${e instanceof Error ? e.message : String(e)}`],
      ));
      await new Promise(setImmediate);
    }
    const failed = (await Promise.all(added)).flat();
    if (failed.length > 0) throw new Error(`pagefind: ${failed.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    mkdirSync(join(outDir, RANKED_BUNDLE), { recursive: true });
    writeFileSync(join(outDir, RANKED_BUNDLE, 'pagefind.js'), RANKED_MODULE);
    // The count is the index's own (pages with no words are not in it).
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((a, l) => a + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}

// Builds the Pagefind search index over the site's HTML, once every page exists. Runs offline (pagefind's
// binary comes from its npm package). Pages opt in with data-pagefind-body (plan and project pages).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { linkOrCopy } from '../files.ts';
import { codeVersion } from '../outputs/version.ts';
import { RANKED_BUNDLE, SEARCH_LANGUAGE, segmentHtml } from './search-words.ts';
import { nextTag, tagName } from './words.ts';

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
  const open: Array<{ name: string; excluded: boolean; svg: boolean }> = [];
  let counted = false;
  let raw: string | undefined;
  for (let t = nextTag(html, 0); t; t = nextTag(html, t[1])) {
    const [i, e] = t;
    const p = html.slice(i, e);
    if (p.startsWith('<!--') || (raw !== undefined && !new RegExp(`^</${raw}[\\s/>]`, 'i').test(p))) continue;
    const { name, close } = tagName(html, i, e);
    const top = open.at(-1);
    if (close) {
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

/** Which bundle a page's words go to: one Pagefind bundle per plan (`plans/<id>/…`), one for the pages
 *  outside any plan. A plan's bundle only changes when its own pages do. */
export function bundleOf(sourcePath: string): string {
  return /^plans\/[^/]+\//.exec(sourcePath)?.[0] ?? 'site/';
}

/** Top-level files of a written bundle that the search page loads once, from pagefind/ (Pagefind's own JS,
 *  UI and styles); the rest (entry, meta, wasm, worker, index chunks) stays with each bundle, since the
 *  primary one loads its wasm and worker from its own folder. */
const SHARED = /^pagefind(?:-ui|-component-ui|-modular-ui|-highlight)?\.(?:js|css)$/;

/**
 * Pagefind's API with three changes for the search page. The bundles are one search: the first is the
 * primary index and the others are merged into it (Pagefind's mergeIndex, with the same options), so
 * whoever loads this module sees one index; each page carries its bundle as a hidden filter.
 * A word a bundle does not have at all is matched there by its longest prefix the bundle has (ไวรัส by
 * ไว้), where one index of the whole site would have had the word and matched only it: so a search of
 * several words looks in the bundles that have each word the site has (an exact search of the word
 * tells which). An exact search (a quoted phrase, which is what search-words.ts makes of one typed Thai
 * word) gives every page the same score, so its pages would come in index order. Here the pages whose
 * title (h1, weight 7 in Pagefind's index) holds the phrase come first, then the others, each group in
 * Pagefind's own ranking of the same words searched loosely. The set of pages stays the exact search's.
 */
const rankedModule = (bundles: readonly string[]) => `// Written by src/site/search-index.ts: Pagefind over every bundle, exact-phrase results best first.
import * as pagefind from '../pagefind.js';
export * from '../pagefind.js';

const TITLE_WEIGHT = 7;
/** The bundles, relative to the pagefind/ folder: the first is the primary index. */
const BUNDLES = ${JSON.stringify(bundles)};
/** The hidden filter that names a page's bundle. */
const BUNDLE = 'pagefind-bundle';
let merged;

/** basePath is the pagefind/ folder (by default the one beside this module). */
export async function options(o = {}) {
  const { basePath, ...rest } = o;
  const root = (basePath ?? new URL('../', import.meta.url).href).replace(/\\/?$/, '/');
  const tag = (b) => (BUNDLES.length > 1 ? { mergeFilter: { [BUNDLE]: b } } : {});
  await pagefind.options({ ...rest, ...tag(BUNDLES[0]), basePath: root + BUNDLES[0] });
  merged ??= (async () => {
    for (const b of BUNDLES.slice(1)) await pagefind.mergeIndex(root + b, { ...rest, ...tag(b) });
  })();
  await merged;
}

function hidden(filters) {
  if (!filters) return filters;
  const { [BUNDLE]: _, ...rest } = filters;
  return rest;
}

export async function filters() {
  return hidden(await pagefind.filters());
}

/** The bundles that have every word of the query that the site has. */
async function bundlesWithEvery(words, options) {
  let allowed = BUNDLES;
  for (const w of new Set(words)) {
    const counts = (await pagefind.search(\`"\${w}"\`, options))?.filters?.[BUNDLE] ?? {};
    const has = BUNDLES.filter((b) => counts[b] > 0);
    if (has.length > 0) allowed = allowed.filter((b) => has.includes(b));
  }
  return allowed;
}

async function looseSearch(term, options) {
  const words = (term ?? '').trim().split(/\\s+/).filter(Boolean);
  if (BUNDLES.length < 2 || words.length < 2) return pagefind.search(term, options);
  const allowed = await bundlesWithEvery(words, options);
  const r = await pagefind.search(term, allowed.length === BUNDLES.length ? options : { ...options, filters: { ...options?.filters, [BUNDLE]: { any: allowed } } });
  return r && allowed.length === 0 ? { ...r, results: [] } : r;
}

/** Whether n matched words stand one after another (the phrase) in the page's title. */
function inTitle(locations, n) {
  const w = locations.filter((x) => x.weight >= TITLE_WEIGHT).sort((a, b) => a.location - b.location);
  for (let i = 0; i + n <= w.length; i++) if (w[i + n - 1].location - w[i].location === n - 1) return true;
  return false;
}

async function ranked(term, options) {
  const m = /^\\s*"(.+)"\\s*$/.exec(term ?? '');
  if (!m) return looseSearch(term, options);
  const exact = await pagefind.search(term, options);
  if (!exact) return exact;
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

export async function search(term, options) {
  const r = await ranked(term, options);
  return r && { ...r, filters: hidden(r.filters), totalFilters: hidden(r.totalFilters) };
}
`;

/**
 * The code that turns a page into the index's input (search-words.ts and what it imports): with the pages, it
 * names a bundle's input without cutting the pages' words again.
 */
const SEGMENTER = codeVersion([new URL('./search-words.ts', import.meta.url)], { root: join(import.meta.dirname, '..', '..') });

/** What a bundle is made from besides its pages: Pagefind's version and our options. */
const BUNDLE_KEY = (() => {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('pagefind'))), 'utf8')) as { version: string };
  return `pagefind ${pkg.version}\nlanguage ${SEARCH_LANGUAGE}\n`;
})();

export interface SearchIndexOptions {
  /** Bundles kept between builds, in <cacheDir>/search/<hash>/: a plan whose indexed pages are the same
   *  bytes as in an earlier build gets that build's bundle, and entries this build did not use are removed.
   *  Without it every bundle is written afresh. */
  cacheDir?: string;
}

export interface SearchIndexResult {
  /** Pages in the index (pages with no words are not). */
  pages: number;
  /** Each bundle (bundleOf) and its folder under pagefind/: index/<hash of its input>/, so that every file
   *  in it is named by its content (a server may cache pagefind/index/ for good). */
  bundles: Record<string, string>;
  /** Bundles taken from the cache. */
  reused: number;
  /** Pages whose words were cut in this run: those of the bundles not found in the cache by their pages. */
  cut: number;
}

/** A bundle's cached file in the site, by hard link where it can (src/files.ts). */
function placed(cached: string, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  linkOrCopy(cached, file);
}

/** Every file under dir, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}


/** Removes the cache entries not in keep, and the folders of writes whose build is gone. */
function prune(store: string, keep: ReadonlySet<string>): void {
  for (const name of readdirSync(store)) {
    const writer = /\.tmp-(\d+)-/.exec(name)?.[1];
    if (keep.has(name) || (writer !== undefined && running(Number(writer)))) continue;
    rmSync(join(store, name), { recursive: true, force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pagefind's bundle of these pages, written into dir (which must not exist yet), through a folder beside
 *  it so a half-written bundle is never taken for one. */
async function writeBundle(pages: ReadonlyArray<{ sourcePath: string; content: string }>, dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    // Pagefind's service takes the pages one by one in the order they arrive (the index's page order).
    const failed = (await Promise.all(pages.map((p) => index.addHTMLFile(p).then(
      (r) => r.errors.map((e) => `${p.sourcePath}: ${e}`),
      (e: unknown) => [`${p.sourcePath}: ${e instanceof Error ? e.message : String(e)}`],
    )))).flat();
    if (failed.length > 0) throw new Error(`pagefind: ${failed.join('; ')}`);
    const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const written = await index.writeFiles({ outputPath: tmp });
      if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
      try {
        renameSync(tmp, dir);
      } catch (e) {
        // Another build wrote the same bundle first: the same bytes.
        if (!existsSync(join(dir, 'pagefind-entry.json'))) throw e;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  } finally {
    await index.deleteIndex();
  }
}

/**
 * The site's search index in pagefind/: one Pagefind bundle per plan (and one for the indexed pages
 * outside any plan), each from its pages' segmented HTML, and the ranked module over all of them
 * (RANKED_BUNDLE). A bundle whose input is byte for byte an earlier build's comes from the cache.
 */
export async function buildSearchIndex(outDir: string, opts: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const files = htmlFiles(outDir);
  const pages = files.map((file) => readFileSync(file, 'utf8'));
  const sourcePaths = files.map((file) => relative(outDir, file).split(sep).join('/'));
  const indexed = indexedPages(pages);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < files.length; i++) {
    if (!indexed[i]) continue;
    const b = bundleOf(sourcePaths[i]!);
    if (!groups.has(b)) groups.set(b, []);
    groups.get(b)!.push(i);
  }
  // A site with nothing to index still gets an (empty) index, so the search page loads.
  if (groups.size === 0) groups.set('site/', []);
  const bundles = [...groups.keys()].sort();
  const store = opts.cacheDir ? join(opts.cacheDir, 'search') : mkdtempSync(join(tmpdir(), 'pagefind-bundles-'));
  mkdirSync(store, { recursive: true });
  const used = new Map<string, string>();
  // A bundle's folder by the hash of its pages as Astro wrote them (a file <hash>.pages holding the folder's
  // name): cutting every page's words only to find an unchanged plan's bundle was most of a rebuild's index step.
  const byPages = new Map<string, string>();
  let reused = 0;
  let cut = 0;
  try {
    const writing: Array<Promise<void>> = [];
    for (const b of bundles) {
      const raw = createHash('sha256').update(BUNDLE_KEY).update(SEGMENTER);
      for (const i of groups.get(b)!) raw.update(`${sourcePaths[i]!}\0${pages[i]!.length}\0${pages[i]!}`);
      const pagesKey = `${raw.digest('hex')}.pages`;
      const known = existsSync(join(store, pagesKey)) ? readFileSync(join(store, pagesKey), 'utf8') : undefined;
      if (known && existsSync(join(store, known, 'pagefind-entry.json'))) {
        used.set(b, join(store, known));
        byPages.set(pagesKey, known);
        reused++;
        continue;
      }
      // Thai words cut by the project's breaker (search-words.ts), in a language Pagefind leaves as it is.
      const input = [];
      const hash = createHash('sha256').update(BUNDLE_KEY);
      for (const i of groups.get(b)!) {
        const sourcePath = sourcePaths[i]!;
        const content = segmentHtml(pages[i]!);
        hash.update(`${sourcePath}\0${content.length}\0${content}`);
        input.push({ sourcePath, content });
        cut++;
        // Pagefind's service works on the bundle before while this one is cut.
        await new Promise(setImmediate);
      }
      const dir = join(store, hash.digest('hex'));
      used.set(b, dir);
      byPages.set(pagesKey, basename(dir));
      if (existsSync(dir)) reused++;
      else writing.push(writeBundle(input, dir));
    }
    await Promise.all(writing);
    for (const [key, name] of byPages) if (!existsSync(join(store, key))) writeFileSync(join(store, key), name);
  } finally {
    await pagefind.close();
  }
  const target = join(outDir, 'pagefind');
  rmSync(target, { recursive: true, force: true });
  const folders = Object.fromEntries(bundles.map((b) => [b, `index/${basename(used.get(b)!).slice(0, 16)}/`]));
  for (const [i, b] of bundles.entries()) {
    const dir = used.get(b)!;
    for (const f of filesUnder(dir)) {
      const shared = SHARED.test(f);
      if (!shared) placed(join(dir, f), join(target, folders[b]!, f));
      else if (i === 0) placed(join(dir, f), join(target, f));
    }
  }
  mkdirSync(join(outDir, RANKED_BUNDLE), { recursive: true });
  writeFileSync(join(outDir, RANKED_BUNDLE, 'pagefind.js'), rankedModule(bundles.map((b) => folders[b]!)));
  if (!opts.cacheDir) rmSync(store, { recursive: true, force: true });
  else prune(store, new Set([...[...used.values()].map((d) => basename(d)), ...byPages.keys()]));
  // The count is the index's own (pages with no words are not in it).
  const pageCount = bundles.reduce((sum, b) => {
    const entry = JSON.parse(readFileSync(join(target, folders[b]!, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return sum + Object.values(entry.languages).reduce((a, l) => a + l.page_count, 0);
  }, 0);
  return { pages: pageCount, bundles: folders, reused, cut };
}

// Builds the Pagefind search index over the site's HTML, once every page exists. Runs offline (pagefind's
// binary comes from its npm package). Pages opt in with data-pagefind-body (plan and project pages).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { join, relative, sep } from 'node:path';
import { RANKED_BUNDLE, SEARCH_LANGUAGE, segmentHtml } from './search-words.ts';

/** Every HTML file under dir, in sorted order: the order a directory lists them differs between filesystems,
 *  and the index must not (same input, same bytes). */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
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
  // Thai words cut by the project's breaker (search-words.ts), in a language Pagefind leaves as it is.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (const file of htmlFiles(outDir)) {
      const added = await index.addHTMLFile({ sourcePath: relative(outDir, file).split(sep).join('/'), content: segmentHtml(readFileSync(file, 'utf8')) });
      if (added.errors.length > 0) throw new Error(`pagefind: ${file}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    mkdirSync(join(outDir, RANKED_BUNDLE), { recursive: true });
    writeFileSync(join(outDir, RANKED_BUNDLE, 'pagefind.js'), RANKED_MODULE);
    // Pages without data-pagefind-body are read but not indexed: the count is the index's own.
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((a, l) => a + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}

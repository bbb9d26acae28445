// Runs Pagefind's own search (the pagefind.js the site serves, in Node) on a built site, and scores the
// results against hand-written expectations (tests/fixtures/search/queries.ts).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RANKED_BUNDLE } from '../../src/site/search-words.ts';
import { serve } from '../e2e/server.ts';

export interface SiteSearch {
  search(query: string): Promise<string[]>;
  /** Title and excerpt of each result, as Pagefind gives them to the search page. */
  results(query: string): Promise<Array<{ path: string; title: string; excerpt: string }>>;
  close(): Promise<void>;
}

/** Pagefind over HTTP from a built site folder, through the module the search page loads (the ranked
 *  wrapper search-index.ts writes): `search` gives the result pages' site paths, best first. */
export async function siteSearch(dir: string): Promise<SiteSearch> {
  const server = await serve(dir);
  // A copy per site, laid out as on the site (the wrapper imports ../pagefind.js): an ES module is loaded
  // once per URL, and each keeps its own index state.
  const tmp = mkdtempSync(join(tmpdir(), 'pagefind-'));
  writeFileSync(join(tmp, 'package.json'), '{ "type": "module" }');
  for (const rel of ['pagefind/pagefind.js', `${RANKED_BUNDLE}pagefind.js`]) {
    mkdirSync(dirname(join(tmp, rel)), { recursive: true });
    copyFileSync(join(dir, rel), join(tmp, rel));
  }
  const pf = await import(pathToFileURL(join(tmp, RANKED_BUNDLE, 'pagefind.js')).href) as {
    options(o: object): Promise<void>; init(): Promise<void>;
    search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }> }> }>;
  };
  await pf.options({ basePath: `${server.url}pagefind/` });
  await pf.init();
  const results = async (query: string) => {
    const r = await pf.search(query);
    const data = await Promise.all(r.results.map((x) => x.data()));
    return data.map((d) => ({ path: new URL(d.url).pathname.slice(1), title: d.meta.title ?? '', excerpt: d.excerpt }));
  };
  return {
    results,
    search: async (query) => (await results(query)).map((r) => r.path),
    async close() {
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface Score { precision: number; recall: number; returned: number; wrong: string[]; missed: string[] }

/** Precision and recall of one result list (an empty list is precise; nothing expected is fully recalled). */
export function score(returned: string[], expected: string[]): Score {
  const want = new Set(expected);
  const hits = returned.filter((p) => want.has(p)).length;
  return {
    precision: returned.length ? hits / returned.length : 1,
    recall: want.size ? hits / want.size : 1,
    returned: returned.length,
    wrong: returned.filter((p) => !want.has(p)),
    missed: expected.filter((p) => !returned.includes(p)),
  };
}

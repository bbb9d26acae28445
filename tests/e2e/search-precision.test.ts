// Thai search precision on the seed site and the demo: Pagefind's own search (the module the search page
// loads, with the page's query processing) over freshly built indexes, scored against the hand-written
// expectations of tests/fixtures/search/queries.ts. Each query is held at its measured precision, every
// query finds all its pages, and the page about a word comes first.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { searchTerm, unsegment } from '../../src/site/search-words.ts';
import { SEARCH_CASES } from '../fixtures/search/queries.ts';
import { score, siteSearch, type SiteSearch } from '../helpers/search.ts';
import { buildSite, ROOT } from './build-site.ts';

let seed: SiteSearch;
let demo: SiteSearch;

beforeAll(async () => {
  const a = await buildSite({ name: 'search-seed' });
  const b = await buildSite({ name: 'search-demo', content: `${ROOT}/examples/demo` });
  seed = await siteSearch(a.dir);
  demo = await siteSearch(b.dir);
});
afterAll(async () => {
  await seed?.close();
  await demo?.close();
});

it('each query finds its pages, as precisely as measured, the page about it first', async () => {
  const rows: string[] = [];
  let precision = 0;
  for (const c of SEARCH_CASES) {
    const term = searchTerm(c.query);
    const [a, b] = [await seed.search(term), await demo.search(term)];
    const s = score([...a, ...b], [...c.seed, ...c.demo]);
    precision += s.precision;
    rows.push(`${c.query}\t${s.returned}\t${s.precision.toFixed(2)}\t${s.recall.toFixed(2)}${s.wrong.length ? `\textra: ${s.wrong.join(' ')}` : ''}`);
    expect.soft(s.missed, `${c.query}: pages not found`).toEqual([]);
    expect.soft(s.precision, `${c.query}: ${s.wrong.join(' ')}`).toBeGreaterThanOrEqual(c.precision ?? 1);
    if (c.best) expect.soft([a[0], b[0]], `${c.query}: first result`).toContain(c.best);
  }
  console.log(`query\tresults\tprecision\trecall\n${rows.join('\n')}\nmean precision ${(precision / SEARCH_CASES.length).toFixed(3)}`);
});

it('a result reads as the page wrote it: the index\'s spaces between Thai words do not show', async () => {
  const [first] = await seed.results(searchTerm('หนี้สิน'));
  expect(first).toBeDefined();
  const excerpt = unsegment(first!.excerpt);
  expect(excerpt).toContain('ปัญหา<mark>หนี้</mark><mark>สิน</mark>ข้าราชการครู');
  expect(first!.title).not.toBe(unsegment(first!.title));
  expect(unsegment(first!.title)).toBe('แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. ๒๕๖๑');
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { siteSearch } from '../../tests/helpers/search.ts';
import { bundleOf, buildSearchIndex, countsBody, indexedPages } from './search-index.ts';
import { SEARCH_LANGUAGE, searchTerm, segmentHtml } from './search-words.ts';

const page = (inner: string, head = '<title>หน้า</title>') => `<!DOCTYPE html>\n<html lang="th"><head>${head}</head><body>${inner}</body></html>`;
const nav = '<header><nav><a href="/">หน้าแรก</a> <a href="/plans/">แผนทุกปี</a></nav></header>';
const bodyPage = (n: number) =>
  page(`${nav}<main id="main"><h1>นอกเนื้อหา ${n}</h1><article data-pagefind-body><h1>โครงการที่ ${n}</h1><p>ระบบสำรองข้อมูล<span class="nowrap">หนี้สิน</span>ครั้งที่ ${n}</p></article> ท้ายหลัก ${n}</main><footer>ติดต่อ</footer>`);
const plainPage = (n: number) => page(`${nav}<main><h1>รายงานเดือนที่ ${n}</h1><p>ผลการดำเนินงาน ${n} ระบบสำรองข้อมูล</p></main>`);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every file under dir by its relative path. */
function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name)).toString('base64')]),
  );
}

/** The index as Pagefind writes it when handed every page of each bundle whole, one after another, in path
 *  order: each bundle's folder, and Pagefind's own scripts and styles once, beside them. */
async function everyPageIndex(site: Record<string, string>, bundles: Record<string, string>): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const [b, folder] of Object.entries(bundles)) {
    const out = mkdtempSync(join(tmpdir(), 'search-ref-'));
    dirs.push(out);
    const { index } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
    for (const path of Object.keys(site).sort()) if (bundleOf(path) === b) await index!.addHTMLFile({ sourcePath: path, content: segmentHtml(site[path]!) });
    await index!.writeFiles({ outputPath: out });
    await pagefind.close();
    for (const [f, bytes] of files(out)) all.set(/^pagefind[-.\w]*\.(js|css)$/.test(f) && f !== 'pagefind-worker.js' ? f : `${folder}${f}`, bytes);
  }
  return all;
}

function writeSite(site: Record<string, string>, dir = mkdtempSync(join(tmpdir(), 'search-site-'))): string {
  dirs.push(dir);
  for (const [path, html] of Object.entries(site)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

async function builtIndex(site: Record<string, string>, cacheDir?: string, dir = writeSite(site)) {
  const result = await buildSearchIndex(dir, { cacheDir });
  const written = files(join(dir, 'pagefind'));
  for (const f of [...written.keys()]) if (f.startsWith('ranked/')) written.delete(f);
  return { ...result, dir, files: written };
}

describe('which pages go to Pagefind', () => {
  it('counts a data-pagefind-body element inside <html>, as Pagefind does', () => {
    expect(countsBody(bodyPage(1))).toBe(true);
    expect(countsBody(page('<div data-pagefind-ignore><article data-pagefind-body>ก</article></div>'))).toBe(true);
    expect(countsBody(page('<script>const s = "<div data-pagefind-body>";</script><svg><path d="M0 0"/></svg><main data-pagefind-body>ก</main>'))).toBe(true);
  });

  it('does not count a body Pagefind ignores, an attribute that is only named, or markup it does not follow', () => {
    expect(countsBody(plainPage(1))).toBe(false);
    expect(countsBody(page('<nav data-pagefind-body>ก</nav>'))).toBe(false);
    expect(countsBody(page('<div data-pagefind-ignore="all"><article data-pagefind-body>ก</article></div>'))).toBe(false);
    expect(countsBody(page('<p>ใส่ data-pagefind-body ที่ article</p><script>document.body.dataset.x = "data-pagefind-body"</script>'))).toBe(false);
    expect(countsBody(page('<p title="data-pagefind-body">ก</p>'))).toBe(false);
    expect(countsBody('<article data-pagefind-body>ก</article>')).toBe(false);
    expect(countsBody(page('<ul><li>ก<li>ข</ul><article data-pagefind-body>ค</article>'))).toBe(false);
    expect(countsBody(page('<div/><article data-pagefind-body>ค</article>'))).toBe(false);
  });

  it('leaves out the pages without a body once some page has one, and sends every page when none has', () => {
    expect(indexedPages([plainPage(1), bodyPage(2), plainPage(3)])).toEqual([false, true, false]);
    expect(indexedPages([plainPage(1), plainPage(2)])).toEqual([true, true]);
    // Named in text only: Pagefind finds no body and indexes every page.
    expect(indexedPages([plainPage(1), page('<p>data-pagefind-body</p>')])).toEqual([true, true]);
  });
});

const plansSite = (changed = false): Record<string, string> => ({
  'index.html': plainPage(0),
  'plans/index.html': plainPage(1),
  'plans/2561/index.html': bodyPage(2561),
  'plans/2561/projects/a/index.html': bodyPage(1),
  'plans/2561/reports/2561-01/index.html': plainPage(2),
  'plans/2562/index.html': bodyPage(2562),
  'plans/2562/projects/b/index.html': changed ? bodyPage(99) : bodyPage(3),
  'plans/2563/index.html': bodyPage(2563),
});

describe('buildSearchIndex', () => {
  // Each bundle must be the one Pagefind writes from its pages whole (the page order, the pages left out,
  // the text read outside the body): compared byte for byte on sites where its rules differ.
  const sites: Record<string, [Record<string, string>, string[]]> = {
    'bodies on some pages, many pages': [Object.fromEntries(
      Array.from({ length: 40 }, (_, n) => [`plans/${2560 + (n % 4)}/${n % 3 === 0 ? 'reports' : 'projects'}/p${n}/index.html`, n % 3 === 0 ? plainPage(n) : bodyPage(n)]),
    ), ['plans/2560/', 'plans/2561/', 'plans/2562/', 'plans/2563/']],
    'no body anywhere': [{ 'index.html': plainPage(1), 'a/index.html': plainPage(2), 'b/index.html': plainPage(3) }, ['site/']],
    'a body only in nav, the attribute named in text': [{
      'index.html': plainPage(1),
      'a/index.html': page('<nav data-pagefind-body>เมนู</nav><p>รายงาน</p>'),
      'b/index.html': page('<p>ใส่ data-pagefind-body ที่ article</p>'),
    }, ['site/']],
    'a body inside data-pagefind-ignore': [{ 'index.html': plainPage(1), 'a/index.html': page('<div data-pagefind-ignore><article data-pagefind-body>โครงการ</article></div>') }, ['site/']],
    'a body inside data-pagefind-ignore="all"': [{ 'index.html': plainPage(1), 'a/index.html': page('<div data-pagefind-ignore="all"><article data-pagefind-body>โครงการ</article></div>') }, ['site/']],
    // Pages outside the plans have no body: no bundle of their own.
    'plans, and pages outside them without a body': [plansSite(), ['plans/2561/', 'plans/2562/', 'plans/2563/']],
  };
  for (const [name, [site, bundles]] of Object.entries(sites)) {
    it(`writes Pagefind's own index per bundle: ${name}`, async () => {
      const built = await builtIndex(site);
      expect(Object.keys(built.bundles)).toEqual(bundles);
      const reference = await everyPageIndex(site, built.bundles);
      expect([...built.files.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [f, bytes] of reference) expect(built.files.get(f), f).toBe(bytes);
      expect(built.pages).toBeGreaterThan(0);
    }, 60_000);
  }

  it('reuses the bundles of unchanged plans from the cache, with the bytes of a fresh index', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'search-cache-'));
    dirs.push(cache);
    const first = await builtIndex(plansSite(), cache);
    expect([Object.keys(first.bundles).length, first.reused, first.cut]).toEqual([3, 0, 5]);
    const again = await builtIndex(plansSite(true), cache);
    // The unchanged plans' bundles are found by their pages: only the changed plan's two pages are cut again.
    expect([Object.keys(again.bundles).length, again.reused, again.cut]).toEqual([3, 2, 2]);
    const cold = await builtIndex(plansSite(true));
    expect([...again.files.keys()].sort()).toEqual([...cold.files.keys()].sort());
    for (const [f, bytes] of cold.files) expect(again.files.get(f), f).toBe(bytes);
    expect(readFileSync(join(again.dir, 'pagefind/ranked/pagefind.js'), 'utf8')).toBe(readFileSync(join(cold.dir, 'pagefind/ranked/pagefind.js'), 'utf8'));
    // Only the changed plan's bundle is new, in a folder of its own (named by its input).
    expect(again.bundles['plans/2562/']).not.toBe(first.bundles['plans/2562/']);
    expect(again.bundles['plans/2561/']).toBe(first.bundles['plans/2561/']);
    // Placed by hard link, and only the latest build's bundles are kept.
    expect(statSync(join(again.dir, 'pagefind', again.bundles['plans/2561/']!, 'pagefind-entry.json')).nlink).toBeGreaterThan(1);
    const kept = () => readdirSync(join(cache, 'search'), { withFileTypes: true });
    expect(kept().filter((e) => e.isDirectory())).toHaveLength(3);
    expect(kept().filter((e) => e.name.endsWith('.pages'))).toHaveLength(3);
    const unchanged = await builtIndex(plansSite(true), cache);
    expect([unchanged.reused, unchanged.cut]).toEqual([3, 0]);
    for (const [f, bytes] of cold.files) expect(unchanged.files.get(f), f).toBe(bytes);
  }, 60_000);

  it('searches every bundle as one index through the ranked module', async () => {
    const built = await builtIndex(plansSite());
    const search = await siteSearch(built.dir);
    try {
      // Every plan page has the word; the project pages too, the reports have no body.
      expect((await search.search(searchTerm('หนี้สิน'))).sort()).toEqual(['plans/2561/', 'plans/2561/projects/a/', 'plans/2562/', 'plans/2562/projects/b/', 'plans/2563/']);
      expect(await search.search(searchTerm('2562'))).toEqual(['plans/2562/']);
    } finally {
      await search.close();
    }
  }, 60_000);

  it('searches several words only in the bundles that have each word the site has', async () => {
    // Plan 2562 has no ไวรัส: Pagefind alone would match it there by ไว้, its longest prefix in that bundle.
    const dir = writeSite({
      'plans/2561/index.html': page('<main data-pagefind-body><h1>แผน ๑</h1><p>ป้องกันไวรัสคอมพิวเตอร์</p></main>'),
      'plans/2562/index.html': page('<main data-pagefind-body><h1>แผน ๒</h1><p>ป้องกันน้ำท่วม เก็บไว้ให้ดี</p></main>'),
      'plans/2563/index.html': page('<main data-pagefind-body><h1>แผน ๓</h1><p>ป้องกันไวรัสอีกแห่ง</p></main>'),
    });
    await buildSearchIndex(dir);
    const search = await siteSearch(dir);
    try {
      expect((await search.search(searchTerm('ป้องกัน ไวรัส'))).sort()).toEqual(['plans/2561/', 'plans/2563/']);
      expect((await search.search(searchTerm('ป้องกัน'))).sort()).toEqual(['plans/2561/', 'plans/2562/', 'plans/2563/']);
      // A word the site does not have is still matched by its prefix, as one index would.
      expect((await search.search(searchTerm('ป้องกัน ไวเบอร์')))).toContain('plans/2562/');
      // No words in common: nothing.
      expect(await search.search(searchTerm('น้ำท่วม คอมพิวเตอร์'))).toEqual([]);
    } finally {
      await search.close();
    }
  }, 60_000);
});

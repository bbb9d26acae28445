import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, countsBody, indexedPages } from './search-index.ts';
import { SEARCH_LANGUAGE, segmentHtml } from './search-words.ts';

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

/** The index as Pagefind writes it when handed every page whole, one after another, in path order. */
async function everyPageIndex(site: Record<string, string>): Promise<Map<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'search-ref-'));
  dirs.push(out);
  const { index } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE });
  for (const path of Object.keys(site).sort()) await index!.addHTMLFile({ sourcePath: path, content: segmentHtml(site[path]!) });
  await index!.writeFiles({ outputPath: out });
  await pagefind.close();
  return files(out);
}

async function builtIndex(site: Record<string, string>): Promise<{ pages: number; files: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'search-site-'));
  dirs.push(dir);
  for (const [path, html] of Object.entries(site)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  const { pages } = await buildSearchIndex(dir);
  const written = files(join(dir, 'pagefind'));
  for (const f of [...written.keys()]) if (f.startsWith('ranked/')) written.delete(f);
  return { pages, files: written };
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

describe('buildSearchIndex', () => {
  // The index must be the one Pagefind writes from every page whole (the page order, the pages left out,
  // the text read outside the body): compared byte for byte on sites where its rules differ.
  const sites: Record<string, Record<string, string>> = {
    'bodies on some pages, many pages': Object.fromEntries(
      Array.from({ length: 40 }, (_, n) => [`plans/${2560 + (n % 4)}/${n % 3 === 0 ? 'reports' : 'projects'}/p${n}/index.html`, n % 3 === 0 ? plainPage(n) : bodyPage(n)]),
    ),
    'no body anywhere': { 'index.html': plainPage(1), 'a/index.html': plainPage(2), 'b/index.html': plainPage(3) },
    'a body only in nav, the attribute named in text': {
      'index.html': plainPage(1),
      'a/index.html': page('<nav data-pagefind-body>เมนู</nav><p>รายงาน</p>'),
      'b/index.html': page('<p>ใส่ data-pagefind-body ที่ article</p>'),
    },
    'a body inside data-pagefind-ignore': { 'index.html': plainPage(1), 'a/index.html': page('<div data-pagefind-ignore><article data-pagefind-body>โครงการ</article></div>') },
    'a body inside data-pagefind-ignore="all"': { 'index.html': plainPage(1), 'a/index.html': page('<div data-pagefind-ignore="all"><article data-pagefind-body>โครงการ</article></div>') },
  };
  for (const [name, site] of Object.entries(sites)) {
    it(`writes Pagefind's own index: ${name}`, async () => {
      const reference = await everyPageIndex(site);
      const built = await builtIndex(site);
      expect([...built.files.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [f, bytes] of reference) expect(built.files.get(f), f).toBe(bytes);
      expect(built.pages).toBeGreaterThan(0);
    }, 60_000);
  }
});

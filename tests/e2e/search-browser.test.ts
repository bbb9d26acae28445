// The search page in Debian's Chromium over a site of two plans (the seed's 2561 and the demo's 2567,
// each built by Astro, their pages in one folder): one Pagefind bundle per plan, merged by the ranked
// module, offline, under a base path. A query that matches pages of both plans shows both, and the hidden
// per-bundle filter does not show.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/site/search-index.ts';
import { launch, offlineContext, openPage } from './browser.ts';
import { buildSite, ROOT } from './build-site.ts';
import { serve, type StaticServer } from './server.ts';

let browser: Browser;
let site: StaticServer;
const outside: string[] = [];

beforeAll(async () => {
  const base = '/plans/';
  const seed = await buildSite({ name: 'search-browser-seed', base });
  const demo = await buildSite({ name: 'search-browser-demo', base, content: `${ROOT}/examples/demo` });
  const dir = join(ROOT, '.cache', 'e2e', 'search-browser');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(seed.dir, dir, { recursive: true });
  cpSync(join(demo.dir, 'plans', '2567'), join(dir, 'plans', '2567'), { recursive: true });
  const index = await buildSearchIndex(dir);
  expect(Object.keys(index.bundles)).toEqual(['plans/2561/', 'plans/2567/']);
  site = await serve(dir, base);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('finds pages of both plans, from the site itself', async () => {
  const ctx = await offlineContext(browser, outside);
  const failed: string[] = [];
  ctx.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  const page = await openPage(ctx, `${site.url}search/?q=${encodeURIComponent('เครือข่าย')}`);
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__result-link').length >= 4, undefined, { timeout: 15_000 });
  const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(hrefs).toContain('/plans/plans/2561/projects/antivirus/');
  expect(hrefs).toContain('/plans/plans/2567/projects/network-upgrade/');
  // The title as the page wrote it; no filter panel for the hidden bundle filter.
  expect(await page.locator('.pagefind-ui__result-link').allInnerTexts()).toContain('โครงการปรับปรุงระบบเครือข่ายภายในสำนักงาน (ข้อมูลตัวอย่าง)');
  expect(await page.locator('.pagefind-ui__filter-panel, .pagefind-ui__filter-block').count()).toBe(0);
  expect(failed).toEqual([]);
  expect(outside).toEqual([]);
  await ctx.close();
}, 120_000);

// The built site in Debian's Chromium, served on 127.0.0.1: pages exist, the Thai web font is used,
// navigation and search work, the base path is honoured, nothing leaves the machine, axe finds no serious
// or critical violation. Builds the site itself (CI has no dist/).
// Links to PDFs and PNGs are not checked here: the PDF and image renderers write them in `npm run build`,
// which this test does not run; only links to HTML pages and in-page anchors must resolve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlans } from '../../src/pipeline.ts';
import type { Model } from '../../src/model/types.ts';
import { paths } from '../../src/paths.ts';
import { launch, offlineContext, openPage, seriousAxeViolations } from './browser.ts';
import { buildSite, ROOT } from './build-site.ts';
import { serve, type StaticServer } from './server.ts';

const { model } = loadPlans(join(ROOT, 'content'), ROOT) as { model: Model };
/** 15 Feb 2018 = ก.พ. 2561, inside FY 2561: the current month must be marked. */
const FEB_2561 = Date.UTC(2018, 1, 15) / 1000;

let browser: Browser;
let site: StaticServer;
let based: StaticServer;
const outside: string[] = [];
const timings: string[] = [];

const newContext = (opts: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> => offlineContext(browser, outside, opts);

const open = openPage;

beforeAll(async () => {
  const a = await buildSite({ name: 'root', sourceDateEpoch: FEB_2561 });
  const b = await buildSite({ name: 'base', base: '/plans/' });
  timings.push(`site build: ${a.seconds.toFixed(1)} s (base /), ${b.seconds.toFixed(1)} s (base /plans/)`);
  console.log(timings.join('\n'));
  site = await serve(a.dir);
  based = await serve(b.dir, '/plans/');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await based?.close();
});

describe('pages', () => {
  it('every plan, project and gallery page exists with its heading', async () => {
    const ctx = await newContext();
    for (const plan of model.plans) {
      const p = await open(ctx, site.url + paths.plan(plan));
      expect(await p.locator('h1').innerText()).toContain('แผนปฏิบัติการดิจิทัล');
      expect(await p.getAttribute('html', 'lang')).toBe('th');
      for (const project of plan.projects) {
        const pp = await open(ctx, site.url + paths.project(plan, project));
        expect(await pp.locator('h1').innerText()).toBe(project.name);
        // Sections 1–10 are all there, missing ones as ไม่ระบุ.
        expect(await pp.locator('article h2').allInnerTexts()).toEqual(expect.arrayContaining(['๑. หลักการและเหตุผล', '๑๐. การติดตามประเมินผลและรายงาน']));
        const text = await pp.locator('main').innerText();
        expect(text).not.toMatch(/undefined|NaN|\[object/);
        await pp.close();
      }
      const g = await open(ctx, site.url + paths.gallery(plan));
      expect(await g.locator('img').count()).toBe(plan.months.length + 1 + plan.projects.length);
      await p.close();
      await g.close();
    }
    await ctx.close();
  });

  it('the plan page has the ten-column table, the legend, charts and the Gantt with the current month', async () => {
    const ctx = await newContext();
    const plan = model.plans[0]!;
    const p = await open(ctx, site.url + paths.plan(plan));
    const table = p.locator('table.action-plan');
    expect(await table.locator('thead th').count()).toBe(10);
    expect(await table.locator('tbody tr').count()).toBe(plan.projects.length);
    expect(await table.locator('caption').innerText()).toContain('ตารางแผนปฏิบัติการ');
    expect(await p.locator('.legend-block').innerText()).toContain('ระดับสำคัญมาก');
    expect(await p.locator('figure.chart svg[role="img"]').count()).toBe(2);
    expect(await p.locator('table.gantt thead th.current').innerText()).toContain('ก.พ.');
    expect(await p.locator('table.gantt tbody tr').count()).toBe(plan.projects.length);
    await ctx.close();
  });

  it('a project page marks the current month in its PDCA table while the plan year runs', async () => {
    const ctx = await newContext();
    const plan = model.plans[0]!;
    const p = await open(ctx, site.url + paths.project(plan, plan.projects.find((x) => x.id === 'debtor-data')!));
    expect(await p.locator('table.pdca tr.row-current th').innerText()).toBe('2. ดำเนินการ (Do)');
    expect(await p.locator('table.pdca tr.row-current').innerText()).toContain('เดือนปัจจุบัน');
    await ctx.close();
  });

  it('missing data shows ไม่ระบุ (the infographics sheet stops after section 5)', async () => {
    const ctx = await newContext();
    const plan = model.plans[0]!;
    const project = plan.projects.find((x) => x.id === 'infographics')!;
    const p = await open(ctx, site.url + paths.project(plan, project));
    expect(await p.locator('section:has(#kpis)').innerText()).toContain('ไม่ระบุ');
    expect(await p.locator('section:has(#monitoring)').innerText()).toContain('ไม่ระบุ');
    await ctx.close();
  });
});

describe('Thai web font', () => {
  it('Sarabun is loaded from the site and used for Thai text', async () => {
    const ctx = await newContext();
    const fontRequests: string[] = [];
    const page = await ctx.newPage();
    page.on('request', (r) => { if (r.resourceType() === 'font') fontRequests.push(r.url()); });
    await page.goto(site.url + paths.plan(model.plans[0]!), { waitUntil: 'networkidle' });
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight} ${f.unicodeRange}`);
      return { loaded, check: document.fonts.check('16px Sarabun', 'แผนปฏิบัติการ'), family: getComputedStyle(document.querySelector('h1')!).fontFamily };
    });
    expect(fonts.family).toMatch(/^['"]?Sarabun/);
    expect(fonts.check).toBe(true);
    // The Thai subset (unicode-range U+0E01…) is actually loaded, not merely declared.
    expect(fonts.loaded.some((f) => f.includes('Sarabun') && /U\+E01|U\+0E01/i.test(f))).toBe(true);
    expect(fontRequests.length).toBeGreaterThan(0);
    expect(fontRequests.every((u) => u.startsWith(site.url) && /sarabun-thai/.test(u) || /sarabun/.test(u))).toBe(true);
    await ctx.close();
  });
});

describe('navigation and search', () => {
  it('home → plan → project → back to the plan by breadcrumb', async () => {
    const ctx = await newContext();
    const page = await open(ctx, site.url);
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: /แผนปี 2561/ }).click();
    await page.waitForURL(/\/plans\/2561\/$/);
    await page.locator('table.action-plan tbody tr').nth(2).getByRole('link', { name: 'โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว' }).click();
    await page.waitForURL(/\/plans\/2561\/projects\/debtor-data\/$/);
    expect(await page.locator('h1').innerText()).toBe('โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว');
    await page.getByRole('navigation', { name: 'เส้นทางนำทาง' }).getByRole('link').nth(1).click();
    await page.waitForURL(/\/plans\/2561\/$/);
    // Keyboard: the skip link is first and lands on main.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('ข้ามไปยังเนื้อหา');
    await ctx.close();
  });

  it('searching หนี้สิน from the header finds the plan', async () => {
    const ctx = await newContext();
    const page = await open(ctx, site.url);
    await page.getByRole('searchbox').fill('หนี้สิน');
    await page.getByRole('button', { name: 'ค้นหา' }).click();
    await page.waitForURL(/search\/\?q=/);
    const link = page.locator('.pagefind-ui__result-link').first();
    await link.waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain('/plans/2561/');
    // Results are set in Sarabun too (Pagefind's own font stack has no Thai on a bare machine).
    const family = await page.locator('.pagefind-ui__result-excerpt').first().evaluate((e) => getComputedStyle(e).fontFamily);
    expect(family).toMatch(/^['"]?Sarabun/);
    await ctx.close();
  });
});

describe('base path (SITE_BASE=/plans/)', () => {
  it('every link and asset is under /plans/ and resolves', async () => {
    const ctx = await newContext();
    const page = await open(ctx, based.url);
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    const urls = await page.evaluate(() => [
      ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      ...[...document.querySelectorAll('link[href], script[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')!),
    ]);
    for (const u of urls) if (!u.startsWith('#')) expect(u, u).toMatch(/^\/plans\//);
    await page.goto(based.url + paths.plan(model.plans[0]!), { waitUntil: 'networkidle' });
    const projectLinks = await page.locator('table.action-plan tbody a[href*="/projects/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(projectLinks.every((h) => h!.startsWith('/plans/plans/2561/projects/'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Sarabun/);
    expect(failed).toEqual([]);
    // Search results carry the base too.
    await page.goto(`${based.url}search/?q=${encodeURIComponent('หนี้สิน')}`, { waitUntil: 'networkidle' });
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).toContain('/plans/plans/2561/');
    await ctx.close();
  });
});

describe('no dead links (HTML pages and anchors)', () => {
  it('crawls from the home page', async () => {
    const ctx = await newContext();
    const seen = new Set<string>();
    const queue = [site.url];
    const dead: string[] = [];
    const page = await ctx.newPage();
    while (queue.length > 0) {
      const url = queue.shift()!;
      const res = await page.goto(url, { waitUntil: 'domcontentloaded' });
      if (res?.status() !== 200) { dead.push(`${res?.status()} ${url}`); continue; }
      const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
      for (const l of links) {
        const u = new URL(l);
        if (u.origin !== new URL(site.url).origin) { dead.push(`outside link ${l}`); continue; }
        if (/\.(pdf|png|xlsx|csv|json|ics)$/.test(u.pathname)) continue; // written by the output kinds in npm run build
        if (u.hash) {
          const target = decodeURIComponent(u.hash.slice(1));
          if (u.pathname === new URL(url).pathname) {
            if (!(await page.evaluate((id) => !!document.getElementById(id), target))) dead.push(`#${target} on ${url}`);
          } else {
            const html = readFileSync(join(ROOT, '.cache', 'e2e', 'root', u.pathname, 'index.html'), 'utf8');
            if (!html.includes(`id="${target}"`)) dead.push(`${l} (anchor)`);
          }
        }
        u.hash = '';
        u.search = '';
        if (!seen.has(u.href)) { seen.add(u.href); queue.push(u.href); }
      }
    }
    expect(dead).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(2 + model.plans.reduce((a, p) => a + p.projects.length + 1, 0));
    await ctx.close();
  });
});

describe('accessibility (axe-core)', () => {
  const pagesToCheck = () => {
    const plan = model.plans[0]!;
    return ['', paths.plan(plan), paths.gallery(plan), paths.dataPage(plan), 'search/', ...plan.projects.map((p) => paths.project(plan, p))];
  };
  const variants = [
    { name: 'light', opts: { colorScheme: 'light' as const } },
    { name: 'dark', opts: { colorScheme: 'dark' as const } },
    { name: 'phone, 390 px', opts: { viewport: { width: 390, height: 844 } } },
  ];
  for (const v of variants) {
    it(`no serious or critical violations (${v.name})`, async () => {
      const ctx = await newContext(v.opts);
      const problems: string[] = [];
      for (const path of pagesToCheck()) {
        const page = await open(ctx, site.url + path);
        const violations = await seriousAxeViolations(page);
        problems.push(...violations.map((v) => `/${path}: ${v}`));
        await page.close();
      }
      expect(problems).toEqual([]);
      await ctx.close();
    });
  }
});

describe('privacy', () => {
  it('no request left 127.0.0.1 in any test', () => {
    expect(outside).toEqual([]);
  });
});

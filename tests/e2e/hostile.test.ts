// Hostile content on the website: every text field carries <script>, event handlers, javascript: links,
// entities and template syntax. In a real browser no script of the author's runs, no link has a
// javascript: URL, and the text shows as text.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlans } from '../../src/pipeline.ts';
import { paths } from '../../src/paths.ts';
import { hostileContent } from '../helpers/hostile.ts';
import { launch } from './browser.ts';
import { buildSite } from './build-site.ts';
import { serve } from './server.ts';

let c: ReturnType<typeof hostileContent>;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  c = hostileContent();
  const model = loadPlans(c.content, c.root).model!;
  const plan = model.plans[0]!;
  pages = [paths.home(), paths.plan(plan), paths.gallery(plan), ...plan.projects.map((p) => paths.project(plan, p))];
  const { dir } = await buildSite({ name: 'hostile', content: c.content });
  site = await serve(dir);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  c?.cleanup();
});

describe('hostile content on the website', () => {
  it('runs no script of the author and has no javascript: link', async () => {
    const ctx = await browser.newContext();
    const dialogs: string[] = [];
    for (const path of pages) {
      const page = await ctx.newPage();
      page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
      const res = await page.goto(site.url + path, { waitUntil: 'networkidle' });
      expect(res?.status(), path).toBe(200);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
      const hrefs = await page.$$eval('[href], [src], [action], [formaction]', (els) =>
        els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction') ?? ''));
      expect(hrefs.filter((h) => /^\s*(javascript|vbscript|data:text\/html)/i.test(h)), path).toEqual([]);
      expect(await page.locator('[onerror], [onload], [onclick]').count(), path).toBe(0);
      await page.close();
    }
    expect(dialogs).toEqual([]);
    await ctx.close();
  });

  it('shows the markup as text', async () => {
    const page = await browser.newPage();
    await page.goto(site.url + pages[1]!, { waitUntil: 'networkidle' });
    const text = await page.locator('main').innerText();
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('{{ 7 * 7 }}');
    await page.close();
  });
});

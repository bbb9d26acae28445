// Issue 11 on the site: in Chromium, no line of model text ends inside a dictionary compound, at a phone's
// and a desktop's width; the text a reader copies or searches is the plain text. Builds the site itself.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/paths.ts';
import { loadPlans } from '../../src/pipeline.ts';
import { compoundRanges } from '../../src/thai/breaks.ts';
import { launch } from './browser.ts';
import { buildSite, ROOT } from './build-site.ts';
import { serve, type StaticServer } from './server.ts';

const { model } = loadPlans(join(ROOT, 'content'), ROOT);
const plan = model!.plans[0]!;
let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  site = await serve((await buildSite({ name: 'breaks' })).dir);
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The lines of every text block of the page's main content, from the client rects of each character. */
function blockLines(): string[][] {
  const blocks = [...document.querySelectorAll('main p, main li, main td, main th, main h1, main h2, main h3, main dd, main dt, main caption')];
  return blocks.map((b) => {
    const lines: string[] = [];
    let top: number | undefined;
    const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.textContent ?? '';
      for (let i = 0; i < s.length; i++) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const rect = [...r.getClientRects()].find((x) => x.width > 0);
        if (!rect) continue;
        if (top === undefined || rect.top > top + rect.height / 2) { lines.push(''); top = rect.top; }
        lines.push(lines.pop()! + s[i]!);
      }
    }
    return lines;
  });
}

describe('the site in Chromium', () => {
  const pages = [paths.plan(plan), ...plan.projects.map((p) => paths.project(plan, p))];
  for (const width of [390, 1280]) {
    it(`no line ends inside a dictionary compound (${width} px wide)`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const cuts: string[] = [];
      let wraps = 0;
      for (const path of pages) {
        const page = await ctx.newPage();
        await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
        for (const lines of await page.evaluate(blockLines)) {
          for (let i = 0; i + 1 < lines.length; i++) {
            wraps++;
            const head = lines[i]!.trimEnd();
            const joined = head + lines[i + 1]!.trimStart();
            if (compoundRanges(joined).some(([s, e]) => s < head.length && head.length < e)) cuts.push(`${path}: ${head.slice(-12)}|${lines[i + 1]!.slice(0, 12)}`);
          }
        }
        await page.close();
      }
      await ctx.close();
      expect(wraps).toBeGreaterThan(100);
      expect(cuts).toEqual([]);
    }, 300_000);
  }
  it('copied text and the page text are the plain words (no joiners or extra characters)', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${paths.project(plan, plan.projects.find((p) => p.id === 'antivirus')!)}`, { waitUntil: 'networkidle' });
    expect(await page.locator('main .nowrap').count()).toBeGreaterThan(5);
    const text = await page.evaluate(() => {
      const sel = getSelection()!;
      sel.selectAllChildren(document.querySelector('main')!);
      return sel.toString();
    });
    expect(text).toContain('ป้องกันไวรัส');
    expect(text).not.toMatch(/[\u200B\u2060\u00AD]/);
    await page.close();
  }, 60_000);
});

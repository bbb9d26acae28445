// The site over synthetic content (src/synthetic: marked ข้อมูลสังเคราะห์, test data only) that has what the
// shipped plan lacks: several years, progress reports, every section filled. Progress tables and status
// figures render, every page is reachable, axe finds nothing serious.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadPlans } from '../../src/pipeline.ts';
import type { Model } from '../../src/model/types.ts';
import { paths } from '../../src/paths.ts';
import { generateContent } from '../../src/synthetic/generate.ts';
import { launch } from './browser.ts';
import { buildSite, ROOT } from './build-site.ts';
import { serve, type StaticServer } from './server.ts';

const content = join(ROOT, '.cache', 'e2e', 'synthetic-content');
let model: Model;
let site: StaticServer;
let browser: Browser;

beforeAll(async () => {
  rmSync(content, { recursive: true, force: true });
  generateContent(content, { seed: 11, plans: 2, projectsPerPlan: 6, reportMonths: 3 });
  model = loadPlans(content, ROOT).model!;
  const { dir } = await buildSite({ name: 'synthetic', content });
  site = await serve(dir);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('lists every plan on the home page and renders progress where reports exist', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(site.url, { waitUntil: 'networkidle' });
  expect(await page.locator('.cards > li').count()).toBe(model.plans.length);
  const plan = model.plans[0]!;
  const reported = plan.projects.filter((p) => p.progress.length > 0);
  expect(reported.length).toBeGreaterThan(0);
  for (const p of reported) {
    const res = await page.goto(site.url + paths.project(plan, p), { waitUntil: 'domcontentloaded' });
    expect(res?.status()).toBe(200);
    const rows = page.locator('section:has(#progress) tbody tr');
    expect(await rows.count()).toBe(p.progress.length);
    expect(await rows.last().innerText()).toContain(p.progress[p.progress.length - 1]!.statusLabel);
  }
  await page.goto(site.url + paths.plan(plan), { waitUntil: 'domcontentloaded' });
  const figures = await page.locator('.figures').first().innerText();
  const latest = reported.map((p) => p.progress[p.progress.length - 1]!.statusLabel);
  for (const label of new Set(latest)) expect(figures).toContain(label);
  await ctx.close();
});

it('axe: no serious or critical violations with full sections and reports', async () => {
  const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const ctx = await browser.newContext();
  const plan = model.plans[1]!;
  const problems: string[] = [];
  for (const path of [paths.home(), paths.plan(plan), ...plan.projects.slice(0, 3).map((p) => paths.project(plan, p))]) {
    const page = await ctx.newPage();
    await page.goto(site.url + path, { waitUntil: 'networkidle' });
    await page.addScriptTag({ content: AXE });
    const v = await page.evaluate(async () => {
      // @ts-expect-error: injected above
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
      return (r.violations as Array<{ id: string; impact: string }>).filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => x.id);
    });
    problems.push(...v.map((id) => `/${path}: ${id}`));
    await page.close();
  }
  expect(problems).toEqual([]);
  await ctx.close();
});

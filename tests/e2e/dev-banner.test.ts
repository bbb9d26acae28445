// `npm run dev` as an author uses it: a page is open and scrolled down, a YAML file is saved with a mistake,
// the page reloads. The error banner must be inside the viewport (at phone and desktop widths), set in the
// site's fonts, list every error with its position, and go away when the file is fixed. The dev server also
// writes the editor's schemas for the folder it serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, offlineContext } from './browser.ts';
import { ROOT } from './build-site.ts';

const DIR = join(ROOT, '.cache', 'e2e', 'dev-banner');
const CONTENT = join(DIR, 'content');
const PROJECT = join(CONTENT, 'plans', '2561', 'projects', 'debtor-data.yaml');
const OTHER = join(CONTENT, 'plans', '2561', 'projects', 'antivirus.yaml');
const PORT = 4391 + (process.pid % 500);
const URL_ = `http://127.0.0.1:${PORT}/plans/2561/projects/debtor-data/`;

let server: ChildProcess;
let browser: Browser;
let log = '';
const original = (id: string) => readFileSync(join(ROOT, 'content', 'plans', '2561', 'projects', `${id}.yaml`), 'utf8');

async function waitFor<T>(what: string, f: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  cpSync(join(ROOT, 'content'), CONTENT, { recursive: true });
  rmSync(join(CONTENT, 'schemas'), { recursive: true, force: true });
  const env: Record<string, string | undefined> = { ...process.env, PLAN_CONTENT: CONTENT, PLAN_CACHE_DIR: join(DIR, 'vite'), ASTRO_TELEMETRY_DISABLED: '1' };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'SITE_BASE']) delete env[k];
  server = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: ROOT, env });
  server.stdout!.on('data', (b) => (log += String(b)));
  server.stderr!.on('data', (b) => (log += String(b)));
  await waitFor('the dev server', async () => (await fetch(URL_).then((r) => r.ok, () => false)) || undefined, 120_000);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(DIR, { recursive: true, force: true });
});

/** The banner's box and styles, or undefined when there is none. */
const banner = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.content-errors');
    if (!el) return undefined;
    const r = el.getBoundingClientRect();
    const where = el.querySelector('.where')!;
    return {
      top: r.top, bottom: r.bottom, left: r.left, right: r.right,
      position: getComputedStyle(el).position,
      font: getComputedStyle(el).fontFamily,
      whereFont: getComputedStyle(where).fontFamily,
      items: [...el.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
      onTop: document.elementFromPoint(r.left + 5, r.top + 5) !== null && el.contains(document.elementFromPoint(r.left + 5, r.top + 5)),
      scrollY: window.scrollY,
      viewport: { width: window.innerWidth, height: window.innerHeight },
    };
  });

describe('dev error banner', () => {
  it('writes the editor schemas for the content it serves', () => {
    expect(existsSync(join(CONTENT, 'schemas', 'project.schema.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(CONTENT, 'schemas', 'project.schema.json'), 'utf8')).properties.owner.enum).toContain('monitoring-group');
  });

  for (const width of [390, 1280]) {
    it(`is inside the viewport at ${width} px after a save that breaks the content, and goes away when fixed`, async () => {
      const outside: string[] = [];
      const ctx = await offlineContext(browser, outside, { viewport: { width, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(URL_, { waitUntil: 'networkidle' });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const text = original('debtor-data');
      const other = original('antivirus');
      const budgetLine = text.split('\n').findIndex((l) => l.startsWith('budget:')) + 1;
      const ownerLine = other.split('\n').findIndex((l) => l.startsWith('owner:')) + 1;
      // Two mistakes in two files: both listed, each with its position.
      writeFileSync(OTHER, other.replace(/^owner: .*$/m, 'owner: monitoring-grop'));
      writeFileSync(PROJECT, text.replace(/^budget: .*$/m, 'budget: แปดหมื่น'));
      // The page reloads by itself (Vite's full reload on a content change); wait until the banner is there.
      const b = await waitFor('the banner', async () => {
        await page.reload({ waitUntil: 'networkidle' });
        return banner(page);
      });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const after = (await banner(page))!;
      expect(after.scrollY).toBeGreaterThan(0);
      expect(after.position).toBe('fixed');
      expect(after.top).toBeGreaterThanOrEqual(0);
      expect(after.top).toBeLessThan(5);
      expect(after.bottom).toBeLessThanOrEqual(after.viewport.height);
      expect(after.left).toBeGreaterThanOrEqual(0);
      expect(after.right).toBeLessThanOrEqual(after.viewport.width + 0.5);
      expect(after.onTop).toBe(true);
      expect(b.font).toMatch(/^Sarabun/i);
      expect(b.whereFont).toMatch(/monospace.*Sarabun/i);
      expect(after.items).toHaveLength(2);
      expect(after.items[0]).toContain(`antivirus.yaml:${ownerLine}:8 ไม่พบหน่วยงาน "monitoring-grop"`);
      expect(after.items[0]).toContain('หมายถึง monitoring-group');
      expect(after.items[1]).toContain(`debtor-data.yaml:${budgetLine}:9 จำนวนเงิน "แปดหมื่น" ไม่ใช่ตัวเลข`);

      writeFileSync(PROJECT, text);
      writeFileSync(OTHER, other);
      await waitFor('the banner to go', async () => {
        await page.reload({ waitUntil: 'networkidle' });
        return (await banner(page)) === undefined || undefined;
      });
      expect(outside).toEqual([]);
      await ctx.close();
    });
  }
});

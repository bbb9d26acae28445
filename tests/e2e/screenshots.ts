// Evidence, not a test: screenshots of home, plan and a project page at desktop and phone widths.
// npx node tests/e2e/screenshots.ts [dist] [out]  (build first with npm run build)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.ts';
import { serve } from './server.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = process.argv[2] ?? join(root, 'dist');
const out = process.argv[3] ?? join(root, 'tmp', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await serve(dist);
const browser = await launch();
const pages = { home: '', plan: 'plans/2561/', project: 'plans/2561/projects/debtor-data/', antivirus: 'plans/2561/projects/antivirus/', gallery: 'plans/2561/infographics/', search: 'search/?q=หนี้สิน' };
for (const [w, name] of [[1280, 'desktop'], [390, 'phone']] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, deviceScaleFactor: 1, colorScheme: process.env.DARK ? 'dark' : 'light' });
  const page = await ctx.newPage();
  for (const [key, path] of Object.entries(pages)) {
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    if (key === 'search') await page.waitForTimeout(800);
    const file = `${key}-${name}${process.env.DARK ? '-dark' : ''}`;
    await page.screenshot({ path: join(out, `${file}.png`), fullPage: true });
    // Long pages also in viewport-height slices, readable at full size.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const slice = w > 800 ? 1100 : 1400;
    for (let y = 0, i = 0; height > slice * 1.3 && y < height; y += slice, i++) {
      await page.screenshot({ path: join(out, `${file}-${i}.png`), fullPage: true, clip: { x: 0, y, width: w, height: Math.min(slice, height - y) } });
    }
  }
  await ctx.close();
}
if (process.env.PRINT) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const [key, path] of Object.entries(pages).slice(0, 3)) {
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await page.pdf({ path: join(out, `${key}.pdf`), format: 'A4', printBackground: true });
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);

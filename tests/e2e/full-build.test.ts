// The whole `npm run build` (site, search index, PDFs, images): every link from a page to a PDF or PNG,
// and every og:image, names a file that was written. (HTML links are crawled in site.test.ts.)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './build-site.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

const dist = join(ROOT, '.cache', 'e2e', 'full-dist');

it('npm run build leaves no dead link to a PDF, PNG or data file', () => {
  rmSync(dist, { recursive: true, force: true });
  const env: Record<string, string | undefined> = {
    ...process.env, PLAN_DIST: dist, PLAN_OUTPUT_CACHE: join(ROOT, '.cache', 'e2e', 'full-cache'),
    PLAN_CACHE_DIR: join(ROOT, '.cache', 'e2e', 'full-vite'),
  };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, env, encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const missing: string[] = [];
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/(?:href|src|content)="(\/[^"#?]*\.(?:pdf|png|xlsx|csv|json|ics))"/g)) {
      checked++;
      if (!existsSync(join(dist, decodeURIComponent(m[1]!)))) missing.push(`${relative(dist, file)} → ${m[1]}`);
    }
  }
  expect(missing).toEqual([]);
  expect(checked).toBeGreaterThan(10);
});

it('the gallery shows thumbnails, each smaller than the card it links to', () => {
  const html = readFileSync(join(dist, 'plans', '2561', 'infographics', 'index.html'), 'utf8');
  const figures = [...html.matchAll(/<a href="(\/[^"]+\.png)"><img src="(\/[^"]+\.png)"[^>]*>/g)];
  expect(figures.length).toBeGreaterThan(10);
  let thumbs = 0;
  let cards = 0;
  for (const [img, card, thumb] of figures) {
    expect(img).toMatch(/width="360" height="450" loading="lazy"/);
    expect(img).toMatch(/alt="[^"]+"/);
    expect(thumb).toContain('/thumbs/');
    const t = statSync(join(dist, decodeURIComponent(thumb!))).size;
    const c = statSync(join(dist, decodeURIComponent(card!))).size;
    expect(t, thumb).toBeLessThan(c);
    thumbs += t;
    cards += c;
  }
  // The page's image bytes: what it loads now against the full cards it loaded before.
  console.log(`gallery images: ${figures.length} thumbnails ${thumbs} bytes (full cards ${cards} bytes)`);
  expect(thumbs).toBeLessThan(cards / 2);
});

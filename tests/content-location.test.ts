// One content folder and logo root for every entry (src/content-dir.ts): PLAN_CONTENT resolved against the
// repository, empty meaning unset, and the logo's public/ beside the content folder whichever command asks,
// so the dev server's PDFs and `npm run check` (and the build) agree on where the logo is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { contentLocation, contentRoot } from '../src/content-dir.ts';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const node = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !['PLAN_CONTENT', 'PLAN_OUTPUT_CACHE'].includes(k))), ...env },
  });

describe('contentLocation', () => {
  it('PLAN_CONTENT against the repository; unset or empty is content/; the root is the folder beside it', () => {
    expect(contentLocation('/repo', undefined)).toEqual({ contentDir: '/repo/content', root: '/repo' });
    expect(contentLocation('/repo', '')).toEqual({ contentDir: '/repo/content', root: '/repo' });
    expect(contentLocation('/repo', 'examples/demo')).toEqual({ contentDir: '/repo/examples/demo', root: '/repo/examples' });
    expect(contentLocation('/repo', '/elsewhere/agency/content')).toEqual({ contentDir: '/elsewhere/agency/content', root: '/elsewhere/agency' });
    expect(contentRoot('/repo/examples/demo/')).toBe('/repo/examples');
  });

  it('an empty PLAN_CONTENT= checks content/, not the repository root', () => {
    const r = node('check.ts', [], { PLAN_CONTENT: '' });
    expect(r.stdout.toString()).toMatch(/ข้อผิดพลาด 0 รายการ/);
    expect(r.status).toBe(0);
  });
});

describe('the logo in the public/ beside another content folder', () => {
  // A copy whose organisation names a logo that only <copy>/public/ has (not content/, not the repository's public/).
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(0x80);
  const copy = contentCopy();
  const org = join(copy.content, 'organisation.yaml');
  const cache = join(copy.root, 'cache');
  afterAll(() => copy.cleanup());
  mkdirSync(join(copy.root, 'public'));
  writeFileSync(join(copy.root, 'public', 'copy-logo.png'), PNG.sync.write(png));
  writeFileSync(org, readFileSync(org, 'utf8').replace('branding:\n', 'branding:\n  logo: copy-logo.png\n'));

  it('npm run check and the dev server\'s outputs both find it', () => {
    const check = node('check.ts', [], { PLAN_CONTENT: copy.content });
    expect(check.status, check.stderr.toString()).toBe(0);
    // scripts/output.ts is the dev server's renderer run once (src/dev/output.ts); it looked in the repository's
    // public/ and answered the book with "logo missing" (exit 3).
    const book = node('output.ts', ['plans/2561/plan-2561.pdf'], { PLAN_CONTENT: copy.content, PLAN_OUTPUT_CACHE: cache });
    expect(book.status, book.stderr.toString()).toBe(0);
    expect(book.stdout.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

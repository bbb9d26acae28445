// Two `npm run build`s at once into the same output folder (a developer's build beside CI or a file
// watcher, a double click): dist/ must always be a complete site, and a build that did not publish must
// say so and exit non-zero — never "✓ Built" beside a partial dist/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { contentCopy, ROOT } from '../helpers/content-copy.ts';
import { snapshot } from '../helpers/snapshot.ts';

const work = mkdtempSync(join(tmpdir(), 'concurrent-build-'));
const content = contentCopy();
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  content.cleanup();
});

const VITEST_VARS = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'];
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_VARS.includes(k))),
  PLAN_CONTENT: content.content,
  PLAN_DIST: join(work, 'dist'),
  PLAN_OUTPUT_CACHE: join(work, 'cache'),
  PLAN_CACHE_DIR: join(work, 'astro-cache'),
  SOURCE_DATE_EPOCH: '1506816000',
  ASTRO_TELEMETRY_DISABLED: '1',
  PLAN_FORCE: '1',
};

interface Run { pid: number; status: number | null; stdout: string; stderr: string }

/** `node scripts/build.ts` (what npm run build runs), started after `delay` ms. */
function build(delay = 0, dist = env.PLAN_DIST): Promise<Run> {
  return new Promise((done) => {
    setTimeout(() => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, env: { ...env, PLAN_DIST: dist } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      child.on('close', (status) => done({ pid: child.pid!, status, stdout, stderr }));
    }, delay);
  });
}


it('two builds at once never publish a partial site', { timeout: 180_000 }, async () => {
  const ref = await build();
  expect(ref.status, ref.stderr.slice(-2000)).toBe(0);
  const reference = snapshot(env.PLAN_DIST);
  expect(reference['index.html']).toBeDefined();
  // Second build started at once, while the first loads, while it renders, near its end.
  for (const delay of [0, 0, 400, 1500, 3000]) {
    const runs = await Promise.all([build(), build(delay)]);
    const dist = snapshot(env.PLAN_DIST);
    expect(Object.keys(dist).length).toBe(Object.keys(reference).length);
    expect(dist).toEqual(reference);
    expect(runs.some((r) => r.status === 0), runs.map((r) => r.stderr).join('\n')).toBe(true);
    for (const [i, r] of runs.entries()) {
      if (r.status === 0) {
        expect(r.stdout).toContain('✓ Built');
        continue;
      }
      const other = runs[1 - i]!;
      expect(r.stdout).not.toContain('✓ Built');
      expect(r.stderr).toContain(`✗ มีการสร้างอีกชุดหนึ่งกำลังเขียน ${env.PLAN_DIST} อยู่ (PID ${other.pid}, เริ่มเมื่อ `);
    }
    expect(readdirSync(work).filter((f) => f.startsWith('dist.'))).toEqual([]);
  }
  expect(existsSync(join(env.PLAN_DIST, 'index.html'))).toBe(true);

  // Into two different output folders outside the project at once: both build (Astro's working folder
  // used to be one shared .astro/.prerender, and one of the two failed).
  const other = join(work, 'dist-2');
  const both = await Promise.all([build(), build(0, other)]);
  for (const r of both) expect(r.status, r.stderr.slice(-2000)).toBe(0);
  expect(snapshot(env.PLAN_DIST)).toEqual(reference);
  expect(snapshot(other)).toEqual(reference);
});

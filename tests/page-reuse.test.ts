// A rebuild copies the pages of plans whose inputs did not change (src/site/page-reuse.ts): after each kind of
// edit, the output must be byte for byte what a build that renders every page makes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent } from '../src/synthetic/generate.ts';
import { ROOT } from './helpers/content-copy.ts';
import { snapshot } from './helpers/snapshot.ts';

const work = mkdtempSync(join(tmpdir(), 'page-reuse-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
generateContent(content, { seed: 3, plans: 3, projectsPerPlan: 3, reportMonths: 2 });

const VITEST_VARS = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'];
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_VARS.includes(k)));

/** A build into `dist` (one output cache for all: the PNGs and PDFs come from it, the pages are the question). */
function build(dist: string, extra: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...cleanEnv, PLAN_CONTENT: content, PLAN_DIST: dist, PLAN_OUTPUT_CACHE: join(work, 'cache'), PLAN_CACHE_DIR: join(work, 'astro-cache'), SOURCE_DATE_EPOCH: '1506816000', ASTRO_TELEMETRY_DISABLED: '1', ...extra },
  });
  expect(r.status, r.stderr.slice(-3000)).toBe(0);
  return r.stdout;
}

const reused = (log: string) => Number(/pages of (\d+) of \d+ plans unchanged/.exec(log)?.[1] ?? 0);
const edit = (file: string, from: RegExp, to: string) => {
  const f = join(content, file);
  const before = readFileSync(f, 'utf8');
  const after = before.replace(from, to);
  expect(after, `${file}: ${from}`).not.toBe(before);
  writeFileSync(f, after);
};

describe('a rebuild renders only the plans whose pages changed', () => {
  const dist = join(work, 'dist');
  /** The same content with every page rendered (PLAN_FORCE), into another folder. */
  const expectSameAsFull = () => {
    build(join(work, 'full'), { PLAN_FORCE: '1' });
    expect(snapshot(dist)).toEqual(snapshot(join(work, 'full')));
  };

  it('renders every plan the first time', () => {
    expect(reused(build(dist))).toBe(0);
  });

  it("copies the other plans' pages when one project's budget changes, and the site is what a full build makes", () => {
    edit('plans/2561/projects/p0001.yaml', /^budget: \d+/m, 'budget: 123000');
    expect(reused(build(dist))).toBe(2);
    expectSameAsFull();
  });

  it('renders a plan again when one of its pages is missing from the output it replaces', () => {
    rmSync(join(dist, 'plans', '2562', 'index.html'));
    edit('plans/2561/projects/p0001.yaml', /^budget: \d+/m, 'budget: 124000');
    expect(reused(build(dist))).toBe(1);
    expectSameAsFull();
  });

  it('renders every plan when what all pages show changes: the organisation, or the menu', () => {
    edit('organisation.yaml', /^short_name: .*$/m, 'short_name: กองทุนตัวอย่าง');
    expect(reused(build(dist))).toBe(0);
    expectSameAsFull();
    // The menu links the newest plan's progress page only once it has a report.
    for (const r of ['2562-10.yaml', '2562-11.yaml']) rmSync(join(content, 'plans', '2563', 'reports', r));
    expect(reused(build(dist))).toBe(0);
    expectSameAsFull();
  });

  it('renders every page again with PLAN_FORCE=1', () => {
    expect(reused(build(dist, { PLAN_FORCE: '1' }))).toBe(0);
  });
});

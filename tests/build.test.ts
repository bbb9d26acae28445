// `npm run build` as a whole: a failed build leaves the previous output exactly as it was, and two clean
// builds of the same content give byte-identical output folders.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const work = mkdtempSync(join(tmpdir(), 'build-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Vitest's own variables (BASE_URL, MODE, NODE_ENV=test …) would leak into the child Astro build.
const VITEST_VARS = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'];
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_VARS.includes(k)));

function build(content: string, dist: string, cache: string, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...cleanEnv,
      PLAN_CONTENT: content,
      PLAN_DIST: dist,
      PLAN_OUTPUT_CACHE: cache,
      PLAN_CACHE_DIR: join(work, 'astro-cache-' + createHash('md5').update(dist).digest('hex').slice(0, 6)),
      SOURCE_DATE_EPOCH: '1506816000',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...extra,
    },
  });
}

/** path → sha256 of every file under dir. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('npm run build', () => {
  const distA = join(work, 'dist-a');
  let first: Record<string, string>;

  it('builds site, PDFs and PNGs', () => {
    const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'));
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    first = snapshot(distA);
    for (const f of ['index.html', 'plans/2561/index.html', 'plans/2561/plan-2561.pdf', 'plans/2561/projects/antivirus.pdf', 'plans/2561/infographics/2560-10.png', 'plans/2561/infographics/2561-09.png', 'og/home.png', 'pagefind/pagefind.js']) {
      expect(first[f], f).toBeDefined();
    }
    expect(existsSync(`${distA}.staging`)).toBe(false);
  });

  it('leaves the previous output untouched when the content has errors', () => {
    const c = contentCopy({ 'plans/2561/projects/antivirus.yaml': readFileSync(join(ROOT, 'content/plans/2561/projects/antivirus.yaml'), 'utf8').replace('budget: 15000', 'budget: หนึ่งหมื่นห้าพัน') });
    try {
      const r = build(c.content, distA, join(work, 'cache-a'));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/antivirus\.yaml:\d+:9: ข้อผิดพลาด: จำนวนเงิน/);
      expect(r.stderr).toContain('dist/ เดิมยังอยู่เหมือนเดิม');
      expect(snapshot(distA)).toEqual(first);
    } finally {
      c.cleanup();
    }
  });

  it('leaves the previous output untouched when a step fails after the site was built', () => {
    for (const fault of ['infographics', 'PDF']) {
      const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'), { PLAN_FAULT: fault, PLAN_FORCE: '1' });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('✓ site (Astro)');
      expect(r.stderr).toContain('fault injected');
      expect(snapshot(distA)).toEqual(first);
      expect(existsSync(`${distA}.staging`)).toBe(false);
    }
  });

  it('gives byte-identical output on a second clean build', () => {
    const distB = join(work, 'dist-b');
    const r = build(join(ROOT, 'content'), distB, join(work, 'cache-b'));
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    const second = snapshot(distB);
    const differing = Object.keys({ ...first, ...second }).filter((k) => first[k] !== second[k]);
    expect(differing).toEqual([]);
  });
});

describe('npm run build with nothing changed', () => {
  it('does nothing when every input is as at the last successful build', () => {
    const dist = join(work, 'dist-stamp');
    const cache = join(work, 'cache-stamp');
    expect(build(join(ROOT, 'content'), dist, cache).status).toBe(0);
    const before = snapshot(dist);
    const again = build(join(ROOT, 'content'), dist, cache);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('ไม่มีอะไรเปลี่ยน');
    expect(snapshot(dist)).toEqual(before);
    // A changed setting is a changed input.
    const based = build(join(ROOT, 'content'), dist, cache, { SITE_BASE: '/plans/' });
    expect(based.stdout).toContain('✓ site (Astro)');
  });
});

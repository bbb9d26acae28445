// `npm run build` as a whole: a failed build leaves the previous output exactly as it was, and two clean
// builds of the same content give byte-identical output folders.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive } from '../src/outputs/publish.ts';
import { contentCopy, ROOT } from './helpers/content-copy.ts';
import { snapshot } from './helpers/snapshot.ts';

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


/** Anything a build leaves beside its output folder (staging, previous, lock), and Astro folders in the project. */
function leftovers(dist: string): string[] {
  const name = dist.slice(dirname(dist).length + 1);
  const beside = readdirSync(dirname(dist)).filter((f) => f.startsWith(`${name}.`));
  // Only those of builds no longer running: other test files may be building at the same time.
  const astro = existsSync(join(ROOT, '.astro')) ? readdirSync(join(ROOT, '.astro')).filter((f) => /^out-\d+-/.test(f) && !alive(Number(f.split('-')[1]))) : [];
  return [...beside, ...astro];
}

describe('npm run build', () => {
  const distA = join(work, 'dist-a');
  let first: Record<string, string>;

  it('builds site, PDFs and PNGs', () => {
    const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'));
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    // Every warning once, in the form npm run check prints it (not again from Astro's content loader).
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts'), join(ROOT, 'content')], { cwd: ROOT, encoding: 'utf8' });
    const warnings = check.stderr.split('\n').filter((l) => l.includes(': คำเตือน: '));
    expect(warnings.length).toBeGreaterThan(0);
    const printed = (r.stdout + r.stderr).split('\n').filter((l) => l.includes(': คำเตือน: '));
    expect(printed).toEqual(warnings);
    first = snapshot(distA);
    for (const f of ['index.html', 'plans/2561/index.html', 'plans/2561/plan-2561.pdf', 'plans/2561/projects/antivirus.pdf', 'plans/2561/infographics/2560-10.png', 'plans/2561/infographics/2561-09.png', 'pagefind/pagefind.js']) {
      expect(first[f], f).toBeDefined();
    }
    expect(first['og/home.png'], 'no link previews without an absolute address (site.url, SITE_URL)').toBeUndefined();
    expect(leftovers(distA)).toEqual([]);
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
      expect(leftovers(distA)).toEqual([]);
    }
  });

  it('re-renders a damaged cache entry instead of publishing it', () => {
    const cache = join(work, 'cache-a');
    const png = readdirSync(join(cache, 'cards'))[0]!;
    const pdf = readdirSync(join(cache, 'book'))[0]!;
    writeFileSync(join(cache, 'cards', png), 'not a png');
    const bytes = readFileSync(join(cache, 'book', pdf));
    writeFileSync(join(cache, 'book', pdf), bytes.subarray(0, 1000));
    const r = build(join(ROOT, 'content'), distA, cache, { PLAN_FORCE: '1' });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout).toMatch(/17 PNG \(reused 16, made 1, 1 damaged in the cache and made again\)/);
    expect(r.stdout).toMatch(/1 PDF \(reused 0, made 1, 1 damaged in the cache and made again\)/);
    expect(snapshot(distA)).toEqual(first);
    // The re-rendered entries replaced the damaged ones.
    expect(readFileSync(join(cache, 'book', pdf))).toEqual(bytes);
    expect(readdirSync(join(cache, 'cards'))).toContain(png);
  });

  it('a full disk ends with a Thai message, the old output as it was and no staging folder', () => {
    const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'), { PLAN_FAULT: 'ENOSPC:PDF', PLAN_FORCE: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/✗ พื้นที่ดิสก์เต็ม ขณะเขียน .*dist-a\.staging-\d+-[0-9a-f]+: ไม่ได้สร้างผลลัพธ์ใหม่ dist-a\/ เดิมยังอยู่เหมือนเดิม/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(distA)).toEqual(first);
    expect(leftovers(distA)).toEqual([]);
  });

  it('a failed swap is rolled back and says so', () => {
    const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'), { PLAN_FAULT: 'swap', PLAN_FORCE: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/แทนที่ .*dist-a ไม่สำเร็จ \(fault injected.*\): ย้ายฉบับเดิมกลับเข้าที่แล้ว .*dist-a ยังเป็นผลลัพธ์ก่อนหน้าครบทุกไฟล์/);
    expect(snapshot(distA)).toEqual(first);
    expect(leftovers(distA)).toEqual([]);
  });

  it('a swap that cannot be rolled back says where the old site is, and the next build recovers alone', () => {
    const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'), { PLAN_FAULT: 'swap,rollback', PLAN_FORCE: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ตอนนี้ไม่มี .*dist-a — ฉบับเดิมอยู่ที่ .*dist-a\.previous; สั่ง npm run build อีกครั้ง/);
    expect(existsSync(distA)).toBe(false);
    expect(snapshot(`${distA}.previous`)).toEqual(first);
    const again = build(join(ROOT, 'content'), distA, join(work, 'cache-a'), { PLAN_FORCE: '1' });
    expect(again.status, again.stderr.slice(-2000)).toBe(0);
    expect(again.stdout).toContain('กู้คืน');
    expect(snapshot(distA)).toEqual(first);
    expect(leftovers(distA)).toEqual([]);
  });

  it('cleans up what a killed build left beside the output', () => {
    // A dead pid: a finished child's.
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    mkdirSync(`${distA}.staging-${dead}-0badc0de/plans`, { recursive: true });
    mkdirSync(`${distA}.staging/x`, { recursive: true });
    writeFileSync(`${distA}.lock`, JSON.stringify({ pid: dead, started: '2026-01-01T00:00:00Z' }));
    const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'), { PLAN_FORCE: '1' });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout).toContain(`ล็อกที่ค้างจากการสร้างที่ไม่ได้ทำงานแล้ว (PID ${dead}`);
    expect(snapshot(distA)).toEqual(first);
    expect(leftovers(distA)).toEqual([]);
  });

  it('refuses to build while another build holds the output, naming it', () => {
    writeFileSync(`${distA}.lock`, JSON.stringify({ pid: process.pid, started: '2026-12-01T09:30:00Z' }));
    try {
      const r = build(join(ROOT, 'content'), distA, join(work, 'cache-a'), { PLAN_FORCE: '1' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`✗ มีการสร้างอีกชุดหนึ่งกำลังเขียน .*dist-a อยู่ \\(PID ${process.pid}, เริ่มเมื่อ 2026-12-\\d\\d \\d\\d:\\d\\d:00\\)`));
      expect(r.stdout).not.toContain('✓ Built');
      expect(snapshot(distA)).toEqual(first);
    } finally {
      rmSync(`${distA}.lock`);
    }
  });

  it('publishes into the folder a symlinked output points at, keeping the link', () => {
    const real = join(work, 'real-site');
    mkdirSync(real);
    writeFileSync(join(real, 'stale.html'), 'old');
    const link = join(work, 'linked-dist');
    symlinkSync(real, link);
    const r = build(join(ROOT, 'content'), link, join(work, 'cache-a'));
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(snapshot(real)).toEqual(first);
    expect([...leftovers(link), ...leftovers(real)]).toEqual([]);
  });

  it('builds into an output folder on another filesystem', () => {
    const shm = '/dev/shm';
    const other = existsSync(shm) && statSync(shm).dev !== statSync(ROOT).dev;
    // Without a second filesystem at hand, a rename failing with EXDEV stands in for it.
    const dist = other ? join(mkdtempSync(join(shm, 'build-test-')), 'dist') : join(work, 'dist-exdev');
    try {
      const r = build(join(ROOT, 'content'), dist, join(work, 'cache-a'), other ? {} : { PLAN_FAULT: 'EXDEV:move-site' });
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      // Pagefind indexes in directory-listing order, which differs on tmpfs: its files are compared by name.
      const got = snapshot(dist);
      expect(Object.keys(got).filter((f) => !f.startsWith('pagefind/')).map((f) => [f, got[f]])).toEqual(Object.keys(first).filter((f) => !f.startsWith('pagefind/')).map((f) => [f, first[f]]));
      expect(Object.keys(got).length).toBe(Object.keys(first).length);
      expect(leftovers(dist)).toEqual([]);
    } finally {
      if (other) rmSync(dirname(dist), { recursive: true, force: true });
    }
    const injected = join(work, 'dist-exdev');
    const r = build(join(ROOT, 'content'), injected, join(work, 'cache-a'), { PLAN_FAULT: 'EXDEV:move-site' });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(snapshot(injected)).toEqual(first);
    expect(leftovers(injected)).toEqual([]);
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

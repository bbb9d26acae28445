// npm run build: validate content/, then build the site, the PDFs and the images into a fresh folder,
// and only when every step succeeded replace dist/ with it. A failed build leaves dist/ as it was.
// One build at a time per output folder: a second one stops at once with the first one's PID (lock file
// beside dist/), because the output cache, the stamp and the swap are shared; each build still stages in
// its own folder beside the real target, so the final rename never crosses filesystems.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { type Model } from '../src/model/index.ts';
import { contentLocation } from '../src/content-dir.ts';
import { loadPlans } from '../src/pipeline.ts';
import { sourceVersion } from '../src/outputs/cache.ts';
import { outputKinds, runKinds } from '../src/outputs/index.ts';
import { dataKinds } from '../src/outputs/kinds/data.ts';
import { alive, diskFull, lockOutput, moveDir, PublishError, realTarget, recoverLeftovers, stagingFor, swapIn } from '../src/outputs/publish.ts';

const root = join(import.meta.dirname, '..');
const dist = resolve(root, process.env.PLAN_DIST ?? 'dist');
// A dist/ that is a symlink keeps pointing where it did: the folder it points at is what gets replaced.
const target = ((): string => {
  try {
    return realTarget(dist);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
})();
const staging = stagingFor(target);
// Astro's prerender chunks import packages, so Astro must write inside the project (node_modules resolves);
// one folder per build so two builds into different outputs never share it. Moved into staging afterwards.
const astroOut = join(root, '.astro', `out-${process.pid}-${randomBytes(4).toString('hex')}`);
// The data files (src/exports), written before the pages so the pages show their sizes without rendering
// them again (src/site/downloads.ts reads PLAN_DATA_DIR); moved into staging with the site. Named after the
// staging folder, so recoverLeftovers removes it when a build is killed.
const dataOut = `${staging}.data`;
// Reused PDFs and PNGs; PLAN_OUTPUT_CACHE moves it (benchmarks and tests keep theirs apart).
const outputCache = resolve(root, process.env.PLAN_OUTPUT_CACHE ?? '.cache');

/**
 * PLAN_FAULT=<point>[,<point>…] makes those points fail: how the tests prove a failure keeps dist/ intact.
 * A point is a step's name (its start), or 'move-site', 'retire', 'swap', 'rollback'; `CODE:point` fails it with
 * that error code (ENOSPC:PDF is a full disk while writing PDFs, EXDEV:move-site another filesystem).
 */
const faults = (process.env.PLAN_FAULT ?? '').split(',').filter(Boolean).map((f) => {
  const m = /^([A-Z]+):(.*)$/.exec(f);
  return m ? { code: m[1], point: m[2]! } : { code: undefined, point: f };
});

function fault(point: string): void {
  const f = faults.find((x) => point.startsWith(x.point));
  if (!f) return;
  const e: NodeJS.ErrnoException = new Error(`${f.code ? `${f.code}: ` : ''}fault injected in step "${point}" (PLAN_FAULT)`);
  if (f.code) Object.assign(e, { code: f.code, path: staging });
  throw e;
}

function step(name: string, run: () => void | Promise<void>): Promise<void> {
  const t0 = performance.now();
  try {
    fault(name);
  } catch (e) {
    return Promise.reject(e);
  }
  return Promise.resolve(run()).then(() => console.log(`  ✓ ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`));
}

/** A stage that is not a fault point, timed the same way (where a rebuild's time goes, bench/build.bench.ts). */
function timed<T>(name: string, run: () => T): T {
  const t0 = performance.now();
  const r = run();
  console.log(`  ✓ ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return r;
}

/**
 * Everything a build reads — the content, public/, the code and templates, the lockfile and the settings
 * from the environment — hashed. When it equals the stamp of the last successful build into this dist/,
 * there is nothing to do (PLAN_FORCE=1 rebuilds anyway).
 */
function inputsHash(contentDir: string): string {
  const env = ['SITE_BASE', 'SITE_URL', 'SOURCE_DATE_EPOCH'].map((k) => `${k}=${process.env[k] ?? ''}`).join('\n');
  return sourceVersion(root, [contentDir, 'public', 'src', 'templates', 'scripts', 'astro.config.mjs', 'package.json'], env);
}

async function main(): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  lockOutput(target);
  recoverLeftovers(target);
  removeDeadAstroOut();
  // PLAN_CONTENT / PLAN_DIST let tests and previews build another content folder into another output folder.
  const { contentDir, root: contentRoot } = contentLocation(root);
  const stampFile = join(outputCache, 'stamps', createHash('sha256').update(dist).digest('hex').slice(0, 16));
  const inputs = timed('inputs hash', () => inputsHash(contentDir));
  if (process.env.PLAN_FORCE !== '1' && existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === inputs) {
    console.log(`✓ ไม่มีอะไรเปลี่ยนตั้งแต่การสร้างครั้งก่อน: ${dist} เป็นปัจจุบันแล้ว (PLAN_FORCE=1 เพื่อสร้างใหม่ทั้งหมด)`);
    return;
  }
  const { model, diagnostics } = timed('content (load, checks, model)', () => loadPlans(contentDir, contentRoot, { relativeTo: process.cwd() }));
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  if (!model) {
    console.error('\n✗ เนื้อหามีข้อผิดพลาด: ไม่ได้สร้างผลลัพธ์ใหม่ และ dist/ เดิมยังอยู่เหมือนเดิม');
    process.exit(1);
  }
  console.log(`Building into ${staging}`);

  const data = await runKinds(dataKinds, model, dataOut, { cacheDir: outputCache, step });
  await step('site (Astro)', () => astroBuild(astroOut));
  timed('move site into staging', () => {
    moveDir(astroOut, staging, (a, b) => {
      fault('move-site');
      renameSync(a, b);
    });
    for (const f of data.flatMap((r) => r.files)) {
      mkdirSync(dirname(join(staging, f)), { recursive: true });
      renameSync(join(dataOut, f), join(staging, f));
    }
    rmSync(dataOut, { recursive: true, force: true });
  });
  await renderOutputs(model, staging);

  // Swap: the old dist/ is removed only after the new one is in place.
  timed('swap', () => swapIn(staging, target, fault));
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, inputs);
  console.log(`\n✓ Built ${dist}`);
}

function astroBuild(outDir: string): void {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    stdio: 'inherit',
    // The content's warnings are printed above, once: the content loader inside Astro does not repeat them.
    env: { ...process.env, PLAN_OUT_DIR: outDir, PLAN_DATA_DIR: dataOut, ASTRO_TELEMETRY_DISABLED: '1', PLAN_DIAGNOSTICS_PRINTED: '1' },
  });
  if (r.status !== 0) throw new Error('astro build failed');
}

/** Astro output folders of builds that were killed before moving theirs. */
function removeDeadAstroOut(): void {
  const dir = dirname(astroOut);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = /^out-(\d+)-/.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** The search index and, meanwhile, every other kind of the output registry (src/outputs), beside the site's pages. */
async function renderOutputs(model: Model, outDir: string): Promise<void> {
  // Only HTML is indexed, and Pagefind indexes in its own process (driven from a worker thread): it runs while
  // the PDFs and images are made.
  // Both are awaited before a failure is reported, so nothing still writes into staging when it is removed.
  const settled = await Promise.allSettled([
    step('search index (Pagefind)', () => indexSearch(outDir)),
    runKinds(outputKinds.filter((k) => !dataKinds.includes(k)), model, outDir, { cacheDir: outputCache, step }),
  ]);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
}

/** Website: Pagefind index over every HTML page Astro wrote (src/site/search-index.ts), in a worker thread. */
async function indexSearch(outDir: string): Promise<void> {
  const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: { outDir } });
  const { pages } = await new Promise<{ pages: number }>((done, fail) => {
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`search index: the worker stopped (exit code ${code})`)));
  });
  console.log(`    ${pages} pages indexed`);
}

main().catch((e: unknown) => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(astroOut, { recursive: true, force: true });
  rmSync(dataOut, { recursive: true, force: true });
  const full = diskFull(e);
  const state = existsSync(target) ? `${basename(dist)}/ เดิมยังอยู่เหมือนเดิม` : `ยังไม่มี ${basename(dist)}/`;
  if (e instanceof PublishError) console.error(`\n${e.message}`);
  else if (full !== undefined) {
    console.error(
      `\n✗ พื้นที่ดิสก์เต็ม${full ? ` ขณะเขียน ${full}` : ''}: ไม่ได้สร้างผลลัพธ์ใหม่ ${state} ` +
        `และลบโฟลเดอร์ชั่วคราวแล้ว — เพิ่มพื้นที่ว่างแล้วสั่ง npm run build ใหม่`,
    );
  } else {
    console.error(e instanceof Error ? e.message : e);
    console.error(`\n✗ การสร้างล้มเหลว: ${state}`);
  }
  process.exit(1);
});

// npm run build: validate content/, then build the site, the PDFs and the images into a fresh folder,
// and only when every step succeeded replace dist/ with it. A failed build leaves dist/ as it was.
// One build at a time per output folder: a second one stops at once with the first one's PID (lock file
// beside dist/), because the output cache, the stamp and the swap are shared; each build still stages in
// its own folder beside the real target, so the final rename never crosses filesystems.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { enableCompileCache } from 'node:module';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { contentLocation } from '../src/content-dir.ts';
import { sourceVersion } from '../src/outputs/cache.ts';
import type { PageManifest } from '../src/site/page-reuse.ts';
import { now } from '../src/outputs/clock.ts';
import { beMonthOfDate, monthKey } from '../src/thai/calendar.ts';
import { MODEL_FILE_ENV, writeModelFile } from '../src/site/entry.ts';
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
// The registry's outputs, made before and while Astro builds the pages; moved into staging with the site. The
// data files are written first, so the pages read their sizes (src/site/downloads.ts, PLAN_DATA_DIR) instead
// of rendering them again. Named after the staging folder, so recoverLeftovers removes it when a build is killed.
const outputsOut = `${staging}.outputs`;
// Reused PDFs and PNGs; PLAN_OUTPUT_CACHE moves it (benchmarks and tests keep theirs apart).
const outputCache = resolve(root, process.env.PLAN_OUTPUT_CACHE ?? '.cache');
// V8's compiled code of every module, kept between builds: Astro's process and each render worker import
// Satori, Vite and our sources again at every build (a worker's imports 0.3 → 0.14 s). Inherited by both
// through the environment; it changes no output.
// This process uses it for the engine, which it imports only once it knows there is something to build.
if (process.env.PLAN_NO_CACHE !== '1') enableCompileCache((process.env.NODE_COMPILE_CACHE ??= join(outputCache, 'node-compile')));

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
function inputsHash(contentDir: string): { code: string; inputs: string } {
  // The month is a setting too: the pages mark the current plan month (src/site/now.ts), so a build in a new
  // month is not "nothing changed".
  const env = [...['SITE_BASE', 'SITE_URL', 'SOURCE_DATE_EPOCH'].map((k) => `${k}=${process.env[k] ?? ''}`), `month=${monthKey(beMonthOfDate(now()))}`].join('\n');
  const code = sourceVersion(root, ['public', 'src', 'templates', 'scripts', 'astro.config.mjs', 'package.json'], env);
  return { code, inputs: sourceVersion(root, [contentDir], code) };
}

async function main(): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  lockOutput(target);
  recoverLeftovers(target);
  removeDeadAstroOut();
  // PLAN_CONTENT / PLAN_DIST let tests and previews build another content folder into another output folder.
  const { contentDir, root: contentRoot } = contentLocation(root);
  const stampFile = join(outputCache, 'stamps', createHash('sha256').update(dist).digest('hex').slice(0, 16));
  // What the last build into this dist/ wrote of each plan's pages (src/site/page-reuse.ts).
  const pagesFile = `${stampFile}.pages.json`;
  const { code, inputs } = timed('inputs hash', () => inputsHash(contentDir));
  if (process.env.PLAN_FORCE !== '1' && existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === inputs) {
    console.log(`✓ ไม่มีอะไรเปลี่ยนตั้งแต่การสร้างครั้งก่อน: ${dist} เป็นปัจจุบันแล้ว (PLAN_FORCE=1 เพื่อสร้างใหม่ทั้งหมด)`);
    return;
  }
  // Astro starts first: its start-up and its bundling (Vite; ~3 s) overlap the loading of the content and the
  // data files, and its pages wait for the model file, written once both are done (src/site/content.ts).
  const modelFile = join(outputsOut, '.model');
  const site = step('site (Astro)', () => astroBuild(astroOut, modelFile));
  site.catch(() => {}); // settled below, where a failure is reported
  // The engine (loader, renderers: ~0.8 s of imports) loads while Astro starts, and not at all when nothing changed.
  const [{ loadPlans, ParseCache }, { outputKinds, runKinds }, { dataKinds }, { copyPages, pagesManifest, planPageKeys, readManifest, reusablePlans, writeManifest }, { evidenceFiles, evidenceSource }, { paths }] = await Promise.all([
    import('../src/pipeline.ts'), import('../src/outputs/index.ts'), import('../src/outputs/kinds/data.ts'), import('../src/site/page-reuse.ts'),
    import('../src/site/evidence.ts'), import('../src/paths.ts'),
  ]);
  // The YAML files parsed by earlier builds are not parsed again (src/loader/parse-cache.ts): keyed to the loader's code.
  const parseCache = process.env.PLAN_NO_CACHE === '1' ? undefined : new ParseCache(sourceVersion(root, ['src/loader']), join(outputCache, 'content', 'parsed.v8'));
  const { model, diagnostics } = timed('content (load, checks, model)', () => loadPlans(contentDir, contentRoot, { relativeTo: process.cwd(), parseCache }));
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  if (!model) {
    parseCache?.save(); // the files without mistakes need not be parsed again once the others are mended
    await stopAstro();
    rmSync(astroOut, { recursive: true, force: true });
    console.error('\n✗ เนื้อหามีข้อผิดพลาด: ไม่ได้สร้างผลลัพธ์ใหม่ และ dist/ เดิมยังอยู่เหมือนเดิม');
    process.exit(1);
  }
  console.log(`Building into ${staging}`);

  // The data files first: the pages show their sizes. The other outputs are made while Astro builds the pages
  // in its own process (the second core); both are awaited before a failure is reported, so nothing still
  // writes into a folder as it is removed.
  const kinds = { cacheDir: outputCache, step };
  const data = await runKinds(dataKinds, model, outputsOut, kinds);
  // The plans whose pages are copied from the output being replaced, not rendered (src/site/page-reuse.ts).
  const dataFiles = data.flatMap((r) => r.files);
  const keys = planPageKeys(code, model, (plan) => ({
    data: dataFiles.filter((f) => f.startsWith(paths.plan(plan))).map((f) => [f, statSync(join(outputsOut, f)).size]),
    evidence: evidenceFiles(plan).map((f) => [f, evidenceSource(f, contentDir) !== undefined]),
  }));
  const lastPages = process.env.PLAN_FORCE === '1' || process.env.PLAN_NO_CACHE === '1' ? undefined : readManifest(pagesFile);
  const reusedPlans = reusablePlans(keys, lastPages, target);
  if (reusedPlans.length) console.log(`    pages of ${reusedPlans.length} of ${model.plans.length} plans unchanged: copied from ${basename(dist)}/, not rendered`);
  // Astro's pages read this build's model instead of loading the YAML again (the file is removed with the
  // outputs' folder).
  mkdirSync(outputsOut, { recursive: true });
  writeModelFile(modelFile, { model, diagnostics, reusedPlans });
  parseCache?.save();
  // The search index is made from Astro's pages as soon as they are written, while the images and PDFs may
  // still be rendering (only HTML is indexed; the index moves into staging with the pages).
  let pages: PageManifest | undefined;
  const indexed = site
    .then(() => {
      if (reusedPlans.length) copyPages(lastPages!, reusedPlans, target, astroOut);
      pages = pagesManifest(model, keys, astroOut);
    })
    .then(() => step('search index (Pagefind)', () => indexSearch(astroOut)));
  const [searched, rest] = await Promise.allSettled([indexed, runKinds(outputKinds.filter((k) => !dataKinds.includes(k)), model, outputsOut, kinds)]);
  if (searched.status === 'rejected') throw searched.reason;
  if (rest.status === 'rejected') throw rest.reason;
  timed('move site and outputs into staging', () => {
    moveDir(astroOut, staging, (a, b) => {
      fault('move-site');
      renameSync(a, b);
    });
    for (const f of [...data, ...rest.value].flatMap((r) => r.files)) {
      mkdirSync(dirname(join(staging, f)), { recursive: true });
      renameSync(join(outputsOut, f), join(staging, f));
    }
    rmSync(outputsOut, { recursive: true, force: true });
  });

  // Swap: the old dist/ is removed only after the new one is in place.
  timed('swap', () => swapIn(staging, target, fault));
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, inputs);
  writeManifest(pagesFile, pages!);
  console.log(`\n✓ Built ${dist}`);
}

/** The running `astro build`, while it runs. */
let astro: ChildProcess | undefined;

function astroBuild(outDir: string, modelFile: string): Promise<void> {
  const child = spawn(process.execPath, [join(root, 'scripts', 'astro-build.ts')], {
    cwd: root,
    stdio: 'inherit',
    // The pages read this build's model from the model file (src/site/content.ts): no second load, and the
    // content's warnings are printed above, once.
    env: { ...process.env, PLAN_OUT_DIR: outDir, PLAN_DATA_DIR: outputsOut, [MODEL_FILE_ENV]: modelFile, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  astro = child;
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => {
      astro = undefined;
      if (code === 0) done();
      else fail(new Error('astro build failed'));
    });
  });
}

/** Stops Astro if it still runs (the build failed before it finished), so nothing writes into its folder as it is removed. */
function stopAstro(): Promise<void> {
  const child = astro;
  if (!child) return Promise.resolve();
  return new Promise((done) => {
    child.once('close', () => done());
    child.kill();
  });
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

/** Website: Pagefind index over every HTML page Astro wrote (src/site/search-index.ts), a bundle per plan;
 *  a plan whose pages did not change keeps its bundle from the output cache. */
async function indexSearch(outDir: string): Promise<void> {
  const cacheDir = process.env.PLAN_NO_CACHE === '1' ? undefined : outputCache;
  const { buildSearchIndex } = await import('../src/site/search-index.ts');
  const { pages, bundles, reused } = await buildSearchIndex(outDir, { cacheDir });
  console.log(`    ${pages} pages indexed in ${Object.keys(bundles).length} bundles, ${reused} of them from the cache`);
}

main().catch(async (e: unknown) => {
  await stopAstro();
  rmSync(staging, { recursive: true, force: true });
  rmSync(astroOut, { recursive: true, force: true });
  rmSync(outputsOut, { recursive: true, force: true });
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

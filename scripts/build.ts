// npm run build: validate content/, then build the site, the PDFs and the images into a fresh folder,
// and only when every step succeeded replace dist/ with it. A failed build leaves dist/ as it was.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { type Model } from '../src/model/index.ts';
import { loadPlans } from '../src/pipeline.ts';
import { sourceVersion } from '../src/outputs/cache.ts';
import { outputKinds, runKinds } from '../src/outputs/index.ts';
import { buildSearchIndex } from '../src/site/search-index.ts';

const root = join(import.meta.dirname, '..');
const dist = resolve(root, process.env.PLAN_DIST ?? 'dist');
const staging = `${dist}.staging`;
// Reused PDFs and PNGs; PLAN_OUTPUT_CACHE moves it (benchmarks and tests keep theirs apart).
const outputCache = resolve(root, process.env.PLAN_OUTPUT_CACHE ?? '.cache');
const previous = `${dist}.previous`;

/** PLAN_FAULT=<step name> makes that step fail: how the tests prove a late failure keeps dist/ intact. */
const fault = process.env.PLAN_FAULT;

function step(name: string, run: () => void | Promise<void>): Promise<void> {
  const t0 = performance.now();
  if (fault && name.startsWith(fault)) return Promise.reject(new Error(`fault injected in step "${name}" (PLAN_FAULT)`));
  return Promise.resolve(run()).then(() => console.log(`  ✓ ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`));
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
  // PLAN_CONTENT / PLAN_DIST let tests and previews build another content folder into another output folder.
  const contentDir = resolve(root, process.env.PLAN_CONTENT ?? 'content');
  const stampFile = join(outputCache, 'stamps', createHash('sha256').update(dist).digest('hex').slice(0, 16));
  const inputs = inputsHash(contentDir);
  if (process.env.PLAN_FORCE !== '1' && existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === inputs) {
    console.log(`✓ ไม่มีอะไรเปลี่ยนตั้งแต่การสร้างครั้งก่อน: ${dist} เป็นปัจจุบันแล้ว (PLAN_FORCE=1 เพื่อสร้างใหม่ทั้งหมด)`);
    return;
  }
  const { model, diagnostics } = loadPlans(contentDir, dirname(contentDir));
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  if (!model) {
    console.error('\n✗ เนื้อหามีข้อผิดพลาด: ไม่ได้สร้างผลลัพธ์ใหม่ และ dist/ เดิมยังอยู่เหมือนเดิม');
    process.exit(1);
  }
  rmSync(staging, { recursive: true, force: true });
  console.log(`Building into ${staging}`);

  await step('site (Astro)', () => astroBuild(staging));
  await renderOutputs(model, staging);

  // Swap: the old dist/ is removed only after the new one is in place.
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, previous);
  renameSync(staging, dist);
  rmSync(previous, { recursive: true, force: true });
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, inputs);
  console.log(`\n✓ Built ${dist}`);
}

function astroBuild(outDir: string): void {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const r = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAN_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('astro build failed');
}

/** The search index, then every kind of the output registry (src/outputs), beside the site's pages. */
async function renderOutputs(model: Model, outDir: string): Promise<void> {
  // Only HTML is indexed, so this can run before the PDFs and images.
  await step('search index (Pagefind)', () => indexSearch(outDir));
  await runKinds(outputKinds, model, outDir, { cacheDir: outputCache, step });
}

/** Website: Pagefind index over every HTML page Astro wrote (src/site/search-index.ts). */
async function indexSearch(outDir: string): Promise<void> {
  const { pages } = await buildSearchIndex(outDir);
  console.log(`    ${pages} pages indexed`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  console.error('\n✗ การสร้างล้มเหลว: dist/ เดิมยังอยู่เหมือนเดิม');
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
});

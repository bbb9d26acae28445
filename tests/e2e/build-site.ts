// Builds the site for the browser tests: `astro build` plus the Pagefind index, into .cache/e2e/<name>
// (gitignored). Only the website: the PDF and image renderers are tested on their own.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSearchIndex } from '../../src/site/search-index.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface BuildOptions { name: string; base?: string; sourceDateEpoch?: number; /** another content folder */ content?: string }

export async function buildSite(o: BuildOptions): Promise<{ dir: string; seconds: number }> {
  const dir = join(ROOT, '.cache', 'e2e', o.name);
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PLAN_OUT_DIR: dir,
    PLAN_CACHE_DIR: join(ROOT, '.cache', 'e2e', `${o.name}-vite`),
    ASTRO_TELEMETRY_DISABLED: '1',
    SITE_BASE: o.base,
    SOURCE_DATE_EPOCH: o.sourceDateEpoch === undefined ? undefined : String(o.sourceDateEpoch),
    PLAN_CONTENT: o.content,
  };
  if (o.content === undefined) delete env.PLAN_CONTENT;
  // Vitest puts its own Vite variables into process.env (BASE_URL=/, MODE, NODE_ENV=test…); a child Astro
  // build would pick them up and ignore SITE_BASE.
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[k];
  if (o.base === undefined) delete env.SITE_BASE;
  if (o.sourceDateEpoch === undefined) delete env.SOURCE_DATE_EPOCH;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
  await buildSearchIndex(dir);
  return { dir, seconds: (performance.now() - t0) / 1000 };
}

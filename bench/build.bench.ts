// The whole `npm run build` at scale: 10 plans × 100 projects (synthetic), cold, with nothing changed,
// and after editing one project. Targets: cold ≤ 60 s, one project edited ≤ 10 s, unchanged ≤ 5 s, peak memory ≤ 1.5 GB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContent } from '../src/synthetic/generate.ts';
import { printTable } from './lib.ts';

const root = join(import.meta.dirname, '..');
const plans = Number(process.env.BENCH_PLANS ?? 10);
const projects = Number(process.env.BENCH_PROJECTS ?? 100);
const tmp = mkdtempSync(join(tmpdir(), 'bench-build-'));
const hasTime = existsSync('/usr/bin/time');

function build(label: string, extra: Record<string, string> = {}): Record<string, string | number> {
  const env = { ...process.env, PLAN_CONTENT: join(tmp, 'content'), PLAN_DIST: join(tmp, 'dist'), PLAN_OUTPUT_CACHE: join(tmp, 'cache'), PLAN_CACHE_DIR: join(tmp, 'astro-cache'), ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  const cmd = hasTime ? ['/usr/bin/time', ['-f', 'MAXRSS %M', process.execPath, join(root, 'scripts', 'build.ts')]] as const : [process.execPath, [join(root, 'scripts', 'build.ts')]] as const;
  const load = loadavg()[0]!;
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd[1], { cwd: root, env, encoding: 'utf8', maxBuffer: 1e9 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr.slice(-3000)}`);
  const out = r.stdout + r.stderr;
  // Seconds of the build steps whose title starts with `name` (summed: the PDF steps are three).
  const step = (name: string) => [...out.matchAll(new RegExp(`✓ ${name}[^\\n]*\\(([\\d.]+) s\\)`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);
  const rss = Number(/MAXRSS (\d+)/.exec(out)?.[1] ?? NaN) / 1024;
  return { build: label, 'load': load, 'total s': s, 'content s': step('content'), 'data s': step('data'), 'site s': step('site'), 'search s': step('search index'), 'cards s': step('infographics \\('), 'thumbs s': step('infographics thumbnails'), 'PDF s': step('PDF'), 'swap s': step('swap'), 'peak RSS MiB': rss, PNG: /(\d+) PNG \(reused (\d+)/.exec(out)?.slice(1).join(' reused ') ?? '', PDF: /(\d+) PDF \(reused (\d+)/.exec(out)?.slice(1).join(' reused ') ?? '' };
}

try {
  generateContent(join(tmp, 'content'), { seed: 7, plans, projectsPerPlan: projects, reportMonths: 3 });
  console.log(`${plans} plans × ${projects} projects (synthetic), 3 monthly reports each`);
  const rows = [build('cold (empty caches)'), build('nothing changed'), build('nothing changed (again)'), build('nothing changed, PLAN_FORCE=1 (caches only)', { PLAN_FORCE: '1' })];
  const f = join(tmp, 'content', 'plans', '2561', 'projects', 'p0001.yaml');
  writeFileSync(f, readFileSync(f, 'utf8').replace(/^budget: \d+/m, 'budget: 123000'));
  rows.push(build('one project budget edited'));
  printTable(rows);
  console.log("load: 1-minute load average as the build started. The PDFs and images are made while Astro builds the pages: their seconds overlap the site's.");
  console.log('targets: cold ≤ 60 s, one project edited ≤ 10 s, nothing changed ≤ 5 s, peak memory ≤ 1536 MiB (peak RSS of the build process tree leader; workers are threads)');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

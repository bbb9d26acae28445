// Validation speed: the shipped content and a synthetic plan of 1,000 projects (target ≤ 1 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlans } from '../src/pipeline.ts';
import { generateContent } from '../src/synthetic/generate.ts';
import { mib, printTable, timeMedian } from './lib.ts';

const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'bench-validate-'));
try {
  generateContent(join(tmp, 'content'), { seed: 42, plans: 1, projectsPerPlan: 1000, reportMonths: 6 });
  const seedMs = await timeMedian(() => loadPlans(join(root, 'content'), root, { validateOnly: true }), 9, 2);
  // The first run in a fresh process is what `npm run check` pays.
  const t0 = performance.now();
  const first = loadPlans(join(tmp, 'content'), tmp, { validateOnly: true });
  const coldMs = performance.now() - t0;
  if (first.diagnostics.some((d) => d.severity === 'error')) throw new Error('synthetic content has errors');
  const warmMs = await timeMedian(() => loadPlans(join(tmp, 'content'), tmp, { validateOnly: true }), 5, 1);
  const modelMs = await timeMedian(() => loadPlans(join(tmp, 'content'), tmp), 5, 1);
  // 10,000 projects: bounded time and memory, never a hang.
  generateContent(join(tmp, 'content10k'), { seed: 43, plans: 1, projectsPerPlan: 10_000 });
  const rss0 = process.memoryUsage().rss;
  const t1 = performance.now();
  const tenK = loadPlans(join(tmp, 'content10k'), tmp, { validateOnly: true });
  const tenKMs = performance.now() - t1;
  const tenKRss = (process.memoryUsage().rss - rss0) / 2 ** 20;
  if (tenK.diagnostics.some((d) => d.severity === 'error')) throw new Error('10k content has errors');
  printTable([
    { case: 'seed plan (4 projects), validate', 'median ms': seedMs, target: '' },
    { case: '1,000 projects + 6 reports, validate (first run)', 'median ms': coldMs, target: '≤ 1000' },
    { case: '1,000 projects + 6 reports, validate', 'median ms': warmMs, target: '≤ 1000' },
    { case: '1,000 projects + 6 reports, validate + model', 'median ms': modelMs, target: '' },
    { case: `10,000 projects (one run; RSS grew ${tenKRss.toFixed(0)} MiB)`, 'median ms': tenKMs, target: 'bounded' },
  ]);
  console.log(`peak RSS ${mib(process.resourceUsage().maxRSS * 1024).toFixed(0)} MiB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

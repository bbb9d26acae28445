// The plan book: the seed book, and a synthetic book of about 500 pages (ms per page, bytes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderBook } from '../src/book/render.ts';
import { loadPlans } from '../src/pipeline.ts';
import { generateContent } from '../src/synthetic/generate.ts';
import { mib, printTable, timeMedian } from './lib.ts';

const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'bench-book-'));
try {
  const seed = loadPlans(join(root, 'content'), root).model!;
  let seedPages = 0;
  let seedBytes = 0;
  const t0 = performance.now();
  await renderBook(seed, seed.plans[0]!);
  const seedFirst = performance.now() - t0;
  const seedMs = await timeMedian(async () => {
    const r = await renderBook(seed, seed.plans[0]!);
    seedPages = r.layout.pages.length;
    seedBytes = r.bytes.length;
  }, 5, 1);

  generateContent(join(tmp, 'content'), { seed: 500, plans: 1, projectsPerPlan: 120, reportMonths: 3 });
  const big = loadPlans(join(tmp, 'content'), tmp).model!;
  let bigPages = 0;
  let bigBytes = 0;
  const bigMs = await timeMedian(async () => {
    const r = await renderBook(big, big.plans[0]!);
    bigPages = r.layout.pages.length;
    bigBytes = r.bytes.length;
  }, 3, 1);
  printTable([
    { book: 'seed FY2561 (first in process)', pages: seedPages, 'median ms': seedFirst, 'ms/page': seedFirst / seedPages, KiB: seedBytes / 1024 },
    { book: 'seed FY2561', pages: seedPages, 'median ms': seedMs, 'ms/page': seedMs / seedPages, KiB: seedBytes / 1024 },
    { book: 'synthetic, 120 projects + 3 reports', pages: bigPages, 'median ms': bigMs, 'ms/page': bigMs / bigPages, KiB: bigBytes / 1024 },
  ]);
  console.log(`peak RSS ${mib(process.resourceUsage().maxRSS * 1024).toFixed(0)} MiB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

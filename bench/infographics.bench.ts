// Infographics benchmark: 120 month cards (the seed plan's 12 months × 10, and SYNTHETIC reports for
// variety), rendered on one thread and across worker threads. Prints ms per image and images per second,
// median of runs. Run with npm run bench (or npm run bench -- infographics).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listJobs, renderJob, renderMany, type Job } from '../src/infographics/index.ts';
import { loadPlans } from '../src/pipeline.ts';
import { templates } from '../templates/infographics/index.ts';
import type { Stages } from '../src/infographics/jobs.ts';
import { stageLine, stageMedians } from './lib.ts';

const root = join(import.meta.dirname, '..');
const { model } = loadPlans(join(root, 'content'), root);
if (!model) throw new Error('content does not load');
const months = listJobs(model).filter((j) => j.kind === 'month');
const jobs: Job[] = Array.from({ length: 10 }, () => months).flat(); // 120 images
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeIt(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

// Warm-up on this thread: fonts, wasm, JIT. Its cost is the "first image in a process".
const first = await timeIt(() => renderJob(model, months[0]!, templates));

const rows: Array<[string, number]> = [];
const single: number[] = [];
const stages: Stages[] = [];
// Each render yields to the event loop, as a worker does between jobs: resvg's images are freed there.
const turn = () => new Promise((resolve) => setImmediate(resolve));
for (let r = 0; r < RUNS; r++) single.push(await timeIt(async () => { for (const j of jobs) { stages.push((await renderJob(model, j, templates)).stages); await turn(); } }));
rows.push(['1 thread (main)', median(single)]);
const cores = availableParallelism();
for (const w of [...new Set([2, cores])]) {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) times.push(await timeIt(() => renderMany(model, jobs, { workers: w, templates: new URL('../templates/infographics/index.ts', import.meta.url) })));
  rows.push([`${w} worker threads`, median(times)]);
}

console.log(`infographics: ${jobs.length} month cards 1080×1350 (seed plan ×10), median of ${RUNS} runs, ${cores} cores`);
console.log(`first image in a fresh process (fonts + wasm load): ${first.toFixed(0)} ms`);
console.log('| mode | total ms | ms / image | images / s |');
console.log('|---|---:|---:|---:|');
for (const [name, ms] of rows) {
  console.log(`| ${name} | ${ms.toFixed(0)} | ${(ms / jobs.length).toFixed(1)} | ${((jobs.length * 1000) / ms).toFixed(1)} |`);
}
console.log('(worker rows include starting the workers and their font loading)');
console.log(`one thread, median stage of the ${stages.length} renders: ${stageLine(stageMedians(stages))}`);

// Monthly infographics and link previews: the engine's entry point for npm run build / npm run infographics.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OutputCache } from '../build/cache.ts';
import type { Model } from '../model/types.ts';
import { listJobs, renderJob, type Job } from './jobs.ts';

export { jobElement, listJobs, renderJob, type Job, type JobResult } from './jobs.ts';
export type { Template, TemplateSet, Theme } from './types.ts';

export interface RenderedImage { job: Job; png: Uint8Array; fit: number; outside: number }

export interface PoolOptions {
  /** Worker threads; 0 renders on this thread. Default: one per CPU core. */
  workers?: number;
  onImage?: (img: RenderedImage) => void;
}

/** Renders jobs across worker threads, each worker taking the next job when it finishes one. */
export async function renderMany(model: Model, jobs: Job[], opts: PoolOptions = {}): Promise<RenderedImage[]> {
  const n = Math.max(0, Math.min(opts.workers ?? availableParallelism(), jobs.length));
  const results: RenderedImage[] = new Array(jobs.length);
  if (n === 0) {
    for (const [i, job] of jobs.entries()) {
      const r = await renderJob(model, job);
      results[i] = { job, png: r.png, fit: r.fit, outside: r.outside.length };
      opts.onImage?.(results[i]!);
    }
    return results;
  }
  const workers = Array.from({ length: n }, () =>
    new Worker(new URL('./worker.ts', import.meta.url), { workerData: { model } }));
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const feed = (w: Worker) => {
        if (next < jobs.length) { const id = next++; w.postMessage({ id, job: jobs[id] }); }
      };
      for (const w of workers) {
        w.on('message', (m: { id: number; png?: Uint8Array; fit?: number; outside?: number; error?: string }) => {
          if (m.error) { reject(new Error(`infographics: ${jobs[m.id]!.out}: ${m.error}`)); return; }
          const img: RenderedImage = { job: jobs[m.id]!, png: m.png!, fit: m.fit!, outside: m.outside! };
          results[m.id] = img;
          opts.onImage?.(img);
          if (++done === jobs.length) resolve();
          else feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** The sources whose change must invalidate cached images. */
export const INFOGRAPHIC_SOURCES = ['src/infographics', 'src/thai', 'src/paths.ts', 'templates/infographics'];

/**
 * The data an image is drawn from: its job, the organisation and its plan (the home preview reads every
 * plan). A conservative key: any change in the plan redraws that plan's images.
 */
function cacheKeys(model: Model, jobs: Job[]): string[] {
  const logoPath = model.organisation.branding.logoPath;
  const logoHash = logoPath ? createHash('sha256').update(readFileSync(logoPath)).digest('hex') : null;
  const base = createHash('sha256').update(JSON.stringify({ org: model.organisation, logoHash }));
  const planHash = new Map(model.plans.map((p) => [p.id, createHash('sha256').update(JSON.stringify(p)).digest('hex')]));
  const allPlans = createHash('sha256').update([...planHash.values()].join()).digest('hex');
  const orgHash = base.digest('hex');
  return jobs.map((job) => JSON.stringify({ job, orgHash, plan: job.planId ? planHash.get(job.planId) : allPlans }));
}

/** Writes every image of the model into outDir at the paths of src/paths.ts, reusing cached ones. */
export async function renderInfographics(
  model: Model,
  outDir: string,
  opts: Omit<PoolOptions, 'onImage'> & { cache?: OutputCache } = {},
): Promise<{ count: number; rendered: number; overflowing: string[] }> {
  const jobs = listJobs(model);
  const overflowing: string[] = [];
  const write = (job: Job, png: Uint8Array) => {
    const file = join(outDir, job.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
  };
  const keys = cacheKeys(model, jobs);
  const keyOf = new Map(jobs.map((job, i) => [job, keys[i]!]));
  const todo: number[] = [];
  jobs.forEach((job, i) => {
    const hit = opts.cache?.lookup(keys[i], 'png');
    if (hit) write(job, hit);
    else todo.push(i);
  });
  const { cache, ...pool } = opts;
  await renderMany(model, todo.map((i) => jobs[i]!), {
    ...pool,
    onImage: (img) => {
      write(img.job, img.png);
      cache?.store(keyOf.get(img.job), 'png', img.png);
      if (img.outside > 0) overflowing.push(img.job.out);
    },
  });
  if (overflowing.length) console.warn(`  ! infographics: content reaches outside the canvas in ${overflowing.join(', ')}`);
  return { count: jobs.length, rendered: todo.length, overflowing };
}

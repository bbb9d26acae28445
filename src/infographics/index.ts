// The image engine's entry point: jobs, one render, and a pool of worker threads for many. The templates
// come from the caller (src/outputs passes templates/infographics), by module URL so workers can load them.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Model } from '../model/types.ts';
import { importTemplates, renderJob, type Job } from './jobs.ts';

export { importTemplates, jobElement, listJobs, renderJob, type Job, type JobResult } from './jobs.ts';
export { thumbnailPng } from './thumbnail.ts';
export type { Template, TemplateSet, Theme } from './types.ts';

export interface RenderedImage { job: Job; png: Uint8Array; thumbnail?: Uint8Array; fit: number; outside: number }

export interface PoolOptions {
  /** URL of a module that exports `templates: TemplateSet`. */
  templates: string | URL;
  /** Worker threads; 0 renders on this thread. Default: one per CPU core. */
  workers?: number;
  onImage?: (img: RenderedImage) => void;
  /** Width of the thumbnail to make beside a job's card, if any: from the card's pixels, while they are at hand. */
  thumbnail?: (job: Job) => number | undefined;
}

/** Jobs it takes to make one more worker thread worth starting. */
const JOBS_PER_WORKER = 24;

/** Renders jobs across worker threads, each worker taking the next job when it finishes one. */
export async function renderMany(model: Model, jobs: Job[], opts: PoolOptions): Promise<RenderedImage[]> {
  // A worker costs about as much to start (imports, fonts, the model's copy) as rendering a dozen cards: a
  // rebuild that re-makes a plan's 14 cards uses one, and leaves the other core to Astro.
  const n = Math.max(0, Math.min(opts.workers ?? availableParallelism(), Math.ceil(jobs.length / JOBS_PER_WORKER)));
  const results: RenderedImage[] = new Array(jobs.length);
  if (n === 0) {
    const set = await importTemplates(opts.templates);
    for (const [i, job] of jobs.entries()) {
      const r = await renderJob(model, job, set, { thumbnail: opts.thumbnail?.(job) });
      results[i] = { job, png: r.png, thumbnail: r.thumbnail, fit: r.fit, outside: r.outside.length };
      opts.onImage?.(results[i]!);
      // A turn of the event loop: resvg's images are freed by finalizers that run there, and a loop of
      // renders that never yields keeps each card's 6 MB of pixels (measured: 2× the raster time, 3× the RSS).
      await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }
  const needs = modelFor(model, jobs);
  // A young generation of 48 MB: Satori's garbage is short-lived. Measured, 339 cards on 2 workers: peak RSS
  // 1,109 → 811 MiB at the same speed (19.6 vs 20.2 s); 16 or 32 MB are slower (21.9, 20.9 s).
  const workers = Array.from({ length: n }, () =>
    new Worker(new URL('./worker.ts', import.meta.url), { workerData: { model: needs, templates: String(opts.templates) }, resourceLimits: { maxYoungGenerationSizeMb: 48 } }));
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const feed = (w: Worker) => {
        if (next < jobs.length) { const id = next++; w.postMessage({ id, job: jobs[id], thumbnail: opts.thumbnail?.(jobs[id]!) }); }
      };
      for (const w of workers) {
        w.on('message', (m: { id: number; png?: Uint8Array; thumbnail?: Uint8Array; fit?: number; outside?: number; error?: string }) => {
          if (m.error) { reject(new Error(`infographics: ${jobs[m.id]!.out}: ${m.error}`)); return; }
          const img: RenderedImage = { job: jobs[m.id]!, png: m.png!, thumbnail: m.thumbnail, fit: m.fit!, outside: m.outside! };
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

/**
 * The part of the model these jobs read: a card reads its own plan (and the organisation), the home preview
 * every plan. Each worker gets a copy, and a 10-plan model takes ~0.2 s to copy into each, which was most of a
 * rebuild's image step when one project changed (14 cards of one plan).
 */
function modelFor(model: Model, jobs: Job[]): Model {
  if (jobs.some((j) => j.planId === undefined)) return model;
  const ids = new Set(jobs.map((j) => j.planId));
  return { ...model, plans: model.plans.filter((p) => ids.has(p.id)) };
}

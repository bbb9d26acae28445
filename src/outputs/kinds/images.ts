// The engine's images (month, overview and project cards, og:image previews) with the default templates,
// and the gallery's thumbnails of the cards.
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { modelLogo } from '../../assets/logo.ts';
import { listJobs, renderMany, thumbnailPng, type Job } from '../../infographics/index.ts';
import { paths, THUMBNAIL } from '../../paths.ts';
import type { Model } from '../../model/types.ts';
import { digest, type OutputJob, type OutputKind } from '../registry.ts';
import { planMeta } from './plan-meta.ts';

const templates = new URL('../../../templates/infographics/index.ts', import.meta.url);

export const cards: OutputKind<Job> = {
  name: 'cards',
  title: 'infographics (Satori + resvg)',
  ext: 'png',
  modules: [new URL(import.meta.url), new URL('../../infographics/index.ts', import.meta.url), templates],
  jobs(model) {
    const org = digest(model.organisation);
    const logo = modelLogo(model.organisation.branding)?.hash ?? null;
    // An image reads the organisation, the logo and its plan (the home preview reads every plan); a project's
    // card and preview read their project and the plan without its other projects (templates/infographics/
    // project.ts, og.ts), so editing one project makes its own two images again, not the plan's hundred.
    return listJobs(model, { previews: hasPreviews(model) }).map((job) => {
      const plan = job.planId ? model.plans.find((p) => p.id === job.planId)! : undefined;
      const project = plan && (job.kind === 'project' || job.kind === 'ogProject') ? plan.projects.find((p) => p.id === job.key)! : undefined;
      const reads = !plan ? { plan: digest(model.plans) } : project ? { plan: digest(planMeta(plan)), project: digest(project) } : { plan: digest(plan) };
      return { path: job.out, inputs: { job, org, logo, ...reads }, spec: job };
    });
  },
  async render(model, jobs, ctx) {
    const byOut = new Map(jobs.map((j) => [j.path, j]));
    const overflowing: string[] = [];
    // Each card's search starts at the level it needed last time (a rebuild's month cards: two layouts each).
    await renderMany(model, jobs.map((j) => withFit(j.spec, ctx.noted(j.path))), {
      templates,
      workers: ctx.workers,
      thumbnail: (job) => (inGallery(job) ? THUMBNAIL.width : undefined),
      onImage: (img) => {
        ctx.emit(byOut.get(img.job.out)!, img.png);
        ctx.note(img.job.out, img.fit);
        if (img.thumbnail) made.set(paths.thumbnail(img.job.out), { card: sha256(img.png), png: img.thumbnail });
        if (img.outside > 0) overflowing.push(img.job.out);
      },
    });
    if (overflowing.length) console.warn(`  ! infographics: content reaches outside the canvas in ${overflowing.join(', ')}`);
  },
};

const withFit = (job: Job, fit: unknown): Job => (typeof fit === 'number' && Number.isInteger(fit) && fit >= 0 ? { ...job, fit } : job);

/**
 * og:image previews are made only where the site has an absolute address (SITE_URL, else site.url in
 * organisation.yaml), the one case the pages name them (src/layouts/Base.astro): the Open Graph protocol
 * wants an absolute URL, and a chat app fetches the preview from its own servers, which reach an intranet
 * only at an address the agency publishes. Without one they were nearly half the images (1,001 of 2,141 for
 * 10 plans of 100 projects), and nobody could fetch them.
 */
export function hasPreviews(model: Model): boolean {
  return Boolean(process.env.SITE_URL || model.organisation.siteUrl);
}

/** The cards the gallery page shows. */
const inGallery = (job: Job) => job.kind === 'month' || job.kind === 'overview' || job.kind === 'project' || job.kind === 'quarter';

/**
 * Thumbnails the render workers made beside the cards of this run, from the cards' pixels, by thumbnail path,
 * with the hash of the card they were made from. Decoding the card's PNG again on the main thread took
 * 127 ms a thumbnail (a 100-project plan: 14 s, single-threaded, after the cards).
 */
const made = new Map<string, { card: string; png: Uint8Array }>();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Thumbnails for the gallery, downscaled from the card (a card rendered in this run: its thumbnail made by
 * the worker; a card from the cache: from its PNG, which `cards` wrote earlier in the run).
 */
export const thumbnails: OutputKind<{ card: string }> = {
  name: 'thumbnails',
  title: 'infographics thumbnails',
  ext: 'png',
  modules: cards.modules,
  jobs(model) {
    return cards.jobs(model).filter((j) => inGallery(j.spec)).map((j): OutputJob<{ card: string }> => ({
      path: paths.thumbnail(j.path),
      inputs: j.inputs,
      spec: { card: j.path },
    }));
  },
  async render(_model, jobs, ctx) {
    for (const job of jobs) {
      const card = await ctx.read(job.spec.card);
      const ready = made.get(job.path);
      // Only if made from these very card bytes (another model's run may have left one for the same path).
      ctx.emit(job, ready && ready.card === sha256(card) ? ready.png : downscale(card, THUMBNAIL.width));
    }
    made.clear();
  },
};

/** A card's PNG scaled down by a whole factor (src/infographics/thumbnail.ts). */
export function downscale(png: Uint8Array, width: number): Uint8Array {
  const src = PNG.sync.read(Buffer.from(png));
  return thumbnailPng(src.data, src.width, src.height, width);
}

// The engine's images (month, overview and project cards, og:image previews) with the default templates,
// and the gallery's thumbnails of the cards.
import { PNG } from 'pngjs';
import { modelLogo } from '../../assets/logo.ts';
import { listJobs, renderMany, type Job } from '../../infographics/index.ts';
import { paths, THUMBNAIL } from '../../paths.ts';
import type { Model } from '../../model/types.ts';
import { digest, type OutputJob, type OutputKind } from '../registry.ts';

const templates = new URL('../../../templates/infographics/index.ts', import.meta.url);

export const cards: OutputKind<Job> = {
  name: 'cards',
  title: 'infographics (Satori + resvg)',
  ext: 'png',
  modules: [new URL(import.meta.url), new URL('../../infographics/index.ts', import.meta.url), templates],
  jobs(model) {
    const org = digest(model.organisation);
    const logo = modelLogo(model.organisation.branding)?.hash ?? null;
    // An image reads the organisation, the logo and its plan (the home preview reads every plan).
    return listJobs(model, { previews: hasPreviews(model) }).map((job) => ({
      path: job.out,
      inputs: { job, org, logo, plan: digest(job.planId ? model.plans.find((p) => p.id === job.planId)! : model.plans) },
      spec: job,
    }));
  },
  async render(model, jobs, ctx) {
    const byOut = new Map(jobs.map((j) => [j.path, j]));
    const overflowing: string[] = [];
    await renderMany(model, jobs.map((j) => j.spec), {
      templates,
      workers: ctx.workers,
      onImage: (img) => {
        ctx.emit(byOut.get(img.job.out)!, img.png);
        if (img.outside > 0) overflowing.push(img.job.out);
      },
    });
    if (overflowing.length) console.warn(`  ! infographics: content reaches outside the canvas in ${overflowing.join(', ')}`);
  },
};

/**
 * og:image previews are made only where the site has an absolute address (SITE_URL, else site.url in
 * organisation.yaml), the one case the pages name them (src/layouts/Base.astro): the Open Graph protocol
 * wants an absolute URL, and a chat app fetches the preview from its own servers, which reach an intranet
 * only at an address the agency publishes. Without one they were a third of the images nobody could fetch.
 */
export function hasPreviews(model: Model): boolean {
  return Boolean(process.env.SITE_URL || model.organisation.siteUrl);
}

/** The cards the gallery page shows. */
const inGallery = (job: Job) => job.kind === 'month' || job.kind === 'overview' || job.kind === 'project' || job.kind === 'quarter';

/**
 * Thumbnails for the gallery, downscaled from the card PNG that `cards` wrote in the same run (measured:
 * 63 ms a card; rasterising the SVG at 360 px takes 22 ms but needs the card's layout again, 130 ms).
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
    for (const job of jobs) ctx.emit(job, downscale(await ctx.read(job.spec.card), THUMBNAIL.width));
  },
};

/** A PNG scaled down by a whole factor, each pixel the mean of the block it covers. */
export function downscale(png: Uint8Array, width: number): Uint8Array {
  const src = PNG.sync.read(Buffer.from(png));
  const f = src.width / width;
  if (!Number.isInteger(f) || src.height % f !== 0) throw new Error(`thumbnail: ${src.width}×${src.height} does not divide by ${f}`);
  const w = width;
  const h = src.height / f;
  const dst = new PNG({ width: w, height: h });
  const n = f * f;
  let opaque = true;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (let dy = 0; dy < f; dy++) {
          const row = ((y * f + dy) * src.width + x * f) * 4 + c;
          for (let dx = 0; dx < f; dx++) sum += src.data[row + dx * 4]!;
        }
        const v = Math.round(sum / n);
        dst.data[(y * w + x) * 4 + c] = v;
        if (c === 3 && v !== 255) opaque = false;
      }
    }
  }
  // Cards are opaque: without the alpha channel the file is 8 % smaller.
  return PNG.sync.write(dst, opaque ? { colorType: 2 } : {});
}

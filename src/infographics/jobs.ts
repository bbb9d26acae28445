// The list of images for a model, and rendering one of them with the templates the caller passes (the
// output registry passes the default set of templates/infographics). Jobs carry ids only, so they can
// cross to workers.
import { modelLogo } from '../assets/logo.ts';
import type { Model, Plan } from '../model/types.ts';
import { paths } from '../paths.ts';
import { setAgencyWords } from '../thai/breaks.ts';
import { formatter } from '../views/format.ts';
import { reportView } from '../views/report.ts';
import { monthData, overviewData, projectData } from './data.ts';
import type { El } from './h.ts';
import { thumbnailPng } from './thumbnail.ts';
import { draw, encodePng, layOut, renderElement, type CardLayout, type LaidOutNode } from './render.ts';
import type { Common, Template, TemplateSet } from './types.ts';

export type JobKind = 'month' | 'overview' | 'project' | 'quarter' | 'ogHome' | 'ogPlan' | 'ogProject';
export interface Job {
  kind: JobKind;
  planId?: string;
  /** Month key (month cards), project id (project cards) or report id (quarterly cards). */
  key?: string;
  /** Output path relative to the site root (src/paths.ts). */
  out: string;
  /** The detail level this card needed when it was last made: where its fit search starts (never changes the
   *  level found, only how many layouts it takes). */
  fit?: number;
}

/** Every image of the model; `previews: false` leaves out the og:image link previews (og*). */
export function listJobs(model: Model, opts: { previews?: boolean } = {}): Job[] {
  const previews = opts.previews ?? true;
  const jobs: Job[] = previews ? [{ kind: 'ogHome', out: paths.ogHome() }] : [];
  for (const plan of model.plans) {
    for (const m of plan.months) jobs.push({ kind: 'month', planId: plan.id, key: m.key, out: paths.monthCard(plan, m.key) });
    jobs.push({ kind: 'overview', planId: plan.id, out: paths.overviewCard(plan) });
    for (const r of plan.reports) if (r.kind === 'quarter') jobs.push({ kind: 'quarter', planId: plan.id, key: r.id, out: paths.reportCard(plan, r.id) });
    if (previews) jobs.push({ kind: 'ogPlan', planId: plan.id, out: paths.ogPlan(plan) });
    for (const p of plan.projects) {
      jobs.push({ kind: 'project', planId: plan.id, key: p.id, out: paths.projectCard(plan, p) });
      if (previews) jobs.push({ kind: 'ogProject', planId: plan.id, key: p.id, out: paths.ogProject(plan, p) });
    }
  }
  return jobs;
}

/** The template set a module exports (the same module a worker imports). */
export async function importTemplates(url: string | URL): Promise<TemplateSet> {
  const mod = (await import(String(url))) as { templates?: TemplateSet };
  if (!mod.templates) throw new Error(`infographics: ${String(url)} exports no templates`);
  return mod.templates;
}

/** Per template set (its theme), per model. */
const commons = new WeakMap<TemplateSet, WeakMap<Model, Common>>();

function common(model: Model, set: TemplateSet): Common {
  let bySet = commons.get(set);
  if (!bySet) commons.set(set, (bySet = new WeakMap()));
  const hit = bySet.get(model);
  if (hit) return hit;
  const org = model.organisation;
  const c: Common = {
    model,
    organisation: org,
    theme: set.theme(org),
    logo: modelLogo(org.branding)?.dataUrl,
    fmt: formatter(org),
  };
  bySet.set(model, c);
  return c;
}

/** The template and data of a job. */
function resolve(model: Model, job: Job, set: TemplateSet): { template: Template<unknown>; data: unknown } {
  const plan = (): Plan => {
    const p = model.plans.find((x) => x.id === job.planId);
    if (!p) throw new Error(`infographics: no plan ${job.planId}`);
    return p;
  };
  const project = (pl: Plan) => {
    const p = pl.projects.find((x) => x.id === job.key);
    if (!p) throw new Error(`infographics: no project ${job.key} in plan ${pl.id}`);
    return p;
  };
  const as = <D>(t: Template<D>, data: D) => ({ template: t as Template<unknown>, data });
  switch (job.kind) {
    case 'month': {
      const pl = plan();
      const m = pl.months.find((x) => x.key === job.key);
      if (!m) throw new Error(`infographics: no month ${job.key} in plan ${pl.id}`);
      return as(set.month, monthData(pl, m));
    }
    case 'overview': return as(set.overview, overviewData(plan()));
    case 'quarter': {
      const pl = plan();
      const r = pl.reports.find((x) => x.id === job.key);
      if (!r) throw new Error(`infographics: no report ${job.key} in plan ${pl.id}`);
      return as(set.quarter, reportView(pl, r));
    }
    case 'ogPlan': return as(set.ogPlan, overviewData(plan()));
    case 'project': { const pl = plan(); return as(set.project, projectData(pl, project(pl))); }
    case 'ogProject': { const pl = plan(); return as(set.ogProject, projectData(pl, project(pl))); }
    case 'ogHome': return as(set.ogHome, { plans: model.plans });
  }
}

export interface JobResult {
  job: Job;
  png: Buffer;
  /** The gallery thumbnail, when asked for (undefined if the card is not a palette PNG: made from its file then). */
  thumbnail?: Buffer;
  width: number;
  height: number;
  /** Detail level used (0 = everything fitted). */
  fit: number;
  /** Boxes outside the canvas at the chosen level (empty unless even the least detail overflows). */
  outside: LaidOutNode[];
  texts: LaidOutNode[];
  stages: Stages;
}

/** Where a card's time went (npm run bench prints these). */
export interface Stages {
  /** Layouts for the fit search (each: Satori, the SVG split, the text shaped, the overflow check). */
  layouts: number;
  layoutMs: number;
  /** Whether the text was drawn from glyph masks (1) or as outlines by resvg (0: see render.ts draw). */
  masks: number;
  /** resvg: parse and rasterise (the boxes; everything when the text is outlines). */
  rasterMs: number;
  /** The glyphs composited (or, without masks, Satori writing the outlines). */
  textMs: number;
  encodeMs: number;
  pngBytes: number;
  /** Scaling down and encoding the thumbnail, when one was asked for. */
  thumbnailMs: number;
}

/** A job's element tree at a detail level, without laying it out (for comparisons with a browser). */
export function jobElement(model: Model, job: Job, set: TemplateSet, fit = 0): { el: El; width: number; height: number } {
  setAgencyWords(model.organisation.keepTogether);
  const { template, data } = resolve(model, job, set);
  return { el: template.render(data, common(model, set), fit), width: template.width, height: template.height };
}

/**
 * The level the previous card of each template needed: cards of one template are alike, so a card the build has
 * not made before starts its search there. Levels only remove content, so "fits" is monotone in the level and
 * every search below finds the same least level as trying 0, 1, 2 … in turn: the output depends neither on the
 * order of jobs nor on where a search starts.
 */
const lastFit = new Map<Template<unknown>, number>();

/** Lays the card out at the most detailed level at which nothing lands outside the canvas, then draws it once.
 *  The search starts at the level the card needed when last made (job.fit), else the previous card's of its
 *  template, else halves the levels (a fresh worker's first month card: 4 layouts instead of walking up 8).
 *  `level` draws that detail level as it is, without the fit search (a benchmark's like-for-like with a browser
 *  drawing the same element tree). */
export async function renderJob(model: Model, job: Job, set: TemplateSet, opts: { thumbnail?: number; level?: number } = {}): Promise<JobResult> {
  // The agency's words join the dictionary the U+200B hints come from.
  setAgencyWords(model.organisation.keepTogether);
  const c = common(model, set);
  const { template, data } = resolve(model, job, set);
  const { width, height } = template;
  const max = template.fitLevels - 1;
  let layouts = 0;
  const t0 = performance.now();
  const laidOut = new Map<number, Promise<CardLayout>>();
  const layout = (level: number) => {
    let l = laidOut.get(level);
    if (!l) {
      layouts++;
      laidOut.set(level, (l = layOut(template.render(data, c, level), width, height, { digits: c.fmt.styles.body })));
    }
    return l;
  };
  const fits = async (level: number) => (await layout(level)).outside.length === 0;
  const start = opts.level ?? job.fit ?? lastFit.get(template);
  let fit = Math.min(Math.max(start ?? 0, 0), max);
  if (opts.level !== undefined) {
    // As asked, fitting or not.
  } else if (start === undefined) {
    // Nothing to start from: halve [lo, hi], which holds the least level that fits (or the least detail,
    // reported as overflowing, when none does).
    let lo = 0;
    let hi = max;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (await fits(mid)) hi = mid;
      else lo = mid + 1;
    }
    fit = lo;
  } else if (await fits(fit)) {
    // Fits: try more detail while it still fits.
    while (fit > 0 && (await fits(fit - 1))) fit--;
  } else {
    // Does not fit: less detail until it does (or the least detail, reported as overflowing).
    while (fit < max && !(await fits(fit))) fit++;
  }
  const laid = await layout(fit);
  if (opts.level === undefined) lastFit.set(template, fit);
  const t1 = performance.now();
  const drawing = await draw(laid);
  const t2 = performance.now();
  const pixels = drawing.pixels;
  const { png, palette } = encodePng(pixels, width, height, { rewrite: opts.thumbnail !== undefined });
  const t3 = performance.now();
  // From the pixels the palette PNG decodes to: the same thumbnail as one made later from the card's file.
  const thumbnail = palette && opts.thumbnail !== undefined ? thumbnailPng(pixels, width, height, opts.thumbnail) : undefined;
  const t4 = performance.now();
  const stages: Stages = { layouts, layoutMs: t1 - t0, masks: drawing.masks ? 1 : 0, rasterMs: drawing.rasterMs, textMs: drawing.textMs, encodeMs: t3 - t2, pngBytes: png.length, thumbnailMs: t4 - t3 };
  return { job, png, thumbnail, width, height, fit, outside: laid.outside, texts: laid.texts, stages };
}

export { renderElement };

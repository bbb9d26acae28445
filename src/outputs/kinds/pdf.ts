// The plan book of each plan and the detail sheet of each project (src/book on src/pdf).
import { modelLogo } from '../../assets/logo.ts';
import { renderBook, renderProjectPdf } from '../../book/render.ts';
import type { Model, Plan, Project } from '../../model/types.ts';
import { paths } from '../../paths.ts';
import { sourceDate } from '../clock.ts';
import { digest, type OutputKind } from '../registry.ts';
import { planMeta } from './plan-meta.ts';

const modules = [new URL(import.meta.url), new URL('../../book/render.ts', import.meta.url)];

export const planBooks: OutputKind<{ plan: Plan; date?: Date }> = {
  name: 'book',
  title: 'PDF plan books',
  ext: 'pdf',
  modules,
  jobs(model) {
    const logo = modelLogo(model.organisation.branding);
    const date = sourceDate();
    // The book reads the organisation, the whole plan, the logo and the date.
    return model.plans.map((plan) => ({
      path: paths.planPdf(plan),
      inputs: { org: digest(model.organisation), plan: digest(plan), logo: logo?.hash ?? null, date },
      spec: { plan, date },
    }));
  },
  async render(_model, jobs, ctx) {
    const tasks = jobs.map((j): BookTask => ({ plan: j.spec.plan.id, date: j.spec.date }));
    await ctx.pool.run(import.meta.url, 'bookPdf', tasks, (i, bytes) => ctx.emit(jobs[i]!, bytes));
  },
};

/** A plan book or a project sheet, by ids: what crosses to a render worker (src/outputs/pool.ts). */
type BookTask = { plan: string; date?: Date };
type SheetTask = { plan: string; project: string; date?: Date };

export async function bookPdf(model: Model, task: BookTask): Promise<Uint8Array> {
  const logo = modelLogo(model.organisation.branding)?.bytes;
  return (await renderBook(model, planById(model, task.plan), { logo, date: task.date })).bytes;
}

export function sheetPdf(model: Model, task: SheetTask): Promise<Uint8Array> {
  return renderProjectPdf(model, planById(model, task.plan), task.project, { date: task.date });
}

export function planById(model: Model, id: string): Plan {
  const plan = model.plans.find((p) => p.id === id);
  if (!plan) throw new Error(`no plan ${id}`);
  return plan;
}

export const projectSheets: OutputKind<{ plan: Plan; project: Project; date?: Date }> = {
  name: 'sheet',
  title: 'PDF project sheets',
  ext: 'pdf',
  modules,
  jobs(model) {
    const date = sourceDate();
    // A sheet reads the organisation, the plan but its other projects, its project and the date.
    return model.plans.flatMap((plan) => plan.projects.map((project) => ({
      path: paths.projectPdf(plan, project),
      inputs: { org: digest(model.organisation), plan: digest(planMeta(plan)), project: digest(project), date },
      spec: { plan, project, date },
    })));
  },
  async render(_model, jobs, ctx) {
    const tasks = jobs.map((j): SheetTask => ({ plan: j.spec.plan.id, project: j.spec.project.id, date: j.spec.date }));
    await ctx.pool.run(import.meta.url, 'sheetPdf', tasks, (i, bytes) => ctx.emit(jobs[i]!, bytes));
  },
};

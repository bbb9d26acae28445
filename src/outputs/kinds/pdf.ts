// The plan book of each plan and the detail sheet of each project (src/book on src/pdf).
import { modelLogo } from '../../assets/logo.ts';
import { renderBook, renderProjectPdf } from '../../book/render.ts';
import type { Plan, Project } from '../../model/types.ts';
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
  async render(model, jobs, ctx) {
    const logo = modelLogo(model.organisation.branding)?.bytes;
    for (const job of jobs) ctx.emit(job, (await renderBook(model, job.spec.plan, { logo, date: job.spec.date })).bytes);
  },
};

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
  async render(model, jobs, ctx) {
    for (const job of jobs) ctx.emit(job, await renderProjectPdf(model, job.spec.plan, job.spec.project.id, { date: job.spec.date }));
  },
};

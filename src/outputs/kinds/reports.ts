// The PDF of each progress report, monthly and quarterly (src/book/report.ts on src/pdf).
import { modelLogo } from '../../assets/logo.ts';
import { renderReport } from '../../book/report.ts';
import type { Model, Plan } from '../../model/types.ts';
import { paths } from '../../paths.ts';
import { sourceDate } from '../clock.ts';
import { digest, type OutputKind } from '../registry.ts';
import { planById } from './pdf.ts';

export const reportPdfs: OutputKind<{ plan: Plan; reportId: string; date?: Date }> = {
  name: 'report',
  title: 'PDF progress reports',
  ext: 'pdf',
  modules: [new URL(import.meta.url), new URL('../../book/report.ts', import.meta.url)],
  jobs(model) {
    const logo = modelLogo(model.organisation.branding)?.hash ?? null;
    const date = sourceDate();
    // A report reads the organisation, the logo, the date and the whole plan: its figures are the plan's
    // against every project's newest report, and its curve spans the reports before it.
    return model.plans.flatMap((plan) => plan.reports.map((r) => ({
      path: paths.reportPdf(plan, r.id),
      inputs: { org: digest(model.organisation), plan: digest(plan), report: r.id, logo, date },
      spec: { plan, reportId: r.id, date },
    })));
  },
  async render(_model, jobs, ctx) {
    const tasks = jobs.map((j): ReportTask => ({ plan: j.spec.plan.id, report: j.spec.reportId, date: j.spec.date }));
    await ctx.pool.run(import.meta.url, 'reportPdf', tasks, (i, bytes) => ctx.emit(jobs[i]!, bytes));
  },
};

/** A report by ids: what crosses to a render worker (src/outputs/pool.ts). */
type ReportTask = { plan: string; report: string; date?: Date };

export async function reportPdf(model: Model, task: ReportTask): Promise<Uint8Array> {
  const logo = modelLogo(model.organisation.branding)?.bytes;
  return (await renderReport(model, planById(model, task.plan), task.report, { logo, date: task.date })).bytes;
}

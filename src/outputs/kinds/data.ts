// The data exports (src/exports): the workbook, the CSV tables, the plan as JSON with its schema, and
// the calendars. Each file reads the organisation and its whole plan (a project's calendar names the plan
// and the owner units; keying it by the whole plan re-renders a few small files more often, never too few).
import { renderCsv } from '../../exports/csv.ts';
import { renderPlanCalendar, renderProjectCalendar } from '../../exports/ics.ts';
import { hasScheduled } from '../../views/schedule.ts';
import { renderPlanJson, renderPlanSchema } from '../../exports/json.ts';
import { dataTables, tableIds, type TableId } from '../../exports/tables.ts';
import { renderWorkbook } from '../../exports/workbook.ts';
import type { Plan, Project } from '../../model/types.ts';
import { paths } from '../../paths.ts';
import { sourceDate } from '../clock.ts';
import { digest, type OutputKind } from '../registry.ts';

const here = new URL(import.meta.url);
const inputsOf = (org: object, plan: Plan, date: Date | undefined) => ({ org: digest(org), plan: digest(plan), date });

export const workbooks: OutputKind<{ plan: Plan; date?: Date }> = {
  name: 'xlsx',
  title: 'data: workbooks (exceljs)',
  ext: 'xlsx',
  modules: [here, new URL('../../exports/workbook.ts', import.meta.url)],
  jobs(model) {
    const date = sourceDate();
    return model.plans.map((plan) => ({ path: paths.dataWorkbook(plan), inputs: inputsOf(model.organisation, plan, date), spec: { plan, date } }));
  },
  async render(model, jobs, ctx) {
    for (const job of jobs) ctx.emit(job, await renderWorkbook(model, job.spec.plan, { date: job.spec.date }));
  },
};

export const csvTables: OutputKind<{ plan: Plan; table: TableId }> = {
  name: 'csv',
  title: 'data: CSV tables',
  ext: 'csv',
  modules: [here, new URL('../../exports/csv.ts', import.meta.url), new URL('../../exports/tables.ts', import.meta.url)],
  jobs(model) {
    return model.plans.flatMap((plan) => tableIds(plan).map((id) => ({
      path: paths.dataCsv(plan, id), inputs: { ...inputsOf(model.organisation, plan, undefined), table: id }, spec: { plan, table: id },
    })));
  },
  async render(model, jobs, ctx) {
    const byPlan = new Map<Plan, ReturnType<typeof dataTables>>();
    for (const job of jobs) {
      const { plan } = job.spec;
      if (!byPlan.has(plan)) byPlan.set(plan, dataTables(plan, model.organisation));
      ctx.emit(job, renderCsv(byPlan.get(plan)!.find((t) => t.id === job.spec.table)!));
    }
  },
};

export const jsonData: OutputKind<{ plan: Plan; file: 'data' | 'schema' }> = {
  name: 'json',
  title: 'data: JSON and its schema',
  ext: 'json',
  modules: [here, new URL('../../exports/json.ts', import.meta.url)],
  jobs(model) {
    return model.plans.flatMap((plan) => [
      { path: paths.dataJson(plan), inputs: inputsOf(model.organisation, plan, undefined), spec: { plan, file: 'data' as const } },
      { path: paths.dataSchema(plan), inputs: 'schema', spec: { plan, file: 'schema' as const } },
    ]);
  },
  async render(model, jobs, ctx) {
    for (const job of jobs) ctx.emit(job, job.spec.file === 'data' ? renderPlanJson(model, job.spec.plan) : renderPlanSchema());
  },
};

export const calendars: OutputKind<{ plan: Plan; project?: Project; date?: Date }> = {
  name: 'ics',
  title: 'data: calendars (ical-generator)',
  ext: 'ics',
  modules: [here, new URL('../../exports/ics.ts', import.meta.url)],
  jobs(model) {
    const date = sourceDate();
    return model.plans.flatMap((plan) => [
      ...(hasScheduled(plan.projects) ? [{ path: paths.planCalendar(plan), inputs: inputsOf(model.organisation, plan, date), spec: { plan, date } }] : []),
      ...plan.projects.filter((project) => hasScheduled([project])).map((project) => ({ path: paths.projectCalendar(plan, project), inputs: { ...inputsOf(model.organisation, plan, date), project: project.id }, spec: { plan, project, date } })),
    ]);
  },
  async render(model, jobs, ctx) {
    for (const job of jobs) {
      const { plan, project, date } = job.spec;
      ctx.emit(job, project ? renderProjectCalendar(model, plan, project, { date }) : renderPlanCalendar(model, plan, { date }));
    }
  },
};

/** Every data export, in the order the download section lists them. */
export const dataKinds: OutputKind[] = [workbooks, csvTables, jsonData, calendars];

// What a fiscal month of the plan shows (the monthly card): the projects scheduled that month with what is
// due, the newest reported status of every project reported by then, the reports published that month, and
// figures labelled for what they are (planned whole-year budgets, disbursement as of its report).
import type { FiscalMonth, PdcaStep, Plan, Project, Report } from '../model/types.ts';
import { progressNote, projectStatus, spentAsOf, type ProjectStatus, type SpentView } from './progress.ts';

export interface MonthProject extends ProjectStatus {
  /** Activity names scheduled in this month (Gantt activities). */
  activities: string[];
  /** PDCA steps whose month is this month. */
  pdca: PdcaStep[];
}

export interface MonthView {
  plan: Plan;
  month: FiscalMonth;
  /** Projects with something scheduled this month; reported ones first (this month's, then older), then plan order. */
  projects: MonthProject[];
  /** Projects reported by this month but not scheduled in it: their newest status is shown too. */
  reportedElsewhere: ProjectStatus[];
  /** Projects whose period covers the month, whose source gives no months, and that no report has covered yet. */
  unscheduled: Project[];
  /** Reports whose figures are as of this month (their key figures are shown). */
  reports: Report[];
  /** Whole-year planned budget of the projects scheduled this month. */
  scheduledBudget: number;
  /** Disbursement to date from the newest reports, when any report stated one. */
  spent?: SpentView;
  /** Number of projects scheduled in each fiscal month (index 0 = October), for the year strip. */
  activeCounts: number[];
  /** Planned or reported, and as of which report. */
  note: string;
}

const BASIS_ORDER = { 'this-month': 0, earlier: 1, planned: 2 } as const;

export function activeCounts(plan: Plan): number[] {
  return plan.months.map((m) => plan.activeByMonth[m.key]?.length ?? 0);
}

export function monthView(plan: Plan, month: FiscalMonth): MonthView {
  const active = new Set(plan.activeByMonth[month.key] ?? []);
  const projects: MonthProject[] = plan.projects
    .filter((p) => active.has(p.id))
    .map((project) => ({
      ...projectStatus(plan, project, month),
      activities: project.activities.filter((a) => a.monthIndexes.includes(month.index)).map((a) => a.name),
      pdca: project.pdca.filter((s) => s.month?.key === month.key),
    }))
    // Stable sort: plan order within each group.
    .sort((a, b) => BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis]);
  const others = plan.projects.filter((p) => !active.has(p.id)).map((p) => projectStatus(plan, p, month));
  const reportedElsewhere = others.filter((s) => s.progress).sort((a, b) => BASIS_ORDER[a.basis] - BASIS_ORDER[b.basis]);
  const unscheduled = others
    .filter((s) => !s.progress && s.project.schedule === 'none')
    .map((s) => s.project)
    .filter((p) => (p.period.start?.index ?? 0) <= month.index && month.index <= (p.period.end?.index ?? 11));
  return {
    plan,
    month,
    projects,
    reportedElsewhere,
    unscheduled,
    reports: plan.reports.filter((r) => r.asOf.key === month.key),
    scheduledBudget: projects.reduce((a, p) => a + p.project.budget, 0),
    spent: spentAsOf(plan, month),
    activeCounts: activeCounts(plan),
    note: progressNote(plan, month),
  };
}

// What a fiscal month of the plan shows (the monthly card): the projects scheduled that month with what is
// due, the newest reported status of every project reported by then, the reports published that month, and
// figures labelled for what they are (planned whole-year budgets, disbursement as of its report).
import type { FiscalMonth, PdcaStep, Plan, Project, Report } from '../model/types.ts';
import { cancelledSince } from '../model/progress.ts';
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
  /** Projects with something scheduled this month and not reported cancelled by then; reported ones first (this
   *  month's, then older), then plan order. */
  projects: MonthProject[];
  /** Projects reported by this month but not scheduled in it, or reported cancelled: their newest status is shown too. */
  reportedElsewhere: ProjectStatus[];
  /** Projects whose period covers the month, whose source gives no months, and that no report has covered yet. */
  unscheduled: Project[];
  /** Reports whose figures are as of this month (their key figures are shown). */
  reports: Report[];
  /** Whole-year planned budget of the projects scheduled this month. */
  scheduledBudget: number;
  /** Disbursement to date from the newest reports, when any report stated one. */
  spent?: SpentView;
  /** Number of projects scheduled in each fiscal month (index 0 = October) as known this month, for the year strip. */
  activeCounts: number[];
  /** Planned or reported, and as of which report. */
  note: string;
}

const BASIS_ORDER = { 'this-month': 0, earlier: 1, planned: 2 } as const;

/** Number of projects scheduled in each fiscal month, as known at `asOf` (default: the newest report): a project
 *  reported cancelled is not counted from the month of that report on. */
export function activeCounts(plan: Plan, asOf?: FiscalMonth): number[] {
  const cancelledFrom = new Map<string, number>();
  for (const p of plan.projects) {
    const since = cancelledSince(p, asOf);
    if (since !== undefined) cancelledFrom.set(p.id, since);
  }
  return plan.months.map((m) => (plan.activeByMonth[m.key] ?? []).filter((id) => (cancelledFrom.get(id) ?? Infinity) > m.index).length);
}

export function monthView(plan: Plan, month: FiscalMonth): MonthView {
  // A project reported cancelled by this month is not operating, whatever its schedule says: it is shown with
  // the other reported projects (its status ยกเลิก), not counted or budgeted as this month's.
  const cancelled = (p: Project) => cancelledSince(p, month) !== undefined;
  const active = new Set(plan.projects.filter((p) => plan.activeByMonth[month.key]?.includes(p.id) && !cancelled(p)).map((p) => p.id));
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
    activeCounts: activeCounts(plan, month),
    note: progressNote(plan, month),
  };
}

// Progress as of a month: which report a figure comes from, computed once for every renderer.
// A figure is "as of" the newest report whose month is not after the month asked for; never later data.
import type { FiscalMonth, Plan, PlannedBasis, PlannedCurve, Project, ProjectProgress, Report } from './types.ts';

/** The newest progress entry of a project as of a month (the newest overall without a month). */
export function progressAsOf(project: Project, month?: FiscalMonth): ProjectProgress | undefined {
  if (!month) return project.progress.at(-1);
  let found: ProjectProgress | undefined;
  for (const p of project.progress) if (p.asOf.index <= month.index) found = p;
  return found;
}

/** The month index from which a project is cancelled as of a month (the newest data without one): the first of
 *  the run of cancelled reports its progress ends with by then; undefined when it is not cancelled then. */
export function cancelledSince(project: Project, month?: FiscalMonth): number | undefined {
  let since: number | undefined;
  for (const p of project.progress) {
    if (month && p.asOf.index > month.index) break;
    since = p.status === 'cancelled' ? (since ?? p.asOf.index) : undefined;
  }
  return since;
}

/** The newest report of the plan as of a month (the newest overall without a month). */
export function reportAsOf(plan: Plan, month?: FiscalMonth): Report | undefined {
  if (!month) return plan.reports.at(-1);
  let found: Report | undefined;
  for (const r of plan.reports) if (r.asOf.index <= month.index) found = r;
  return found;
}

export interface PlanProgress {
  /** The month asked for (undefined: the newest data). */
  month?: FiscalMonth;
  /** The newest report as of the month, when there is one. */
  latestReport?: Report;
  /** Each project's newest entry as of the month, by project id (absent: never reported by then). */
  byProject: Map<string, ProjectProgress>;
  /** Sum of the newest `spent` figures, with the reports they come from; undefined when none reported one. */
  spent?: { total: number; projectIds: string[]; reportIds: string[]; asOf: FiscalMonth };
}

export function planProgressAsOf(plan: Plan, month?: FiscalMonth): PlanProgress {
  const byProject = new Map<string, ProjectProgress>();
  for (const p of plan.projects) {
    const pr = progressAsOf(p, month);
    if (pr) byProject.set(p.id, pr);
  }
  const withSpent = [...byProject.entries()].filter(([, pr]) => pr.spent !== undefined);
  const spent = withSpent.length === 0 ? undefined : {
    total: withSpent.reduce((a, [, pr]) => a + pr.spent!, 0),
    projectIds: withSpent.map(([id]) => id),
    reportIds: [...new Set(withSpent.map(([, pr]) => pr.reportId))],
    // The figure is as of the newest report it sums.
    asOf: withSpent.map(([, pr]) => pr.asOf).reduce((a, b) => (b.index > a.index ? b : a)),
  };
  return { month, latestReport: reportAsOf(plan, month), byProject, spent };
}

// ---- Plan against actual -------------------------------------------------------------------------------

/** A spending-plan entry as the content gives it (by quarter 1–4 or by month index 0–11 of the fiscal year). */
export type SpendingEntry = { quarter: 1 | 2 | 3 | 4; amount: number } | { monthIndex: number; amount: number };

/**
 * An amount split evenly over months in whole baht (in satang when the amount has satang), each month's running
 * total the nearest baht: 850,000 over three months runs 283,333 / 566,667 / 850,000, never 283,333.33.
 */
function spread(perMonth: number[], months: number[], amount: number): void {
  const unit = Number.isInteger(amount) ? 1 : 0.01;
  const units = Math.round(amount / unit);
  const upTo = (k: number) => Math.round((units * k) / months.length);
  months.forEach((i, k) => { perMonth[i]! += (upTo(k + 1) - upTo(k)) * unit; });
}

/**
 * The cumulative planned disbursement per fiscal month. A quarter's amount is spread evenly over its months
 * inside the project's period (all three when the period misses the quarter); without a spending plan, the
 * budget is spread evenly over the months something is scheduled, and without those, over the project's period.
 */
export function plannedCurve(
  project: { budget: number; activeMonthIndexes: number[]; period: { start?: FiscalMonth; end?: FiscalMonth } },
  spending?: SpendingEntry[],
): PlannedCurve {
  const perMonth = new Array<number>(12).fill(0);
  const start = project.period.start?.index ?? 0;
  const end = project.period.end?.index ?? 11;
  let basis: PlannedBasis;
  if (spending && spending.length > 0) {
    basis = 'spending-plan';
    for (const e of spending) {
      if ('quarter' in e) {
        const quarter = [0, 1, 2].map((k) => (e.quarter - 1) * 3 + k);
        const inPeriod = quarter.filter((i) => i >= start && i <= end);
        spread(perMonth, inPeriod.length > 0 ? inPeriod : quarter, e.amount);
      } else perMonth[e.monthIndex]! += e.amount;
    }
  } else {
    const scheduled = project.activeMonthIndexes;
    basis = scheduled.length > 0 ? 'schedule' : 'period';
    spread(perMonth, scheduled.length > 0 ? scheduled : Array.from({ length: end - start + 1 }, (_, i) => start + i), project.budget);
  }
  let sum = 0;
  // Rounded to the satang: sums of satang amounts in floating point drift.
  const cumulative = perMonth.map((v) => Math.round((sum += v) * 100) / 100);
  return { basis, cumulative };
}

/** Points of difference tolerated before a project counts as behind or ahead of its plan. */
export const SCHEDULE_TOLERANCE = 10;

export interface ScheduleStatus {
  /** cancelled: not compared (a cancelled project is neither behind nor on plan). */
  kind: 'on-track' | 'behind' | 'ahead' | 'no-report' | 'cancelled';
  /** Actual minus planned percent, rounded to whole points (negative: behind). */
  points?: number;
}

/** Plan against the newest report. A project reported delayed that is short of its plan at all is behind, within
 *  the tolerance too: the reporter's word and the figures agree (95 % of 100 % planned at the year's end). */
export function scheduleStatus(plannedPercent: number, actual: Pick<ProjectProgress, 'percent' | 'status'> | undefined): ScheduleStatus {
  if (actual?.status === 'cancelled') return { kind: 'cancelled' };
  if (actual?.percent === undefined) return { kind: 'no-report' };
  const points = Math.round(actual.percent - plannedPercent);
  if (points < -SCHEDULE_TOLERANCE || (points < 0 && actual.status === 'delayed')) return { kind: 'behind', points };
  return { kind: points > SCHEDULE_TOLERANCE ? 'ahead' : 'on-track', points };
}

export interface ProjectMonth {
  month: FiscalMonth;
  /** Planned cumulative disbursement and the percent of the budget it is. */
  plannedSpent: number;
  plannedPercent: number;
  /** The newest report as of the month. */
  actual?: ProjectProgress;
  schedule: ScheduleStatus;
}

/** A project's plan against its newest report, as of a month. */
export function projectMonth(project: Project, curve: PlannedCurve, month: FiscalMonth): ProjectMonth {
  const plannedSpent = curve.cumulative[month.index] ?? 0;
  const plannedPercent = project.budget > 0 ? (plannedSpent / project.budget) * 100 : 0;
  const actual = progressAsOf(project, month);
  return { month, plannedSpent, plannedPercent, actual, schedule: scheduleStatus(plannedPercent, actual) };
}

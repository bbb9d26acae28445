// Progress as of a month: which report a figure comes from, computed once for every renderer.
// A figure is "as of" the newest report whose month is not after the month asked for; never later data.
import type { FiscalMonth, Plan, Project, ProjectProgress, Report } from './types.ts';

/** The newest progress entry of a project as of a month (the newest overall without a month). */
export function progressAsOf(project: Project, month?: FiscalMonth): ProjectProgress | undefined {
  if (!month) return project.progress.at(-1);
  let found: ProjectProgress | undefined;
  for (const p of project.progress) if (p.asOf.index <= month.index) found = p;
  return found;
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

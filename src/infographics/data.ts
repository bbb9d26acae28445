// Picks what each card shows from the model. Reads the model only: fiscal months, activity months and totals
// come from src/model, nothing is re-derived here.
import type { FiscalMonth, Plan, Project, ProjectProgress } from '../model/types.ts';
import type { MonthData, MonthProject, OverviewData, ProjectData } from './types.ts';

/** The newest report of a project as of a month (reports are oldest first in the model). */
export function progressAsOf(project: Project, month?: FiscalMonth): ProjectProgress | undefined {
  const list = month ? project.progress.filter((p) => p.asOf.index <= month.index) : project.progress;
  return list.at(-1);
}

export function activeCounts(plan: Plan): number[] {
  return plan.months.map((m) => plan.activeByMonth[m.key]?.length ?? 0);
}

export function monthData(plan: Plan, month: FiscalMonth): MonthData {
  const byId = new Map(plan.projects.map((p) => [p.id, p]));
  const projects: MonthProject[] = (plan.activeByMonth[month.key] ?? []).flatMap((id) => {
    const project = byId.get(id);
    if (!project) return [];
    return [{
      project,
      activities: project.activities.filter((a) => a.monthIndexes.includes(month.index)).map((a) => a.name),
      pdca: project.pdca.filter((s) => s.month?.key === month.key),
      progress: progressAsOf(project, month),
    }];
  });
  const unscheduled = plan.projects.filter((p) =>
    p.schedule === 'none' && (p.period.start?.index ?? 0) <= month.index && month.index <= (p.period.end?.index ?? 11));
  const reports = plan.reports.filter((r) => r.asOf.key === month.key);
  const spent = plan.projects.map((p) => progressAsOf(p, month)?.spent).filter((s): s is number => s !== undefined);
  return {
    plan,
    month,
    projects,
    unscheduled,
    reports,
    spentToDate: spent.length ? spent.reduce((a, b) => a + b, 0) : undefined,
    activeCounts: activeCounts(plan),
  };
}

export const overviewData = (plan: Plan): OverviewData => ({ plan, activeCounts: activeCounts(plan) });
export const projectData = (plan: Plan, project: Project): ProjectData => ({ plan, project, progress: progressAsOf(project) });

// The monthly schedule of the whole plan: one row a project, twelve fiscal months, and in each month what
// the project has scheduled then (its activities running that month and its PDCA steps due). The site's
// Gantt shows only whether a month is busy; a spreadsheet or calendar needs the names too.
import type { FiscalMonth, PdcaStep, Plan, Project } from '../model/types.ts';

export interface ScheduleItem {
  kind: 'activity' | 'pdca';
  /** 1-based position in the project's activity list or PDCA table: with the month, what names the item. */
  number: number;
  /** An activity's name, or a PDCA step as "1.วางแผน (Plan): activities". */
  name: string;
}

export interface ScheduleRow { project: Project; months: Array<{ month: FiscalMonth; items: ScheduleItem[] }> }

/** Whether any of the projects has something scheduled: a calendar of none would be empty, so there is none. */
export const hasScheduled = (projects: Project[]): boolean => projects.some((p) => p.activeMonthIndexes.length > 0);

/** A PDCA step in one line: its label, then its activities. */
export const pdcaStepText = (s: PdcaStep): string => (s.activities.length ? `${s.label}: ${s.activities.join(' ')}` : s.label);

/** What a project has scheduled in one fiscal month, activities first, in the sheet's order. */
export function scheduledIn(project: Project, month: FiscalMonth): ScheduleItem[] {
  const items: ScheduleItem[] = [];
  project.activities.forEach((a, i) => {
    if (a.monthIndexes.includes(month.index)) items.push({ kind: 'activity', number: i + 1, name: a.name });
  });
  project.pdca.forEach((s, i) => {
    if (s.month?.index === month.index) items.push({ kind: 'pdca', number: i + 1, name: pdcaStepText(s) });
  });
  return items;
}

export function scheduleView(plan: Plan): ScheduleRow[] {
  return plan.projects.map((project) => ({ project, months: plan.months.map((month) => ({ month, items: scheduledIn(project, month) })) }));
}

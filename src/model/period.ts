// Whether a month falls inside a project's stated period: one rule for the site's Gantt and the cards.
import type { FiscalMonth, Project } from './types.ts';

/** By month key (`2560-10` ≤ key ≤ `2561-09`), so a period reaching outside the plan year still counts. */
export function inPeriod(project: Pick<Project, 'period'>, month: Pick<FiscalMonth, 'key'>): boolean {
  return project.period.startKey <= month.key && month.key <= project.period.endKey;
}

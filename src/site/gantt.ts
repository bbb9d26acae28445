// Month grids over the fiscal year: the plan-level Gantt (one row a project) and a project's own schedule.
import { inPeriod } from '../model/index.ts';
import type { FiscalMonth, Plan, Project } from '../model/types.ts';

export type CellState = 'active' | 'period' | 'idle';

export interface GanttCell { month: FiscalMonth; state: CellState; current: boolean }
export interface GanttRow {
  id: string;
  /** Digits as the source writes them; the component formats them. */
  label: string;
  /** Twelve cells, October first. */
  cells: GanttCell[];
  /** The source gives no months for this row (shown as ไม่ระบุ). */
  unspecified: boolean;
}

/**
 * One row a project: `active` in the months something is scheduled, `period` in the rest of its stated
 * period, `idle` outside it. `current` marks the month of "now" while the plan year runs.
 */
export function planGantt(plan: Plan, current?: FiscalMonth): GanttRow[] {
  return plan.projects.map((p) => {
    const active = new Set(p.activeMonthIndexes);
    return {
      id: p.id,
      label: `${p.order}. ${p.name}`,
      cells: plan.months.map((m) => ({
        month: m,
        state: active.has(m.index) ? 'active' : inPeriod(p, m) ? 'period' : 'idle',
        current: current?.key === m.key,
      })),
      unspecified: p.schedule === 'none',
    };
  });
}

/** Section 5 as a month grid: one row an activity, in the order the sheet lists them. */
export function activityGantt(plan: Plan, project: Project, current?: FiscalMonth): GanttRow[] {
  return project.activities.map((a, i) => {
    const months = new Set(a.monthIndexes);
    return {
      id: `${project.id}-a${i + 1}`,
      label: `${i + 1}. ${a.name}`,
      cells: plan.months.map((m) => ({ month: m, state: months.has(m.index) ? 'active' : 'idle', current: current?.key === m.key })),
      unspecified: a.monthIndexes.length === 0,
    };
  });
}

/** Number of projects with something scheduled in each month (for the Gantt's footer row). */
export function monthLoad(plan: Plan): Array<{ month: FiscalMonth; count: number }> {
  return plan.months.map((m) => ({ month: m, count: plan.activeByMonth[m.key]?.length ?? 0 }));
}

// The plan's sums: total budget, budget by strategy and by priority with shares of the total, the
// unaligned projects, and the projects active in each month.
import { bahtText } from '../thai/numbers.ts';
import type { BudgetGroup, FiscalMonth, Plan, Priority, Project, Strategy } from './types.ts';

export function buildTotals(projects: Project[], strategies: Strategy[], priorities: Priority[]): Plan['totals'] {
  const total = projects.reduce((a, p) => a + p.budget, 0);
  const group = <T>(key: T, ps: Project[]): BudgetGroup<T> => {
    const budget = ps.reduce((a, p) => a + p.budget, 0);
    return { key, budget, projectIds: ps.map((p) => p.id), share: total > 0 ? budget / total : 0 };
  };
  const unaligned = projects.filter((p) => p.strategies.length === 0);
  return {
    budget: total,
    budgetWords: bahtText(total),
    projectCount: projects.length,
    // A project serving two strategies counts in both; shares are of the plan total.
    byStrategy: strategies.map((s) => group(s, projects.filter((p) => p.strategies.includes(s)))),
    byPriority: [...priorities].sort((a, b) => b.stars - a.stars).map((pr) => group(pr, projects.filter((p) => p.priority === pr))),
    unaligned: { budget: unaligned.reduce((a, p) => a + p.budget, 0), projectIds: unaligned.map((p) => p.id) },
  };
}

/** Month key → the projects with something scheduled that month. */
export function activeByMonth(projects: Project[], months: FiscalMonth[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of months) out[m.key] = projects.filter((p) => p.activeMonthIndexes.includes(m.index)).map((p) => p.id);
  return out;
}

// The plan's budget by strategy and by priority (and the projects aligned with no strategy), with
// shares of the plan total. Shares stay 0–1 here; every output prints them with Formatter.percent,
// the one rounding rule.
import type { Plan } from '../model/types.ts';
import { LABELS, strategyShort, strategyTitle } from './labels.ts';

export interface BudgetRow {
  /** Strategy or priority id, or `unaligned`. */
  key: string;
  /** Short label for charts: ยุทธศาสตร์ที่ 1, *** */
  short: string;
  /** Full label for tables. */
  label: string;
  budget: number;
  share: number;
  projectIds: string[];
}

export interface BudgetTable { rows: BudgetRow[]; total: { budget: number; share: number; projectCount: number } }

const totalOf = (plan: Plan) => ({ budget: plan.totals.budget, share: 1, projectCount: plan.totals.projectCount });

/** By strategy; a project serving two strategies counts in both. The unaligned row only when there are such projects. */
export function budgetByStrategy(plan: Plan, opts: { unaligned?: boolean } = { unaligned: true }): BudgetTable {
  const rows: BudgetRow[] = plan.totals.byStrategy.map((g) => ({
    key: g.key.id, short: strategyShort(g.key), label: strategyTitle(g.key), budget: g.budget, share: g.share, projectIds: g.projectIds,
  }));
  const u = plan.totals.unaligned;
  if (opts.unaligned && u.projectIds.length > 0) {
    const share = plan.totals.budget > 0 ? u.budget / plan.totals.budget : 0;
    rows.push({ key: 'unaligned', short: LABELS.unaligned, label: LABELS.unaligned, budget: u.budget, share, projectIds: u.projectIds });
  }
  return { rows, total: totalOf(plan) };
}

/** By priority, most stars first. */
export function budgetByPriority(plan: Plan): BudgetTable {
  const rows = plan.totals.byPriority.map((g) => ({
    key: g.key.id, short: g.key.marks, label: `${g.key.marks} ${g.key.label}`, budget: g.budget, share: g.share, projectIds: g.projectIds,
  }));
  return { rows, total: totalOf(plan) };
}

/** Whether a project is counted under more than one strategy (the summaries then say so). */
export const countsInSeveralStrategies = (plan: Plan): boolean => plan.projects.some((p) => p.strategies.length > 1);

// What the home page's card of a plan shows: the model's totals and the status counts as of the newest report.
import type { Plan } from '../model/types.ts';
import { statusSummary, type StatusSummary } from '../views/status.ts';

export interface PlanSummary {
  id: string;
  title: string;
  fiscalYear: number;
  budget: number;
  budgetWords: string;
  projectCount: number;
  strategyCount: number;
  status: StatusSummary;
}

export function planSummary(plan: Plan): PlanSummary {
  return {
    id: plan.id,
    title: plan.title,
    fiscalYear: plan.fiscalYear,
    budget: plan.totals.budget,
    budgetWords: plan.totals.budgetWords,
    projectCount: plan.totals.projectCount,
    strategyCount: plan.strategies.length,
    status: statusSummary(plan),
  };
}

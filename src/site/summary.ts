// Summaries the pages show: per plan (home page cards), budget groups (chart + table), latest progress.
import type { Organisation, Plan, Project, ProjectProgress, ReportStatus } from '../model/types.ts';
import { STATUS_LABELS } from '../model/build.ts';
import { amount, percent } from './format.ts';

export interface PlanSummary {
  id: string;
  title: string;
  fiscalYear: number;
  budget: string;
  budgetWords: string;
  projectCount: number;
  strategyCount: number;
  /** Latest status of each project, counted; projects without a report count as `none`. */
  status: StatusCount[];
}

export interface StatusCount { status: ReportStatus | 'none'; label: string; count: number }

export const latestProgress = (p: Project): ProjectProgress | undefined => p.progress[p.progress.length - 1];

export function statusCounts(plan: Plan): StatusCount[] {
  const counts = new Map<ReportStatus | 'none', number>();
  for (const p of plan.projects) {
    const s = latestProgress(p)?.status ?? 'none';
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const order: Array<ReportStatus | 'none'> = ['done', 'on-track', 'delayed', 'not-started', 'cancelled', 'none'];
  return order
    .filter((s) => counts.has(s))
    .map((s) => ({ status: s, label: s === 'none' ? 'ยังไม่มีรายงานความก้าวหน้า' : STATUS_LABELS[s], count: counts.get(s)! }));
}

export function planSummary(org: Organisation, plan: Plan): PlanSummary {
  return {
    id: plan.id,
    title: plan.title,
    fiscalYear: plan.fiscalYear,
    budget: amount(org, plan.totals.budget),
    budgetWords: plan.totals.budgetWords,
    projectCount: plan.totals.projectCount,
    strategyCount: plan.strategies.length,
    status: statusCounts(plan),
  };
}

export interface BudgetRow {
  key: string;
  /** Short label for the chart: ยุทธศาสตร์ที่ 1, ★★★ */
  short: string;
  /** Full label for the table. */
  label: string;
  budget: number;
  budgetText: string;
  share: number;
  shareText: string;
  projectIds: string[];
}

export function budgetByStrategy(org: Organisation, plan: Plan): BudgetRow[] {
  const rows: BudgetRow[] = plan.totals.byStrategy.map((g) => ({
    key: g.key.id,
    short: `ยุทธศาสตร์ที่ ${g.key.number}`,
    label: `ยุทธศาสตร์ที่ ${g.key.number} ${g.key.name}`,
    budget: g.budget,
    budgetText: amount(org, g.budget),
    share: g.share,
    shareText: percent(g.share),
    projectIds: g.projectIds,
  }));
  const u = plan.totals.unaligned;
  if (u.projectIds.length > 0) {
    const share = plan.totals.budget > 0 ? u.budget / plan.totals.budget : 0;
    rows.push({ key: 'unaligned', short: 'ไม่ระบุยุทธศาสตร์', label: 'ไม่ระบุยุทธศาสตร์', budget: u.budget, budgetText: amount(org, u.budget), share, shareText: percent(share), projectIds: u.projectIds });
  }
  return rows;
}

export function budgetByPriority(org: Organisation, plan: Plan): BudgetRow[] {
  return plan.totals.byPriority.map((g) => ({
    key: g.key.id,
    short: g.key.marks,
    label: `${g.key.marks} ${g.key.label}`,
    budget: g.budget,
    budgetText: amount(org, g.budget),
    share: g.share,
    shareText: percent(g.share),
    projectIds: g.projectIds,
  }));
}

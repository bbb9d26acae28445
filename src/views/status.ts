// How many projects stand at each reported status as of a month, and which report that is: the
// projects never reported by then count under ยังไม่มีรายงานความก้าวหน้า.
import { planProgressAsOf } from '../model/progress.ts';
import type { FiscalMonth, Plan, Report, ReportStatus } from '../model/types.ts';
import { LABELS, STATUS_LABELS } from './labels.ts';

export interface StatusCount { status: ReportStatus | 'none'; label: string; count: number }
export interface StatusSummary {
  counts: StatusCount[];
  /** The newest report the counts come from (undefined: nothing reported yet). */
  report?: Report;
}

const ORDER: Array<ReportStatus | 'none'> = ['done', 'on-track', 'delayed', 'not-started', 'cancelled', 'none'];

export function statusSummary(plan: Plan, month?: FiscalMonth): StatusSummary {
  const progress = planProgressAsOf(plan, month);
  const counts = new Map<ReportStatus | 'none', number>();
  for (const p of plan.projects) {
    const s = progress.byProject.get(p.id)?.status ?? 'none';
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return {
    counts: ORDER.filter((s) => counts.has(s)).map((s) => ({ status: s, label: s === 'none' ? LABELS.noProgress : STATUS_LABELS[s], count: counts.get(s)! })),
    report: progress.latestReport,
  };
}

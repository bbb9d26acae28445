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

/** Counts of each status, in a fixed order; `undefined` (never reported) counts as 'none'. */
export function statusCounts(statuses: Array<ReportStatus | undefined>): StatusCount[] {
  const counts = new Map<ReportStatus | 'none', number>();
  for (const st of statuses) counts.set(st ?? 'none', (counts.get(st ?? 'none') ?? 0) + 1);
  return ORDER.filter((s) => counts.has(s)).map((s) => ({ status: s, label: s === 'none' ? LABELS.noProgress : STATUS_LABELS[s], count: counts.get(s)! }));
}

export function statusSummary(plan: Plan, month?: FiscalMonth): StatusSummary {
  const progress = planProgressAsOf(plan, month);
  return { counts: statusCounts(plan.projects.map((p) => progress.byProject.get(p.id)?.status)), report: progress.latestReport };
}

// Static paths of the report pages: one page per report of every plan, given its plan entry and the report.
import type { Plan, Report } from '../model/types.ts';
import { getPlanEntries } from './content.ts';
import type { PlanEntry } from './entry.ts';

export async function reportPagePaths(): Promise<Array<{ params: { plan: string; report: string }; props: { entry: PlanEntry; report: Report; plans: Plan[] } }>> {
  const entries = await getPlanEntries();
  const plans = entries.map((e) => e.plan);
  return entries.flatMap((entry) => entry.plan.reports.map((report) => ({ params: { plan: entry.plan.id, report: report.id }, props: { entry, report, plans } })));
}

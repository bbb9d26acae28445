// Static paths of the report pages: one page per report of every plan this build renders, given its plan entry and the report.
import type { Report } from '../model/types.ts';
import { renderedPlans } from './content.ts';
import type { PlanEntry } from './entry.ts';
import type { SiteNav } from './nav.ts';

export async function reportPagePaths(): Promise<Array<{ params: { plan: string; report: string }; props: { entry: PlanEntry; report: Report; nav: SiteNav } }>> {
  const { entries, nav } = await renderedPlans();
  return entries.flatMap((entry) => entry.plan.reports.map((report) => ({ params: { plan: entry.plan.id, report: report.id }, props: { entry, report, nav } })));
}

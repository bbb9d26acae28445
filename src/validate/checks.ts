// Checks that need more than one field or file, one module a concern: unique ids, references, months
// against the period and the fiscal year, reports, reports against each other and against the plan, gaps
// in the detail sheets, the logo. Gaps are warnings (the seed has some).
import type { Diagnostic } from '../loader/diagnostics.ts';
import type { LoadedContent, LoadedPlan } from '../loader/load-content.ts';
import { checkContext, type CheckContext } from './context.ts';
import { checkBudgetBreakdown, checkSheetGaps } from './gaps.ts';
import { checkKpiIds, checkOrganisationIds, checkPlanIds, checkProjectOrder } from './ids.ts';
import { checkLogo } from './logo.ts';
import { checkPlanYear, checkProjectMonths } from './months.ts';
import { checkPlanReferences, checkProjectReferences, checkStrategiesGiven, planIds, rawProjectRefs } from './references.ts';
import { checkProgress } from './progress.ts';
import { checkReports } from './reports.ts';
import { checkSiteBase } from './site-url.ts';

export function checkContent(content: LoadedContent): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx = checkContext(content, out);
  const org = content.organisation;
  if (org?.data.branding.logo !== undefined) checkLogo(ctx.report, content, org.data.branding.logo, org.source);
  // The one setting of the build a check reads: the path the site is built under (astro.config.mjs).
  if (org) checkSiteBase(ctx.report, org.source, org.data.site.url, process.env.SITE_BASE);
  checkOrganisationIds(ctx);
  for (const lp of content.plans) checkPlan(ctx, lp);
  return out;
}

// Diagnostics at the same position keep the order they are reported in, so the calls stay in this order.
function checkPlan(ctx: CheckContext, lp: LoadedPlan) {
  const plan = lp.plan;
  if (!plan) return;
  const fy = plan.data.fiscal_year;
  checkPlanYear(ctx, lp.year, plan);
  checkPlanReferences(ctx, plan);
  checkPlanIds(ctx, plan);
  const ids = planIds(plan);
  const orders = new Map<number, string>();
  for (const p of lp.projects) {
    checkProjectOrder(ctx, p, orders);
    checkProjectReferences(ctx, ids, p.source, p.data);
    checkStrategiesGiven(ctx, p);
    checkProjectMonths(ctx, fy, p);
    checkKpiIds(ctx, p);
    checkBudgetBreakdown(ctx, p);
    checkSheetGaps(ctx, p);
  }
  for (const p of lp.invalidProjects) {
    if (p.source?.data !== undefined) checkProjectReferences(ctx, ids, p.source, rawProjectRefs(p.source.data, p.issuePaths));
  }
  checkReports(ctx, lp, fy);
  checkProgress(ctx, lp, fy);
}

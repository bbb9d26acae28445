// Builds the normalised model from validated content. Runs only when the checks found no errors,
// so every reference here resolves. One module a concern: calendar, organisation, projects, reports,
// totals; this file composes them.
import type { LoadedContent, LoadedPlan } from '../loader/load-content.ts';
import { buildFiscalMonths, buildQuarters } from './calendar.ts';
import { parseMarkdown } from './markdown.ts';
import { buildOrganisation } from './organisation.ts';
import { buildProject, linkProjects } from './projects.ts';
import { buildReports, dayOf } from './reports.ts';
import { activeByMonth, buildTotals } from './totals.ts';
import { editionLabel, type Model, type Organisation, type Plan, type Priority, type Strategy } from './types.ts';

export { buildFiscalMonths } from './calendar.ts';
export { CADENCE_LABELS, PDCA_LABELS, PROCUREMENT_LABELS, STATUS_LABELS } from './labels.ts';

function byId<T extends { id: string }>(xs: Iterable<T>): (id: string) => T {
  const m = new Map([...xs].map((x) => [x.id, x]));
  return (id) => m.get(id)!;
}

function buildPlan(lp: LoadedPlan, org: Organisation): Plan {
  const pd = lp.plan!.data;
  const fy = pd.fiscal_year;
  const months = buildFiscalMonths(fy);
  const quarters = buildQuarters(months);
  const strategies: Strategy[] = pd.strategies.map((s, i) => ({
    id: s.id,
    number: i + 1,
    name: s.name,
    projectIds: [],
    tactics: s.tactics.map((t, j) => ({ id: t.id, number: `${i + 1}.${j + 1}`, name: t.name, strategyId: s.id, projectIds: [] })),
  }));
  const priorities: Priority[] = pd.priorities.map((p) => ({ id: p.id, stars: p.stars, label: p.label, marks: '*'.repeat(p.stars) }));
  const unit = byId(org.units);
  const { reports, progressOf } = buildReports(lp.reports, fy, months, quarters, new Map(org.units.map((u) => [u.id, u])));
  const look = {
    monthByKey: new Map(months.map((m) => [m.key, m])),
    unit,
    fund: byId(org.strategies),
    strategy: byId(strategies),
    tactic: byId(strategies.flatMap((s) => s.tactics)),
    priority: byId(priorities),
    progressOf,
  };
  const projects = [...lp.projects].sort((a, b) => a.data.order - b.data.order).map((p) => buildProject(p, look));
  linkProjects(projects);
  return {
    id: lp.year,
    fiscalYear: fy,
    yearKind: pd.year_kind,
    title: pd.title,
    parentPlan: pd.parent_plan,
    preparedBy: unit(pd.prepared_by),
    introduction: pd.introduction ? parseMarkdown(pd.introduction) : undefined,
    vision: pd.vision,
    missions: pd.missions,
    goals: pd.goals,
    strategies,
    actionPlanIntro: pd.action_plan_intro ? parseMarkdown(pd.action_plan_intro) : undefined,
    priorities,
    months,
    quarters,
    projects,
    reports,
    totals: buildTotals(projects, strategies, priorities),
    activeByMonth: activeByMonth(projects, months),
    revision: pd.revision && {
      number: pd.revision.number,
      label: editionLabel(pd.revision.number),
      approvedOn: pd.revision.approved_on ? dayOf(pd.revision.approved_on) : undefined,
      approvedBy: pd.revision.approved_by,
      reason: pd.revision.reason,
      projectReasons: pd.revision.projects,
    },
    // The editions' commits and models come from git, in loadPlans.
    editions: pd.editions.map((e) => ({ number: e.number, label: editionLabel(e.number), ref: e.ref, approvedOn: e.approved_on ? dayOf(e.approved_on) : undefined })),
  };
}

export function buildModel(content: LoadedContent): Model {
  const organisation = buildOrganisation(content.organisation!.data, content);
  const plans = content.plans
    .filter((lp) => lp.plan)
    .map((lp) => buildPlan(lp, organisation))
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
  return { organisation, plans };
}

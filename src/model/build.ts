// Builds the normalised model from validated content. Runs only when the checks found no errors,
// so every reference here resolves.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedContent, LoadedPlan } from '../loader/load-content.ts';
import type { OrganisationData, ProjectData, ReportData } from '../schema/index.ts';
import {
  fiscalMonths, fiscalQuarterOf, monthIndex, monthKey, monthLongLabel, monthShortLabel, parseMonth,
  THAI_MONTHS_SHORT,
} from '../thai/calendar.ts';
import { bahtText, formatQuantity } from '../thai/numbers.ts';
import { missingSections } from '../schema/sections.ts';
import { parseMarkdown } from './markdown.ts';
import type {
  Activity, BudgetGroup, FiscalMonth, FiscalQuarter, Kpi, Model, Organisation, PdcaPhase, Plan, Priority,
  Project, ProjectProgress, Report, ReportStatus, Strategy, Targets, Unit,
} from './types.ts';

export const PDCA_LABELS: Record<PdcaPhase, string> = {
  plan: '1. วางแผน (Plan)',
  do: '2. ดำเนินการ (Do)',
  check: '3. ตรวจสอบ (Check)',
  act: '4. ประเมินผลและรายงาน (Act)',
};
export const PROCUREMENT_LABELS = { extend: 'ขยายระบบเดิม', new: 'จัดหาใหม่', replace: 'ทดแทน' } as const;
export const CADENCE_LABELS: Record<string, string> = {
  monthly: 'รายงานเป็นรายเดือน',
  quarterly: 'รายงานเป็นรายไตรมาส',
  periodic: 'ติดตามความก้าวหน้าเป็นระยะ',
  yearly: 'รายงานเป็นรายปี',
};
export const STATUS_LABELS: Record<ReportStatus, string> = {
  'not-started': 'ยังไม่เริ่ม',
  'on-track': 'ตามแผน',
  delayed: 'ล่าช้ากว่าแผน',
  done: 'แล้วเสร็จ',
  cancelled: 'ยกเลิก',
};

export function buildFiscalMonths(fy: number): FiscalMonth[] {
  return fiscalMonths(fy).map((m, index) => ({
    key: monthKey(m),
    year: m.year,
    month: m.month,
    index,
    quarter: fiscalQuarterOf(m),
    labelLong: monthLongLabel(m),
    labelShort: monthShortLabel(m),
    name: THAI_MONTHS_SHORT[m.month - 1]!,
  }));
}

function buildQuarters(months: FiscalMonth[]): FiscalQuarter[] {
  return ([1, 2, 3, 4] as const).map((q) => {
    const ms = months.filter((m) => m.quarter === q);
    const first = ms[0]!;
    const last = ms[ms.length - 1]!;
    return { quarter: q, months: ms, label: `ไตรมาส ${q} (${first.name}–${last.name} ${String(last.year % 100).padStart(2, '0')})` };
  });
}

function buildOrganisation(d: OrganisationData, content: LoadedContent): Organisation {
  const logo = d.branding.logo;
  const logoPath = logo ? [join(content.contentDir, logo), join(content.root, 'public', logo)].find((f) => existsSync(f)) : undefined;
  return {
    name: d.name,
    shortName: d.short_name,
    parents: d.parents,
    units: d.units.map((u) => ({ id: u.id, name: u.name })),
    strategies: d.strategies.map((s) => ({ id: s.id, number: s.number, name: s.name, projectIds: [] })),
    branding: { logo, logoPath, colors: { ...d.branding.colors }, font: d.branding.font },
    display: { digits: d.display.digits, headingDigits: d.display.heading_digits, pageNumberDigits: d.display.page_number_digits },
    siteUrl: d.site.url,
  };
}

const targetsOf = (t: ProjectData['targets']): Targets | undefined =>
  t ? { overall: t.overall ?? [], quantitative: t.quantitative ?? [], qualitative: t.qualitative ?? [] } : undefined;

function kpiOf(k: NonNullable<ProjectData['kpis']>[number]): Kpi {
  const target = k.target ? { value: k.target.value, unit: k.target.unit } : undefined;
  return { id: k.id, name: k.name, target, text: target ? `${k.name}${k.target?.unit === 'ร้อยละ' ? '' : ' '}${formatQuantity(target.value, target.unit)}` : k.name };
}

function buildPlan(lp: LoadedPlan, org: Organisation): Plan {
  const pd = lp.plan!.data;
  const fy = pd.fiscal_year;
  const months = buildFiscalMonths(fy);
  const monthByKey = new Map(months.map((m) => [m.key, m]));
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const unit = (id: string): Unit => unitById.get(id)!;
  const fundById = new Map(org.strategies.map((s) => [s.id, s]));

  const strategies: Strategy[] = pd.strategies.map((s, i) => ({
    id: s.id,
    number: i + 1,
    name: s.name,
    projectIds: [],
    tactics: s.tactics.map((t, j) => ({ id: t.id, number: `${i + 1}.${j + 1}`, name: t.name, strategyId: s.id, projectIds: [] })),
  }));
  const strategyById = new Map(strategies.map((s) => [s.id, s]));
  const tacticById = new Map(strategies.flatMap((s) => s.tactics.map((t) => [t.id, t] as const)));
  const priorities: Priority[] = pd.priorities.map((p) => ({ id: p.id, stars: p.stars, label: p.label, marks: '*'.repeat(p.stars) }));
  const priorityById = new Map(priorities.map((p) => [p.id, p]));

  const fiscalIndex = (key: string): number | undefined => monthByKey.get(key)?.index;
  const quarters = buildQuarters(months);

  const reportsSorted = [...lp.reports].sort((a, b) => reportEnd(a.data, fy) - reportEnd(b.data, fy));
  const reports: Report[] = reportsSorted.map((r) => {
    const covered = r.data.month ? [monthByKey.get(r.data.month)!] : months.filter((m) => m.quarter === r.data.quarter);
    const asOf = covered[covered.length - 1]!;
    return {
      id: r.id,
      kind: r.data.month ? 'month' : 'quarter',
      months: covered,
      asOf,
      label: r.data.month ? `รายงานประจำเดือน${asOf.labelLong}` : `รายงาน${quarters[r.data.quarter! - 1]!.label}`,
      source: r.data.source,
      keyFigures: r.data.key_figures.map((k) => ({ label: k.label, value: k.value, unit: k.unit })),
    };
  });

  const projects: Project[] = [...lp.projects]
    .sort((a, b) => a.data.order - b.data.order)
    .map(({ id, data: d, source }) => {
      const activities: Activity[] = (d.activities ?? []).map((a) => ({
        name: a.name,
        monthIndexes: [...new Set((a.months ?? []).map((m) => fiscalIndex(m)!))].sort((x, y) => x - y),
        owner: a.owner ? unit(a.owner) : undefined,
      }));
      const pdca = (d.pdca ?? []).map((s) => ({
        phase: s.phase,
        label: PDCA_LABELS[s.phase],
        month: s.month ? monthByKey.get(s.month) : undefined,
        activities: s.activities,
        owner: s.owner ? unit(s.owner) : undefined,
      }));
      const active = new Set<number>([...activities.flatMap((a) => a.monthIndexes), ...pdca.flatMap((s) => (s.month ? [s.month.index] : []))]);
      const kpis = (d.kpis ?? []).map(kpiOf);
      const kpiById = new Map(kpis.map((k) => [k.id, k]));
      const progress: ProjectProgress[] = [];
      reportsSorted.forEach((r, i) => {
        const pr = r.data.projects.find((p) => p.project === id);
        if (!pr) return;
        progress.push({
          reportId: r.id,
          asOf: reports[i]!.asOf,
          status: pr.status,
          statusLabel: STATUS_LABELS[pr.status],
          percent: pr.percent,
          spent: pr.spent,
          note: pr.note,
          kpis: (pr.kpis ?? []).map((k) => ({ kpi: kpiById.get(k.kpi)!, actual: k.actual })),
        });
      });
      const startM = parseMonth(d.period.start)!;
      const endM = parseMonth(d.period.end)!;
      const project: Project = {
        id,
        order: d.order,
        name: d.name,
        fundStrategies: d.fund_strategies.map((s) => fundById.get(s)!),
        strategies: d.strategies.map((s) => strategyById.get(s)!),
        tactics: d.tactics.map((t) => tacticById.get(t)!),
        targets: targetsOf(d.targets),
        expectedResults: d.expected_results ?? [],
        table: {
          targets: targetsOf(d.summary?.targets) ?? targetsOf(d.targets),
          expectedResults: d.summary?.expected_results ?? d.expected_results ?? [],
        },
        period: {
          start: monthByKey.get(d.period.start),
          end: monthByKey.get(d.period.end),
          startKey: d.period.start,
          endKey: d.period.end,
          label: `${monthLongLabel(startM)} - ${monthLongLabel(endM)}`,
        },
        budget: d.budget,
        budgetWords: bahtText(d.budget),
        budgetBreakdown: d.budget_breakdown ?? [],
        owner: unit(d.owner),
        priority: priorityById.get(d.priority)!,
        rationale: d.rationale ? parseMarkdown(d.rationale) : undefined,
        objectives: d.objectives ?? [],
        scope: d.scope ? parseMarkdown(d.scope) : undefined,
        procurement: d.procurement === undefined ? undefined : d.procurement === null ? null : { kind: d.procurement, label: PROCUREMENT_LABELS[d.procurement] },
        activities,
        pdca,
        schedule: pdca.length > 0 ? 'pdca' : activities.some((a) => a.monthIndexes.length > 0) ? 'months' : 'none',
        activeMonthIndexes: [...active].sort((a, b) => a - b),
        kpis,
        monitoring: d.monitoring ? { cadence: d.monitoring.cadence, label: d.monitoring.note ?? CADENCE_LABELS[d.monitoring.cadence]! } : undefined,
        progress,
        missingSections: missingSections(d),
        sourceFile: source.file,
      };
      return project;
    });

  for (const p of projects) {
    p.strategies.forEach((s) => s.projectIds.push(p.id));
    p.tactics.forEach((t) => t.projectIds.push(p.id));
    p.fundStrategies.forEach((s) => s.projectIds.includes(p.id) || s.projectIds.push(p.id));
  }

  const total = projects.reduce((a, p) => a + p.budget, 0);
  const group = <T>(key: T, ps: Project[]): BudgetGroup<T> => {
    const budget = ps.reduce((a, p) => a + p.budget, 0);
    return { key, budget, projectIds: ps.map((p) => p.id), share: total > 0 ? budget / total : 0 };
  };
  const unaligned = projects.filter((p) => p.strategies.length === 0);

  const activeByMonth: Record<string, string[]> = {};
  for (const m of months) activeByMonth[m.key] = projects.filter((p) => p.activeMonthIndexes.includes(m.index)).map((p) => p.id);

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
    totals: {
      budget: total,
      budgetWords: bahtText(total),
      projectCount: projects.length,
      // A project serving two strategies counts in both; shares are of the plan total.
      byStrategy: strategies.map((s) => group(s, projects.filter((p) => p.strategies.includes(s)))),
      byPriority: [...priorities].sort((a, b) => b.stars - a.stars).map((pr) => group(pr, projects.filter((p) => p.priority === pr))),
      unaligned: { budget: unaligned.reduce((a, p) => a + p.budget, 0), projectIds: unaligned.map((p) => p.id) },
    },
    activeByMonth,
  };
}

/** Sort key of a report: the month index of the last month it covers. */
function reportEnd(r: ReportData, fy: number): number {
  if (r.month) return monthIndex(parseMonth(r.month)!);
  return monthIndex({ year: fy - 1, month: 10 }) + r.quarter! * 3 - 1;
}

export function buildModel(content: LoadedContent): Model {
  const organisation = buildOrganisation(content.organisation!.data, content);
  const plans = content.plans
    .filter((lp) => lp.plan)
    .map((lp) => buildPlan(lp, organisation))
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
  return { organisation, plans };
}


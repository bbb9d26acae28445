// One project: references resolved, months on the fiscal grid, Markdown parsed, progress attached.
import type { Loaded } from '../loader/load-content.ts';
import type { ProjectData } from '../schema/index.ts';
import { missingSections } from '../schema/sections.ts';
import { monthLongLabel, parseMonth } from '../thai/calendar.ts';
import { bahtText, formatQuantity } from '../thai/numbers.ts';
import { CADENCE_LABELS, PDCA_LABELS, PROCUREMENT_LABELS } from './labels.ts';
import { parseMarkdown } from './markdown.ts';
import { plannedCurve, type SpendingEntry } from './progress.ts';
import type { Activity, FiscalMonth, FundStrategy, Kpi, Priority, Project, ProjectProgress, Strategy, Tactic, Targets, Unit } from './types.ts';

/** What a project refers to, by id. */
export interface ProjectLookup {
  monthByKey: Map<string, FiscalMonth>;
  unit: (id: string) => Unit;
  fund: (id: string) => FundStrategy;
  strategy: (id: string) => Strategy;
  tactic: (id: string) => Tactic;
  priority: (id: string) => Priority;
  progressOf: (projectId: string, kpiById: Map<string, Kpi>) => ProjectProgress[];
}

const targetsOf = (t: ProjectData['targets']): Targets | undefined =>
  t ? { overall: t.overall ?? [], quantitative: t.quantitative ?? [], qualitative: t.qualitative ?? [] } : undefined;

function kpiOf(k: NonNullable<ProjectData['kpis']>[number]): Kpi {
  const target = k.target ? { value: k.target.value, unit: k.target.unit } : undefined;
  return { id: k.id, name: k.name, target, text: target ? `${k.name}${k.target?.unit === 'ร้อยละ' ? '' : ' '}${formatQuantity(target.value, target.unit)}` : k.name };
}

export function buildProject({ id, data: d, source }: Loaded<ProjectData>, look: ProjectLookup): Project {
  const { monthByKey, unit } = look;
  const activities: Activity[] = (d.activities ?? []).map((a) => ({
    name: a.name,
    monthIndexes: [...new Set((a.months ?? []).map((m) => monthByKey.get(m)!.index))].sort((x, y) => x - y),
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
  const startM = parseMonth(d.period.start)!;
  const endM = parseMonth(d.period.end)!;
  return {
    id,
    order: d.order,
    name: d.name,
    fundStrategies: d.fund_strategies.map(look.fund),
    strategies: d.strategies.map(look.strategy),
    tactics: d.tactics.map(look.tactic),
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
    priority: look.priority(d.priority),
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
    progress: look.progressOf(id, new Map(kpis.map((k) => [k.id, k]))),
    planned: plannedCurve({ budget: d.budget, activeMonthIndexes: [...active], period: { start: monthByKey.get(d.period.start), end: monthByKey.get(d.period.end) } }, spendingEntries(d, monthByKey)),
    missingSections: missingSections(d),
    sourceFile: source.file,
  };
}

/** Fills each strategy's, tactic's and fund strategy's list of the projects aligned with it. */
export function linkProjects(projects: Project[]): void {
  for (const p of projects) {
    p.strategies.forEach((s) => s.projectIds.push(p.id));
    p.tactics.forEach((t) => t.projectIds.push(p.id));
    p.fundStrategies.forEach((s) => s.projectIds.includes(p.id) || s.projectIds.push(p.id));
  }
}

/** The spending plan on the fiscal-month grid (the validator keeps its months inside the year). */
function spendingEntries(d: ProjectData, monthByKey: Map<string, FiscalMonth>): SpendingEntry[] | undefined {
  return d.spending_plan?.flatMap((e): SpendingEntry[] => {
    if ('quarter' in e && e.quarter !== undefined) return [{ quarter: e.quarter as 1 | 2 | 3 | 4, amount: e.amount }];
    const m = 'month' in e && e.month !== undefined ? monthByKey.get(e.month) : undefined;
    return m ? [{ monthIndex: m.index, amount: e.amount }] : [];
  });
}

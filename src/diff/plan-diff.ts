// What changed between two loaded models, in plan terms: the projects added, removed or renamed, each
// project's figures and schedule, the plan's totals, the reports' figures. Computed from the models (not the
// YAML), so reformatting, reordering keys or editing comments changes nothing here.
import type { Root } from 'mdast';
import { markdownToPlainText, type FiscalMonth, type Model, type Plan, type Project, type ProjectProgress } from '../model/index.ts';
import { budgetByPriority, budgetByStrategy, type BudgetTable } from '../views/budget.ts';
import { LABELS, orgStrategiesLabel, strategyShort } from '../views/labels.ts';
import { projectSections } from '../views/sections.ts';

export interface Change<T> { before: T; after: T }

/** A schedule line (an activity or a PDCA step) whose months changed; undefined: not in that side. */
export interface ScheduleChange { name: string; before?: number[]; after?: number[] }

export interface KpiChange { name: string; before?: { value: number; unit?: string }; after?: { value: number; unit?: string }; added?: boolean; removed?: boolean }

export interface ProjectDiff {
  id: string;
  /** The name now (the old one when removed). */
  name: string;
  kind: 'added' | 'removed' | 'changed';
  /** Set when the project was renamed (same id), or when its id changed and it was matched by name. */
  renamedFrom?: string;
  idChangedFrom?: string;
  order?: Change<number>;
  budget?: Change<number>;
  period?: Change<string>;
  owner?: Change<string>;
  priority?: Change<string>;
  strategies?: Change<string[]>;
  schedule: ScheduleChange[];
  kpis: KpiChange[];
  /** Sheet sections whose text changed ("1. หลักการและเหตุผล"). */
  sections: string[];
  /** For an added or removed project: its budget. */
  budgetNow?: number;
}

export interface TotalRow { key: string; label: string; before?: number; after?: number }

export interface ReportRowDiff {
  projectId: string;
  name: string;
  status?: Change<string | undefined>;
  percent?: Change<number | undefined>;
  spent?: Change<number | undefined>;
}

export interface ReportDiff { id: string; label: string; kind: 'added' | 'removed' | 'changed'; rows: ReportRowDiff[] }

export interface PlanDiff {
  fiscalYear: number;
  title: string;
  kind: 'added' | 'removed' | 'changed';
  /** The plan's months, to name schedule months by (the newer side's). */
  months: FiscalMonth[];
  /** Plan texts that changed (บทนำ, วิสัยทัศน์ …). */
  sections: string[];
  projects: ProjectDiff[];
  total?: Change<number>;
  /** Only when some row changed: every row of both sides. */
  byStrategy: TotalRow[];
  byPriority: TotalRow[];
  reports: ReportDiff[];
}

export interface ModelDiff {
  /** organisation.yaml facts that changed (หน่วยงาน, ยุทธศาสตร์ของเงินทุน …). */
  organisation: string[];
  plans: PlanDiff[];
}

export const hasChanges = (d: ModelDiff): boolean => d.organisation.length > 0 || d.plans.length > 0;

/** A value's content without where it was written (mdast positions), so moving text in the file is no change. */
function canon(v: unknown): string {
  return JSON.stringify(v, (k, x) => (k === 'position' || k === 'sourceFile' ? undefined : x));
}
const same = (a: unknown, b: unknown): boolean => canon(a) === canon(b);
const change = <T>(before: T, after: T): Change<T> | undefined => (same(before, after) ? undefined : { before, after });
const md = (r: Root | undefined): string => (r ? markdownToPlainText(r) : '');

/** What each sheet section says, apart from the facts reported on their own (budget, owner, months, KPI targets). */
function sectionTexts(p: Project): Record<string, unknown> {
  return {
    rationale: md(p.rationale),
    objectives: p.objectives,
    targets: [p.targets, p.table.targets],
    scope: md(p.scope),
    activities: [p.procurement?.kind ?? p.procurement, p.activities.map((a) => [a.name, a.owner?.id]), p.pdca.map((s) => [s.phase, s.activities, s.owner?.id])],
    budget: p.budgetBreakdown,
    owner: null,
    expected_results: [p.expectedResults, p.table.expectedResults],
    kpis: p.kpis.map((k) => [k.id, k.name]),
    monitoring: p.monitoring,
  };
}

/** Schedule lines by name (activities) or step (PDCA), the nth of a repeated name matched with the nth. */
function scheduleLines(p: Project): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  const add = (name: string, months: number[]) => {
    let key = name;
    for (let n = 2; lines.has(key); n++) key = `${name} (${n})`;
    lines.set(key, months);
  };
  for (const a of p.activities) add(a.name, a.monthIndexes);
  for (const s of p.pdca) add(s.label, s.month ? [s.month.index] : []);
  return lines;
}

function diffProject(a: Project, b: Project): ProjectDiff | undefined {
  const schedule: ScheduleChange[] = [];
  const before = scheduleLines(a);
  const after = scheduleLines(b);
  for (const [name, months] of after) {
    const old = before.get(name);
    if (!same(old, months)) schedule.push({ name, before: old, after: months });
  }
  for (const [name, months] of before) if (!after.has(name)) schedule.push({ name, before: months });

  const kpis: KpiChange[] = [];
  for (const k of b.kpis) {
    const old = a.kpis.find((x) => x.id === k.id);
    if (!old) kpis.push({ name: k.name, after: k.target, added: true });
    else if (!same(old.target, k.target)) kpis.push({ name: k.name, before: old.target, after: k.target });
  }
  for (const k of a.kpis) if (!b.kpis.some((x) => x.id === k.id)) kpis.push({ name: k.name, before: k.target, removed: true });

  const ta = sectionTexts(a);
  const tb = sectionTexts(b);
  const sections = projectSections(b).filter((s) => !same(ta[s.key], tb[s.key])).map((s) => s.label);

  const d: ProjectDiff = {
    id: b.id,
    name: b.name,
    kind: 'changed',
    renamedFrom: a.name !== b.name ? a.name : undefined,
    idChangedFrom: a.id !== b.id ? a.id : undefined,
    order: change(a.order, b.order),
    budget: change(a.budget, b.budget),
    period: change(a.period.label, b.period.label),
    owner: change(a.owner.name, b.owner.name),
    priority: change(`${a.priority.marks} ${a.priority.label}`, `${b.priority.marks} ${b.priority.label}`),
    strategies: change(a.strategies.map(strategyShort), b.strategies.map(strategyShort)),
    schedule,
    kpis,
    sections,
  };
  const changed = d.renamedFrom || d.idChangedFrom || d.order || d.budget || d.period || d.owner || d.priority || d.strategies || schedule.length || kpis.length || sections.length;
  return changed ? d : undefined;
}

/** Same id is the same project; of the rest, the same name is the same project whose file was renamed. */
function diffProjects(a: Plan, b: Plan): ProjectDiff[] {
  const out: ProjectDiff[] = [];
  const removed = a.projects.filter((p) => !b.projects.some((q) => q.id === p.id));
  const added = b.projects.filter((p) => !a.projects.some((q) => q.id === p.id));
  for (const p of b.projects) {
    let old = a.projects.find((q) => q.id === p.id);
    if (!old && added.includes(p)) {
      old = removed.find((q) => q.name === p.name);
      if (old) removed.splice(removed.indexOf(old), 1);
    }
    if (!old) {
      out.push({ id: p.id, name: p.name, kind: 'added', schedule: [], kpis: [], sections: [], budgetNow: p.budget });
      continue;
    }
    const d = diffProject(old, p);
    if (d) out.push(d);
  }
  for (const p of removed) out.push({ id: p.id, name: p.name, kind: 'removed', schedule: [], kpis: [], sections: [], budgetNow: p.budget });
  return out;
}

/** The strategies or priorities whose total changed (or that came or went); the others are not a change. */
function totalRows(a: BudgetTable, b: BudgetTable): TotalRow[] {
  const rows: TotalRow[] = b.rows.map((r) => ({ key: r.key, label: r.label, after: r.budget, before: a.rows.find((x) => x.key === r.key)?.budget }));
  for (const r of a.rows) if (!b.rows.some((x) => x.key === r.key)) rows.push({ key: r.key, label: r.label, before: r.budget });
  return rows.filter((r) => r.before !== r.after);
}

const figures = (p: ProjectProgress | undefined) => ({ status: p?.statusLabel, percent: p?.percent, spent: p?.spent });

function diffReports(a: Plan, b: Plan): ReportDiff[] {
  const ids = [...new Set([...b.reports.map((r) => r.id), ...a.reports.map((r) => r.id)])];
  const out: ReportDiff[] = [];
  for (const id of ids) {
    const ra = a.reports.find((r) => r.id === id);
    const rb = b.reports.find((r) => r.id === id);
    const rows: ReportRowDiff[] = [];
    const projects = [...b.projects, ...a.projects.filter((p) => !b.projects.some((q) => q.id === p.id))];
    for (const p of projects) {
      const fa = figures(a.projects.find((q) => q.id === p.id)?.progress.find((x) => x.reportId === id));
      const fb = figures(b.projects.find((q) => q.id === p.id)?.progress.find((x) => x.reportId === id));
      const row: ReportRowDiff = { projectId: p.id, name: p.name, status: change(fa.status, fb.status), percent: change(fa.percent, fb.percent), spent: change(fa.spent, fb.spent) };
      if (row.status || row.percent || row.spent) rows.push(row);
    }
    const kind = !ra ? 'added' : !rb ? 'removed' : 'changed';
    if (kind !== 'changed' || rows.length || !same(ra, rb)) out.push({ id, label: (rb ?? ra)!.label, kind, rows });
  }
  return out;
}

/** The plan's own texts, labelled as the book heads them. */
function planTexts(p: Plan): Array<[string, unknown]> {
  return [
    ['ชื่อแผน', [p.title, p.parentPlan, p.yearKind]],
    ['หน่วยงานที่จัดทำ', p.preparedBy.id],
    ['บทนำ', md(p.introduction)],
    ['วิสัยทัศน์', p.vision],
    ['พันธกิจ', p.missions],
    ['เป้าประสงค์', p.goals],
    ['ยุทธศาสตร์/กลยุทธ์', p.strategies.map((s) => [s.id, s.name, s.tactics.map((t) => [t.id, t.name])])],
    ['ตารางแผนปฏิบัติการ (คำนำ)', md(p.actionPlanIntro)],
    [LABELS.priority, p.priorities.map((x) => [x.id, x.stars, x.label])],
  ];
}

/** One plan's change (a plan added or removed when a side lacks it); undefined: nothing changed. */
export function diffPlan(a: Plan | undefined, b: Plan | undefined): PlanDiff | undefined {
  const some = (b ?? a)!;
  const base = { fiscalYear: some.fiscalYear, title: some.title, months: some.months };
  if (!a || !b) {
    return { ...base, kind: a ? 'removed' : 'added', sections: [], projects: [], byStrategy: [], byPriority: [], reports: [], total: a ? { before: a.totals.budget, after: 0 } : { before: 0, after: b!.totals.budget } };
  }
  const ta = planTexts(a);
  const sections = planTexts(b).filter(([label, v]) => !same(ta.find(([l]) => l === label)?.[1], v)).map(([label]) => label);
  const d: PlanDiff = {
    ...base,
    kind: 'changed',
    sections,
    projects: diffProjects(a, b),
    total: change(a.totals.budget, b.totals.budget),
    byStrategy: totalRows(budgetByStrategy(a), budgetByStrategy(b)),
    byPriority: totalRows(budgetByPriority(a), budgetByPriority(b)),
    reports: diffReports(a, b),
  };
  return sections.length || d.projects.length || d.total || d.byStrategy.length || d.byPriority.length || d.reports.length ? d : undefined;
}

/** organisation.yaml, in the terms its readers know it by. */
function organisationTexts(m: Model): Array<[string, unknown]> {
  const o = m.organisation;
  return [
    ['ชื่อหน่วยงาน', [o.name, o.shortName, o.parents]],
    ['หน่วยงานย่อย', o.units],
    [orgStrategiesLabel(o), o.strategies.map((s) => [s.id, s.number, s.name])],
    // logoPath is where this checkout found the file, not what the content says.
    ['รูปแบบการแสดงผล (สี โลโก้ ตัวเลข)', [{ ...o.branding, logoPath: undefined }, o.display, o.keepTogether]],
    ['ที่อยู่เว็บไซต์', o.siteUrl],
  ];
}

export function diffModels(before: Model, after: Model): ModelDiff {
  const oa = organisationTexts(before);
  const organisation = organisationTexts(after).filter(([label, v]) => !same(oa.find(([l]) => l === label)?.[1], v)).map(([label]) => label);
  const years = [...new Set([...after.plans, ...before.plans].map((p) => p.fiscalYear))].sort((x, y) => x - y);
  const plans = years
    .map((y) => diffPlan(before.plans.find((p) => p.fiscalYear === y), after.plans.find((p) => p.fiscalYear === y)))
    .filter((d): d is PlanDiff => d !== undefined);
  return { organisation, plans };
}

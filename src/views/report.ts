// One progress report as every output shows it (report PDF, report page, quarterly card, progress page):
// each project's plan against its newest figures as of the report, what is behind, disbursement against the
// plan by quarter, strategy and priority, and the planned-vs-actual curve. Figures are as of the report's
// month; a project the report does not mention shows its newest earlier figures, dated.
import { projectMonth, scheduleStatus, type ProjectMonth } from '../model/progress.ts';
import { STATUS_LABELS } from '../model/build.ts';
import type { FiscalMonth, Plan, Project, Report, ReportStatus } from '../model/types.ts';

export interface ReportRow extends ProjectMonth {
  project: Project;
  /** The figures come from this report (false: from an earlier one, or none). */
  inThisReport: boolean;
}

export interface StatusCount { status: ReportStatus | 'none'; label: string; count: number }

export interface MoneyAgainstPlan {
  budget: number;
  planned: number;
  /** Sum of the newest reported `spent` figures; undefined when no project reported one. */
  actual?: number;
}

export interface CurvePoint { month: FiscalMonth; planned: number; actual?: number }

export interface ReportView {
  plan: Plan;
  report: Report;
  asOf: FiscalMonth;
  /** "ไตรมาสที่ 2 (ต.ค. 2560 – มี.ค. 2561)": the cumulative period the figures cover. */
  periodLabel: string;
  /** Every project in plan order. */
  rows: ReportRow[];
  /** Projects behind their plan by more than the tolerance, most behind first. */
  behind: ReportRow[];
  counts: StatusCount[];
  total: MoneyAgainstPlan;
  byQuarter: Array<MoneyAgainstPlan & { quarter: 1 | 2 | 3 | 4; label: string; end: FiscalMonth }>;
  byStrategy: Array<MoneyAgainstPlan & { label: string; id: string }>;
  byPriority: Array<MoneyAgainstPlan & { label: string; id: string }>;
  /** Cumulative planned and reported disbursement of the whole plan, October to the report's month. */
  curve: CurvePoint[];
  /** Whether any planned figure is estimated from schedules rather than spending plans. */
  estimated: boolean;
}

const STATUS_ORDER: Array<ReportStatus | 'none'> = ['done', 'on-track', 'delayed', 'not-started', 'cancelled', 'none'];

export const NO_REPORT_LABEL = 'ยังไม่มีรายงานความก้าวหน้า';

export function statusCounts(rows: Array<{ actual?: { status: ReportStatus } }>): StatusCount[] {
  const counts = new Map<ReportStatus | 'none', number>();
  for (const r of rows) counts.set(r.actual?.status ?? 'none', (counts.get(r.actual?.status ?? 'none') ?? 0) + 1);
  return STATUS_ORDER.filter((s) => counts.has(s))
    .map((s) => ({ status: s, label: s === 'none' ? NO_REPORT_LABEL : STATUS_LABELS[s], count: counts.get(s)! }));
}

/** Plan and newest actuals of a set of projects as of a month. */
function against(plan: Plan, projects: Project[], month: FiscalMonth): MoneyAgainstPlan {
  const ms = projects.map((p) => projectMonth(p, p.planned, month));
  const spent = ms.map((m) => m.actual?.spent).filter((s): s is number => s !== undefined);
  return {
    budget: projects.reduce((a, p) => a + p.budget, 0),
    planned: Math.round(ms.reduce((a, m) => a + m.plannedSpent, 0) * 100) / 100,
    actual: spent.length ? spent.reduce((a, b) => a + b, 0) : undefined,
  };
}

export function reportView(plan: Plan, report: Report): ReportView {
  const asOf = report.asOf;
  const rows: ReportRow[] = plan.projects.map((project) => {
    const m = projectMonth(project, project.planned, asOf);
    // A monthly and a quarterly report can end in the same month: a report's own figures come first.
    const own = project.progress.find((x) => x.reportId === report.id);
    return own
      ? { project, ...m, actual: own, schedule: scheduleStatus(m.plannedPercent, own.percent), inThisReport: true }
      : { project, ...m, inThisReport: false };
  });
  const first = plan.months[0]!;
  const q = plan.quarters[asOf.quarter - 1]!;
  const periodLabel = report.kind === 'quarter'
    ? `ไตรมาสที่ ${q.quarter} (${first.name} ${first.year} – ${asOf.name} ${asOf.year})`
    : `${report.label} (สะสม ${first.name} ${first.year} – ${asOf.name} ${asOf.year})`;
  const upTo = plan.quarters.filter((x) => x.months.at(-1)!.index <= asOf.index || x.quarter === asOf.quarter);
  return {
    plan,
    report,
    asOf,
    periodLabel,
    rows,
    behind: rows.filter((r) => r.schedule.kind === 'behind' && r.actual?.status !== 'cancelled' && r.actual?.status !== 'done')
      .sort((a, b) => a.schedule.points! - b.schedule.points!),
    counts: statusCounts(rows),
    total: against(plan, plan.projects, asOf),
    byQuarter: upTo.map((x) => {
      const end = x.months.at(-1)!.index <= asOf.index ? x.months.at(-1)! : asOf;
      return { quarter: x.quarter, label: x.label, end, ...against(plan, plan.projects, end) };
    }),
    byStrategy: plan.totals.byStrategy.map((g) => ({
      id: g.key.id, label: `ยุทธศาสตร์ที่ ${g.key.number} ${g.key.name}`,
      ...against(plan, plan.projects.filter((p) => g.projectIds.includes(p.id)), asOf),
    })),
    byPriority: plan.totals.byPriority.map((g) => ({
      id: g.key.id, label: `${g.key.marks} ${g.key.label}`,
      ...against(plan, plan.projects.filter((p) => g.projectIds.includes(p.id)), asOf),
    })),
    curve: plan.months.filter((m) => m.index <= asOf.index).map((m) => {
      const a = against(plan, plan.projects, m);
      // An actual point only where a report is as of that month or earlier: before the first report there is none.
      const reported = plan.reports.some((r) => r.asOf.index <= m.index);
      return { month: m, planned: a.planned, actual: reported ? (a.actual ?? 0) : undefined };
    }),
    estimated: plan.projects.some((p) => p.planned.basis !== 'spending-plan'),
  };
}


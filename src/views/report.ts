// One progress report as every output shows it (report PDF, report page, quarterly card, progress page):
// each project's plan against its newest figures as of the report, what is behind, disbursement against the
// plan by quarter, strategy and priority, and the planned-vs-actual curve. Figures are as of the report's
// month; a project the report does not mention shows its newest earlier figures, dated.
import { projectMonth, SCHEDULE_TOLERANCE, scheduleStatus, type ProjectMonth, type ScheduleStatus } from '../model/progress.ts';
import { LABELS } from './labels.ts';
import { statusCounts, type StatusCount } from './status.ts';
import type { FiscalMonth, Plan, Project, Report } from '../model/types.ts';
import { bahtText, formatNumber } from '../thai/numbers.ts';

/** Points behind or ahead of the plan before a project counts as behind or ahead (said in the outputs). */
export { SCHEDULE_TOLERANCE } from '../model/progress.ts';

export interface ReportRow extends ProjectMonth {
  project: Project;
  /** The figures come from this report (false: from an earlier one, or none). */
  inThisReport: boolean;
}


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
  /** Projects behind their plan (by more than the tolerance, or reported delayed and short of it), most behind first. */
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
      ? { project, ...m, actual: own, schedule: scheduleStatus(m.plannedPercent, own), inThisReport: true }
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
    behind: rows.filter((r) => r.schedule.kind === 'behind' && r.actual?.status !== 'done')
      .sort((a, b) => a.schedule.points! - b.schedule.points!),
    counts: statusCounts(rows.map((r) => r.actual?.status)),
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


// ---- Words for the report document and the progress page -----------------------------------------------
// Digits as written: the renderer applies its Formatter to the whole string.

/** When a project counts as behind, in words (scheduleStatus), for every output that lists or marks them. */
export const BEHIND_RULE = `ร้อยละความก้าวหน้าต่ำกว่าร้อยละตามแผนเกิน ${SCHEDULE_TOLERANCE} จุด หรือต่ำกว่าแผนและรายงานว่าล่าช้า`;

/** Said wherever a planned figure sums a project without a spending plan (ReportView.estimated). */
export const ESTIMATED_NOTE = 'แผนการใช้จ่ายของบางโครงการประมาณจากกำหนดการ';

/** The computed schedule status beside the reported one: "ล่าช้ากว่าแผน 20 จุด", "ตามแผน", "เร็วกว่าแผน 12 จุด". */
export function scheduleLabel(s: ScheduleStatus): string {
  switch (s.kind) {
    case 'behind': return `ล่าช้ากว่าแผน ${-s.points!} จุด`;
    case 'ahead': return `เร็วกว่าแผน ${s.points!} จุด`;
    case 'on-track': return 'ตามแผน';
    case 'no-report': return LABELS.noProgress;
    case 'cancelled': return 'ไม่เทียบแผน (ยกเลิก)';
  }
}

/** An amount in figures' companion words and as a share of the budget it is measured against. */
export interface Amount { amount: number; words: string; share: number }

export interface MoneyFigures {
  budget: Amount;
  planned: Amount;
  actual?: Amount;
  /** Reported disbursement as a share of the planned disbursement (undefined: nothing reported or planned). */
  ofPlan?: number;
}

/** Budget, plan and actual with their baht words and shares, as official documents write them. */
export function moneyFigures(m: MoneyAgainstPlan): MoneyFigures {
  const amount = (n: number): Amount => ({ amount: n, words: bahtText(n), share: m.budget > 0 ? n / m.budget : 0 });
  return {
    budget: amount(m.budget),
    planned: amount(m.planned),
    actual: m.actual === undefined ? undefined : amount(m.actual),
    ofPlan: m.actual !== undefined && m.planned > 0 ? m.actual / m.planned : undefined,
  };
}

/** The planned-vs-actual curve in words (a chart's alt text): each month's planned and reported figure. */
export function curveText(v: ReportView): string {
  const first = v.curve[0]!.month;
  const points = v.curve.map((p) => `${p.month.labelShort} แผน ${formatNumber(p.planned)} บาท${p.actual === undefined ? '' : ` ผล ${formatNumber(p.actual)} บาท`}`);
  return `การเบิกจ่ายสะสมเทียบแผน ${first.labelShort} ถึง ${v.asOf.labelShort} จากงบประมาณทั้งแผน ${formatNumber(v.total.budget)} บาท: ${points.join('; ')}`;
}

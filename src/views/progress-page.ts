// What the site's progress pages show on top of the report view (src/views/report.ts): the traffic light of a
// project (colour and words), shares of plan and actual, a project's plan-against-actual months and its
// problems/solutions history. Pure: the pages only lay these out and format them.
import type { Root } from 'mdast';
import { projectMonth } from '../model/progress.ts';
import type { FiscalMonth, Plan, Project, Report } from '../model/types.ts';
import { reportView, type MoneyAgainstPlan, type ReportRow, type ReportView } from './report.ts';

/** The view as of the plan's newest report; undefined while there is none. */
export function latestReportView(plan: Plan): ReportView | undefined {
  const latest = plan.reports.at(-1);
  return latest ? reportView(plan, latest) : undefined;
}

export type LightTone = 'red' | 'amber' | 'green' | 'blue' | 'grey';

export interface Light {
  tone: LightTone;
  /** The words beside the colour: never colour alone. */
  text: string;
}

/**
 * One project's light as of a report: red when behind the plan by more than the tolerance (whatever status
 * was reported), amber when reported delayed, green on or ahead of the plan, blue when done, grey when
 * cancelled or not reported.
 */
export function trafficLight(row: Pick<ReportRow, 'actual' | 'schedule'>): Light {
  const a = row.actual;
  if (!a) return { tone: 'grey', text: 'ยังไม่มีรายงาน' };
  if (a.status === 'cancelled') return { tone: 'grey', text: a.statusLabel };
  if (a.status === 'done') return { tone: 'blue', text: a.statusLabel };
  const s = row.schedule;
  if (s.kind === 'behind') return { tone: 'red', text: `ช้ากว่าแผน ${-s.points!} จุด` };
  if (a.status === 'delayed') return { tone: 'amber', text: a.statusLabel };
  if (s.kind === 'ahead') return { tone: 'green', text: `เร็วกว่าแผน ${s.points!} จุด` };
  if (s.kind === 'no-report') return { tone: 'amber', text: `${a.statusLabel} (ไม่ได้รายงานร้อยละ)` };
  return { tone: 'green', text: 'ตามแผน' };
}

export interface MoneyShares extends MoneyAgainstPlan {
  /** Planned disbursement as a share of the budget. */
  plannedShare: number;
  /** Reported disbursement as a share of the budget, and of the plan to date (undefined without an actual). */
  actualShare?: number;
  ofPlan?: number;
}

export function moneyShares<T extends MoneyAgainstPlan>(m: T): T & MoneyShares {
  return {
    ...m,
    plannedShare: m.budget > 0 ? m.planned / m.budget : 0,
    actualShare: m.actual === undefined || m.budget <= 0 ? undefined : m.actual / m.budget,
    ofPlan: m.actual === undefined || m.planned <= 0 ? undefined : m.actual / m.planned,
  };
}

/** A percent figure (0–100) as the share the Formatter prints. */
export const pointsShare = (percent: number): number => percent / 100;

export interface ProjectLineMonth {
  month: FiscalMonth;
  plannedPercent: number;
  /** The newest reported percent as of the month, and the report it comes from. */
  actualPercent?: number;
  reportId?: string;
}

/** A project's planned percent and newest reported percent, October to the newest report's month. */
export function projectLine(plan: Plan, project: Project): ProjectLineMonth[] {
  const last = plan.reports.at(-1);
  if (!last) return [];
  return plan.months.filter((m) => m.index <= last.asOf.index).map((m) => {
    const pm = projectMonth(project, project.planned, m);
    return { month: m, plannedPercent: pm.plannedPercent, actualPercent: pm.actual?.percent, reportId: pm.actual?.reportId };
  });
}

export interface ProblemEntry { report: Report; problems?: Root; solutions?: Root }

/** The project's ปัญหาอุปสรรค and แนวทางแก้ไข as each report gave them, newest report first. */
export function problemHistory(plan: Plan, project: Project): ProblemEntry[] {
  return project.progress
    .filter((p) => p.problems || p.solutions)
    .map((p) => ({ report: plan.reports.find((r) => r.id === p.reportId)!, problems: p.problems, solutions: p.solutions }))
    .reverse();
}

/** Reports of the plan, newest first. */
export const reportsNewestFirst = (plan: Plan): Report[] => [...plan.reports].reverse();

export interface CurveShare { month: FiscalMonth; planned: number; actual?: number; plannedShare: number; actualShare?: number }

/** The plan's S-curve points with each figure also as a share of the plan's budget. */
export function curveShares(v: ReportView): CurveShare[] {
  const budget = v.total.budget;
  return v.curve.map((p) => ({
    ...p,
    plannedShare: budget > 0 ? p.planned / budget : 0,
    actualShare: p.actual === undefined || budget <= 0 ? undefined : p.actual / budget,
  }));
}

/** The report an earlier figure of a row comes from (undefined when it is this report's own or none). */
export function rowSource(v: ReportView, row: ReportRow): Report | undefined {
  if (!row.actual || row.inThisReport) return undefined;
  return v.plan.reports.find((r) => r.id === row.actual!.reportId);
}

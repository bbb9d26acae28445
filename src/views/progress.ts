// What the outputs say about progress as of a month: each project's newest reported figures with the report
// they come from, and the one sentence that tells a reader whether a figure is planned or reported and as of
// which report. The arithmetic (which entry is newest) is the model's (src/model/progress.ts).
import { planProgressAsOf, progressAsOf, reportAsOf } from '../model/progress.ts';
import type { FiscalMonth, Plan, Project, ProjectProgress, Report } from '../model/types.ts';

/** 'this-month': reported in a report as of this very month; 'earlier': from an older report; 'planned': none yet. */
export type ProgressBasis = 'this-month' | 'earlier' | 'planned';

export interface ProjectStatus {
  project: Project;
  basis: ProgressBasis;
  /** The newest entry as of the month (absent when planned). */
  progress?: ProjectProgress;
  /** The report it comes from. */
  report?: Report;
}

export function projectStatus(plan: Plan, project: Project, month?: FiscalMonth): ProjectStatus {
  const progress = progressAsOf(project, month);
  if (!progress) return { project, basis: 'planned' };
  const report = plan.reports.find((r) => r.id === progress.reportId);
  const basis: ProgressBasis = month && progress.asOf.key === month.key ? 'this-month' : month ? 'earlier' : 'this-month';
  return { project, basis, progress, report };
}

export interface SpentView {
  total: number;
  /** Share of the plan's total budget. */
  share: number;
  asOf: FiscalMonth;
  /** "เบิกจ่ายสะสม ณ ก.พ. 61" */
  label: string;
}

/** Disbursement to date as the newest reports state it, or undefined when no report gave a figure. */
export function spentAsOf(plan: Plan, month?: FiscalMonth): SpentView | undefined {
  const s = planProgressAsOf(plan, month).spent;
  if (!s) return undefined;
  return {
    total: s.total,
    share: plan.totals.budget > 0 ? s.total / plan.totals.budget : 0,
    asOf: s.asOf,
    label: `เบิกจ่ายสะสม ณ ${s.asOf.labelShort}`,
  };
}

/**
 * The sentence under a card or a progress table: which report the reported figures come from, and that the
 * rest is the plan. Never dates figures with the month shown when they come from an older report.
 */
export function progressNote(plan: Plan, month?: FiscalMonth): string {
  const latest = reportAsOf(plan, month);
  if (!latest) {
    return month ? 'ข้อมูลตามแผน (แผน): ยังไม่มีรายงานผลการดำเนินงานถึงเดือนนี้' : 'ข้อมูลตามแผน (แผน): ยังไม่มีรายงานผลการดำเนินงาน';
  }
  if (month && latest.asOf.key !== month.key) {
    return `ผลการดำเนินงานตาม${latest.label} (รายงานล่าสุด ยังไม่มีรายงานของเดือนนี้); ส่วนอื่นแสดงตามแผน`;
  }
  return `ผลการดำเนินงานตาม${latest.label}; ส่วนอื่นแสดงตามแผน`;
}

/** The sentence under one project's figures: the report they come from, or that they are the plan. */
export function projectNote(s: ProjectStatus): string {
  return s.report ? `ผลการดำเนินงานตาม${s.report.label}; ส่วนอื่นแสดงตามแผน` : 'ข้อมูลตามแผน (แผน): ยังไม่มีรายงานผลการดำเนินงาน';
}

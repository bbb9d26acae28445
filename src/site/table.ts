// The action-plan table (ตารางแผนปฏิบัติการ): ten columns as the book has them, one row a project.
// Rows are plain data; the component only lays them out.
import type { Organisation, Plan, Project, Targets } from '../model/types.ts';
import { amount, listOrNotSpecified, NOT_SPECIFIED } from './format.ts';

export const ACTION_PLAN_COLUMNS = [
  'ลำดับที่',
  'กิจกรรม/โครงการ',
  'ความสอดคล้องยุทธศาสตร์ของเงินทุนหมุนเวียนฯ',
  'ความสอดคล้องยุทธศาสตร์ด้านเทคโนโลยีสารสนเทศ',
  'เป้าหมาย',
  'ผลที่คาดว่าจะได้รับ',
  'ระยะเวลา',
  'งบประมาณ (บาท)',
  'ผู้รับผิดชอบ',
  'ระดับความสำคัญ',
] as const;

export interface LinkText { text: string; strategyId?: string }
export interface TargetGroup { label?: string; items: string[] }

export interface ActionPlanRow {
  projectId: string;
  order: number;
  name: string;
  fundStrategies: string[];
  strategies: LinkText[];
  targets: TargetGroup[];
  expectedResults: string[];
  period: string;
  budget: string;
  budgetValue: number;
  owner: string;
  priority: { stars: number; marks: string; label: string };
}

/** เป้าหมาย: overall lines, then เชิงปริมาณ and เชิงคุณภาพ, as the book prints them. */
export function targetGroups(t: Targets | undefined): TargetGroup[] {
  if (!t) return [{ items: [NOT_SPECIFIED] }];
  const groups: TargetGroup[] = [];
  if (t.overall.length > 0) groups.push({ items: t.overall });
  if (t.quantitative.length > 0) groups.push({ label: 'เชิงปริมาณ', items: t.quantitative });
  if (t.qualitative.length > 0) groups.push({ label: 'เชิงคุณภาพ', items: t.qualitative });
  return groups.length > 0 ? groups : [{ items: [NOT_SPECIFIED] }];
}

export function actionPlanRow(org: Organisation, p: Project): ActionPlanRow {
  return {
    projectId: p.id,
    order: p.order,
    name: p.name,
    fundStrategies: listOrNotSpecified(p.fundStrategies.map((s) => `ยุทธศาสตร์ที่ ${s.number} ${s.name}`)),
    strategies: p.strategies.length > 0
      ? p.strategies.map((s) => ({ text: `ยุทธศาสตร์ที่ ${s.number}`, strategyId: s.id }))
      : [{ text: NOT_SPECIFIED }],
    targets: targetGroups(p.table.targets),
    expectedResults: listOrNotSpecified(p.table.expectedResults),
    period: p.period.label || NOT_SPECIFIED,
    budget: amount(org, p.budget),
    budgetValue: p.budget,
    owner: p.owner?.name ?? NOT_SPECIFIED,
    priority: { stars: p.priority.stars, marks: p.priority.marks, label: p.priority.label },
  };
}

export function actionPlanRows(org: Organisation, plan: Plan): ActionPlanRow[] {
  return plan.projects.map((p) => actionPlanRow(org, p));
}

/** The total row under the table. */
export function actionPlanTotal(org: Organisation, plan: Plan): string {
  return amount(org, plan.totals.budget);
}

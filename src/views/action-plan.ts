// ตารางแผนปฏิบัติการ: the ten columns (key, Thai header, cell type) and one row of typed cells a project,
// with the total row and the priority legend. Values are raw (numbers are numbers, months are months):
// the site, the book and a spreadsheet export lay them out and format them with the Formatter.
import type { FiscalMonth, Organisation, Plan, Priority, Project } from '../model/types.ts';
import { LABELS, orgAlignmentLabel } from './labels.ts';
import { targetGroups, type TargetGroup } from './targets.ts';

export interface NumberCell { type: 'number'; value: number }
export interface TextCell { type: 'text'; value: string }
/** A project's name, linking to its page or sheet. */
export interface ProjectCell { type: 'project'; value: string; projectId: string }
/** Strategies by number and name; `linked` when they have a page of their own (the plan's strategies). */
export interface LinksCell { type: 'links'; items: Array<{ id: string; number: number; name: string }>; linked: boolean }
/** Grouped lines (empty: ไม่ระบุ). */
export interface ListCell { type: 'list'; groups: TargetGroup[] }
export interface PeriodCell { type: 'period'; start?: FiscalMonth; end?: FiscalMonth; startKey: string; endKey: string; label: string }
/** Baht. */
export interface MoneyCell { type: 'money'; value: number }
export interface PriorityCell { type: 'priority'; stars: number; marks: string; label: string }

export interface ActionPlanCells {
  order: NumberCell;
  name: ProjectCell;
  fundStrategies: LinksCell;
  strategies: LinksCell;
  targets: ListCell;
  expectedResults: ListCell;
  period: PeriodCell;
  budget: MoneyCell;
  owner: TextCell;
  priority: PriorityCell;
}
export type ActionPlanKey = keyof ActionPlanCells;
export type ActionPlanCell = ActionPlanCells[ActionPlanKey];
export interface ActionPlanColumn<K extends ActionPlanKey = ActionPlanKey> { key: K; header: string; type: ActionPlanCells[K]['type'] }

const col = <K extends ActionPlanKey>(key: K, header: string, type: ActionPlanCells[K]['type']): ActionPlanColumn<K> => ({ key, header, type });

/** The book's ten columns, in its order; the organisation's strategies are headed by its short name. */
export const actionPlanColumns = (org: Pick<Organisation, 'shortName'>): readonly ActionPlanColumn[] => [
  col('order', LABELS.order, 'number'),
  col('name', LABELS.project, 'project'),
  col('fundStrategies', orgAlignmentLabel(org), 'links'),
  col('strategies', LABELS.planStrategies, 'links'),
  col('targets', LABELS.targets, 'list'),
  col('expectedResults', LABELS.expectedResults, 'list'),
  col('period', LABELS.period, 'period'),
  col('budget', LABELS.budgetBaht, 'money'),
  col('owner', LABELS.owner, 'text'),
  col('priority', LABELS.priority, 'priority'),
];

export interface ActionPlanRow { projectId: string; cells: ActionPlanCells }

export interface ActionPlanView {
  columns: readonly ActionPlanColumn[];
  rows: ActionPlanRow[];
  /** รวมงบประมาณทั้งสิ้น: spans the columns before the budget column. */
  total: { label: string; span: number; budget: MoneyCell; budgetWords: string };
  /** หมายเหตุ: what the stars mean. */
  legend: { title: string; items: Priority[] };
}

const refs = (xs: Array<{ id: string; number: number; name: string }>) => xs.map(({ id, number, name }) => ({ id, number, name }));

export function actionPlanRow(p: Project): ActionPlanRow {
  return {
    projectId: p.id,
    cells: {
      order: { type: 'number', value: p.order },
      name: { type: 'project', value: p.name, projectId: p.id },
      fundStrategies: { type: 'links', items: refs(p.fundStrategies), linked: false },
      strategies: { type: 'links', items: refs(p.strategies), linked: true },
      targets: { type: 'list', groups: targetGroups(p.table.targets) },
      expectedResults: { type: 'list', groups: p.table.expectedResults.length ? [{ items: p.table.expectedResults }] : [] },
      period: { type: 'period', start: p.period.start, end: p.period.end, startKey: p.period.startKey, endKey: p.period.endKey, label: p.period.label },
      budget: { type: 'money', value: p.budget },
      owner: { type: 'text', value: p.owner.name },
      priority: { type: 'priority', stars: p.priority.stars, marks: p.priority.marks, label: p.priority.label },
    },
  };
}

export function actionPlanView(plan: Plan, org: Pick<Organisation, 'shortName'>): ActionPlanView {
  const columns = actionPlanColumns(org);
  return {
    columns,
    rows: plan.projects.map(actionPlanRow),
    total: {
      label: LABELS.grandTotal,
      span: columns.findIndex((c) => c.key === 'budget'),
      budget: { type: 'money', value: plan.totals.budget },
      budgetWords: plan.totals.budgetWords,
    },
    legend: { title: LABELS.legend, items: plan.priorities },
  };
}

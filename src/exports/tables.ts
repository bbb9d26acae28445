// The tables of the data exports, computed once from the views and laid out by the workbook (one sheet
// a table) and the CSV files (one file a table); the data dictionary page describes the same columns.
// Values are raw: numbers are numbers (baht, percent 0–100), text as the content writes it (Arabic digits,
// whatever the agency's display setting: these files are data, not pages), lines separated by "\n".
import { markdownToPlainText, type Organisation, type Plan } from '../model/index.ts';
import type { Root } from 'mdast';
import { actionPlanView, type LinksCell, type ListCell } from '../views/action-plan.ts';
import { budgetByPriority, budgetByStrategy, type BudgetTable } from '../views/budget.ts';
import { sharePercent } from '../views/format.ts';
import { kpiRows } from '../views/kpi.ts';
import { LABELS, NOT_SPECIFIED, PLANNED_BASIS_LABELS, REPORT_KIND_LABELS, strategyTitle } from '../views/labels.ts';
import { reportView, scheduleLabel } from '../views/report.ts';
import { scheduleView } from '../views/schedule.ts';

/** integer: counts and orders; number: a quantity; money: baht with satang; percent: 0–100; text: lines joined by "\n". */
export type ColumnType = 'integer' | 'number' | 'money' | 'percent' | 'text';
export type Value = string | number | undefined;

export interface Column {
  /** ASCII name for the JSON-minded (the data dictionary lists it beside the Thai header). */
  key: string;
  /** The Thai header, as the book and the site head the column. */
  header: string;
  type: ColumnType;
  /** Spreadsheet column width in characters. */
  width: number;
  /** What the column holds, for the data dictionary. */
  description: string;
  /** Centred in the workbook, as the book sets the order and the priority stars. */
  center?: boolean;
}

export type TableId = 'action-plan' | 'budget-by-strategy' | 'budget-by-priority' | 'schedule' | 'kpis' | 'progress';

/** Each table's Thai title: its sheet's name (at most 31 characters, Excel's limit) and its heading. */
export const TABLE_TITLES: Record<TableId, string> = {
  'action-plan': 'แผนปฏิบัติการ',
  'budget-by-strategy': 'งบประมาณตามยุทธศาสตร์',
  'budget-by-priority': 'งบประมาณตามระดับความสำคัญ',
  schedule: 'กำหนดการรายเดือน',
  kpis: 'ตัวชี้วัด',
  progress: 'ความก้าวหน้า',
};

export interface DataTable {
  id: TableId;
  /** TABLE_TITLES[id] */
  title: string;
  /** One sentence on what a row is. */
  description: string;
  columns: Column[];
  /** One array of values a row, in column order; undefined: no figure (an empty cell). */
  rows: Value[][];
  /** A last row: the label across the columns before `sum`, and the sum of column `sum` (a formula in the workbook). */
  total?: { label: string; sum: string; value: number; words?: string };
  /** Columns that name the row (kept in view when scrolling across in the workbook). */
  key: number;
}

const col = (key: string, header: string, type: ColumnType, width: number, description: string): Column => ({ key, header, type, width, description });

const lines = (xs: string[]): string => (xs.length ? xs.join('\n') : NOT_SPECIFIED);
const linksText = (c: LinksCell): string => lines(c.items.map(strategyTitle));
/** เป้าหมาย as the book prints it: the overall lines, then each labelled group on one line. */
const listText = (c: ListCell, joined: boolean): string =>
  lines(joined ? c.groups.flatMap((g) => (g.label ? [`${g.label} ${g.items.join(' ')}`] : g.items)) : c.groups.flatMap((g) => g.items));
const plain = (root: Root | undefined): string => (root ? markdownToPlainText(root) : NOT_SPECIFIED);

/** ตารางแผนปฏิบัติการ: the book's ten columns, one row a project, the total of the budget column. */
export function actionPlanTable(plan: Plan, org: Pick<Organisation, 'shortName'>): DataTable {
  const view = actionPlanView(plan, org);
  const widths: Record<string, number> = { order: 8, name: 34, fundStrategies: 26, strategies: 26, targets: 40, expectedResults: 34, period: 16, budget: 14, owner: 22, priority: 12 };
  const described: Record<string, { type: ColumnType; description: string }> = {
    order: { type: 'integer', description: 'ลำดับของโครงการในแผน' },
    name: { type: 'text', description: 'ชื่อกิจกรรมหรือโครงการ' },
    fundStrategies: { type: 'text', description: 'ยุทธศาสตร์ของหน่วยงานที่โครงการสอดคล้อง บรรทัดละหนึ่งยุทธศาสตร์' },
    strategies: { type: 'text', description: 'ยุทธศาสตร์ของแผนที่โครงการสอดคล้อง บรรทัดละหนึ่งยุทธศาสตร์' },
    targets: { type: 'text', description: 'เป้าหมายภาพรวม เชิงปริมาณ และเชิงคุณภาพ ตามที่ตารางแผนพิมพ์' },
    expectedResults: { type: 'text', description: 'ผลที่คาดว่าจะได้รับ บรรทัดละหนึ่งข้อ' },
    period: { type: 'text', description: 'เดือนเริ่มต้นและสิ้นสุดของโครงการ (พ.ศ.)' },
    budget: { type: 'money', description: 'งบประมาณของโครงการ หน่วยบาท (ตัวเลข)' },
    owner: { type: 'text', description: 'หน่วยงานผู้รับผิดชอบ' },
    priority: { type: 'text', description: `ระดับความสำคัญเป็นเครื่องหมายดอกจัน: ${plan.priorities.map((p) => `${p.marks} ${p.label}`).join(' · ')}` },
  };
  return {
    id: 'action-plan',
    title: TABLE_TITLES['action-plan'],
    description: 'หนึ่งแถวต่อหนึ่งโครงการ สิบคอลัมน์ตามตารางแผนปฏิบัติการในเล่มแผน ในสมุดงาน Excel แถวสุดท้ายคือรวมงบประมาณทั้งสิ้น (ไฟล์ CSV ไม่มีแถวรวม)',
    columns: view.columns.map((c) => ({ ...col(c.key, c.header, described[c.key]!.type, widths[c.key]!, described[c.key]!.description), center: c.key === 'order' || c.key === 'priority' })),
    rows: view.rows.map(({ cells: c }) => [
      c.order.value,
      c.name.value,
      linksText(c.fundStrategies),
      linksText(c.strategies),
      listText(c.targets, true),
      listText(c.expectedResults, false),
      c.period.label || NOT_SPECIFIED,
      c.budget.value,
      c.owner.value,
      c.priority.marks,
    ]),
    total: { label: view.total.label, sum: 'budget', value: view.total.budget.value, words: `(${view.total.budgetWords})` },
    key: 2,
  };
}

function budgetTable(id: 'budget-by-strategy' | 'budget-by-priority', description: string, keyHeader: string, t: BudgetTable, plan: Plan, withTotal: boolean): DataTable {
  const order = new Map(plan.projects.map((p) => [p.id, p.order]));
  return {
    id,
    title: TABLE_TITLES[id],
    description,
    columns: [
      col('group', keyHeader, 'text', 60, `${keyHeader}ที่จัดกลุ่ม`),
      col('budget', LABELS.budgetBaht, 'money', 16, 'งบประมาณรวมของโครงการในกลุ่ม หน่วยบาท'),
      col('share', LABELS.share, 'percent', 10, 'ร้อยละของงบประมาณทั้งแผน (ทศนิยมไม่เกินหนึ่งตำแหน่ง)'),
      col('projectCount', LABELS.projectCount, 'integer', 12, 'จำนวนโครงการในกลุ่ม'),
      col('projects', 'โครงการ (ลำดับที่)', 'text', 24, 'ลำดับที่ของโครงการในกลุ่ม คั่นด้วยจุลภาค'),
    ],
    rows: t.rows.map((r) => [r.label, r.budget, sharePercent(r.share), r.projectIds.length, r.projectIds.map((id) => order.get(id)).join(', ')]),
    total: withTotal ? { label: LABELS.total, sum: 'budget', value: t.total.budget } : undefined,
    key: 1,
  };
}

/** Projects × fiscal months: what each project has scheduled in each month. */
export function scheduleTable(plan: Plan): DataTable {
  return {
    id: 'schedule',
    title: TABLE_TITLES.schedule,
    description: `หนึ่งแถวต่อหนึ่งโครงการ หนึ่งคอลัมน์ต่อหนึ่งเดือนของ${plan.yearKind} ${plan.fiscalYear} (ต.ค.–ก.ย.) ในแต่ละเดือนคือกิจกรรมและขั้นตอน PDCA ที่กำหนดไว้ บรรทัดละหนึ่งรายการ ช่องว่างคือเดือนที่ไม่มีกิจกรรม โครงการที่แผนไม่ระบุเดือนเขียนว่า “ไม่ระบุ” ทุกเดือน`,
    columns: [
      col('order', LABELS.order, 'integer', 8, 'ลำดับของโครงการในแผน'),
      col('name', LABELS.project, 'text', 36, 'ชื่อกิจกรรมหรือโครงการ'),
      ...plan.months.map((m) => col(m.key, m.labelShort, 'text', 18, `กิจกรรมในเดือน${m.labelLong} (รหัสเดือน ${m.key})`)),
    ],
    // A project whose source gives no months reads ไม่ระบุ in every month, not as a project with nothing to do.
    key: 2,
    rows: scheduleView(plan).map((r) => [r.project.order, r.project.name, ...r.months.map((m) => (m.items.length ? m.items.map((i) => i.name).join('\n') : r.project.activeMonthIndexes.length ? undefined : NOT_SPECIFIED))]),
  };
}

/** Every KPI of every project, with its newest reported actual. */
export function kpiTable(plan: Plan): DataTable {
  const reports = new Map(plan.reports.map((r) => [r.id, r]));
  return {
    id: 'kpis',
    title: TABLE_TITLES.kpis,
    description: 'หนึ่งแถวต่อหนึ่งตัวชี้วัดของแต่ละโครงการ พร้อมผลล่าสุดจากรายงานความก้าวหน้า (ถ้ามี)',
    columns: [
      col('order', LABELS.order, 'integer', 8, 'ลำดับของโครงการในแผน'),
      col('project', LABELS.project, 'text', 36, 'ชื่อโครงการ'),
      col('kpi', LABELS.kpi, 'text', 44, 'ดัชนีชี้วัดความสำเร็จ'),
      col('target', 'ค่าเป้าหมาย', 'number', 12, 'ค่าเป้าหมาย (ตัวเลข) ว่างเมื่อแผนไม่ระบุ'),
      col('unit', 'หน่วย', 'text', 12, 'หน่วยของค่าเป้าหมายและผล'),
      col('actual', LABELS.actual, 'number', 12, 'ผลล่าสุดที่รายงาน ว่างเมื่อยังไม่มีรายงาน'),
      col('report', 'ตามรายงาน', 'text', 30, 'รายงานที่ให้ผลนั้น'),
      col('met', 'ผลการประเมิน', 'text', 18, `${LABELS.met} หรือ ${LABELS.notMet} เมื่อมีทั้งเป้าหมายและผล`),
    ],
    key: 3,
    rows: plan.projects.flatMap((p) => kpiRows(p).map((r) => [
      p.order, p.name, r.name, r.target?.value, r.target?.unit ?? NOT_SPECIFIED, r.actual?.value,
      r.actual ? reports.get(r.actual.reportId)?.label ?? r.actual.reportId : LABELS.noProgress,
      r.met === undefined ? NOT_SPECIFIED : r.met ? LABELS.met : LABELS.notMet,
    ])),
  };
}

/** Each report × each project: plan against the newest figures as of the report. */
export function progressTable(plan: Plan): DataTable {
  const labels = new Map(plan.reports.map((r) => [r.id, r.label]));
  return {
    id: 'progress',
    title: TABLE_TITLES.progress,
    description: 'หนึ่งแถวต่อหนึ่งโครงการในแต่ละรายงานความก้าวหน้า (รายเดือนและรายไตรมาส) ตัวเลขเป็นค่าสะสม ณ เดือนของรายงาน โครงการที่รายงานนั้นไม่ได้กล่าวถึงแสดงผลล่าสุดก่อนหน้าและบอกว่ามาจากรายงานใด',
    columns: [
      col('report', 'รายงาน', 'text', 30, 'ชื่อรายงานความก้าวหน้า'),
      col('asOf', LABELS.asOf, 'text', 10, 'เดือนที่ตัวเลขเป็นค่าสะสมถึง (พ.ศ.)'),
      col('order', LABELS.order, 'integer', 8, 'ลำดับของโครงการในแผน'),
      col('project', LABELS.project, 'text', 36, 'ชื่อโครงการ'),
      col('reportKind', 'ชนิดรายงาน', 'text', 12, 'รายเดือน หรือ รายไตรมาส'),
      col('asOfKey', 'รหัสเดือน', 'text', 10, 'เดือนเดียวกับ ข้อมูล ณ แบบ ปปปป-ดด (พ.ศ.) เช่น 2567-03 สำหรับเรียงและเชื่อมกับข้อมูลอื่น'),
      col('budget', LABELS.budgetBaht, 'money', 14, 'งบประมาณของโครงการ หน่วยบาท'),
      col('plannedPercent', 'แผน (ร้อยละ)', 'percent', 10, 'ความก้าวหน้าตามแผน: แผนเบิกจ่ายสะสมเป็นร้อยละของงบประมาณ (ทศนิยมไม่เกินหนึ่งตำแหน่ง)'),
      col('percent', 'ผล (ร้อยละ)', 'percent', 10, 'ความก้าวหน้าสะสมที่รายงาน ว่างเมื่อไม่ได้รายงาน'),
      col('plannedSpent', 'แผนเบิกจ่ายสะสม (บาท)', 'money', 14, 'แผนการเบิกจ่ายสะสมถึงเดือนของรายงาน หน่วยบาท'),
      col('plannedBasis', 'ที่มาของแผน', 'text', 26, 'แผนเบิกจ่ายมาจากแผนการใช้จ่ายของโครงการ หรือประมาณจากกำหนดการหรือระยะเวลาโครงการเมื่อไม่มีแผนการใช้จ่าย'),
      col('spent', 'เบิกจ่ายสะสม (บาท)', 'money', 14, 'การเบิกจ่ายสะสมที่รายงาน หน่วยบาท ว่างเมื่อไม่ได้รายงาน'),
      col('status', LABELS.status, 'text', 16, 'สถานะที่รายงาน'),
      col('schedule', 'เทียบแผน', 'text', 20, 'ผลเทียบแผน: ตามแผน ล่าช้ากว่าแผน หรือเร็วกว่าแผน (จุดร้อยละ)'),
      col('source', 'ตามรายงาน', 'text', 30, 'รายงานที่ตัวเลขในแถวนี้มาจาก'),
      col('results', 'ผลการดำเนินงาน', 'text', 44, 'ผลการดำเนินงานตามรายงาน (ข้อความ)'),
      col('problems', 'ปัญหาอุปสรรค', 'text', 40, 'ปัญหาอุปสรรคตามรายงาน (ข้อความ)'),
      col('solutions', 'แนวทางแก้ไข', 'text', 40, 'แนวทางแก้ไขตามรายงาน (ข้อความ)'),
    ],
    key: 4,
    rows: plan.reports.flatMap((report) => reportView(plan, report).rows.map((r) => [
      report.label, report.asOf.labelShort, r.project.order, r.project.name, REPORT_KIND_LABELS[report.kind], report.asOf.key, r.project.budget,
      sharePercent(r.plannedPercent / 100), r.actual?.percent, Math.round(r.plannedSpent * 100) / 100, PLANNED_BASIS_LABELS[r.project.planned.basis], r.actual?.spent,
      r.actual?.statusLabel ?? LABELS.noProgress, scheduleLabel(r.schedule),
      r.actual ? labels.get(r.actual.reportId) ?? r.actual.reportId : LABELS.noProgress,
      plain(r.actual?.results), plain(r.actual?.problems), plain(r.actual?.solutions),
    ])),
  };
}

/** The ids of dataTables(plan), without computing them (file lists, links). */
export function tableIds(plan: Plan): TableId[] {
  const ids: TableId[] = ['action-plan', 'budget-by-strategy', 'budget-by-priority', 'schedule', 'kpis'];
  return plan.reports.length > 0 ? [...ids, 'progress'] : ids;
}

/** Every table of a plan, in the workbook's sheet order; the progress table only when there are reports. */
export function dataTables(plan: Plan, org: Pick<Organisation, 'shortName'>): DataTable[] {
  const tables = [
    actionPlanTable(plan, org),
    budgetTable('budget-by-strategy', 'หนึ่งแถวต่อหนึ่งยุทธศาสตร์ของแผน โครงการที่สอดคล้องกับหลายยุทธศาสตร์นับในทุกยุทธศาสตร์ จึงไม่รวมเป็นยอดเดียว', LABELS.strategy, budgetByStrategy(plan), plan, false),
    budgetTable('budget-by-priority', 'หนึ่งแถวต่อหนึ่งระดับความสำคัญ ในสมุดงาน Excel แถวสุดท้ายคือรวม (ไฟล์ CSV ไม่มีแถวรวม)', LABELS.priority, budgetByPriority(plan), plan, true),
    scheduleTable(plan),
    kpiTable(plan),
  ];
  if (plan.reports.length > 0) tables.push(progressTable(plan));
  return tables;
}

/** A column type in the data dictionary's words. */
export const TYPE_LABELS: Record<ColumnType, string> = {
  integer: 'จำนวนเต็ม',
  number: 'ตัวเลข',
  money: 'จำนวนเงิน (บาท ทศนิยมสองตำแหน่ง)',
  percent: 'ร้อยละ (0–100)',
  text: 'ข้อความ (หลายบรรทัดได้)',
};

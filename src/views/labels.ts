// Labels more than one output prints, spelt once. Field names reuse the schema's Thai field labels
// (src/schema/labels.ts); digits in them are applied by the renderer's Formatter.
import { STATUS_LABELS } from '../model/labels.ts';
import { NOT_SPECIFIED, type FiscalMonth, type FundStrategy, type Organisation, type PlannedBasis, type Report, type Strategy, type Tactic } from '../model/types.ts';
import { FIELD_LABELS } from '../schema/labels.ts';

export { NOT_SPECIFIED, STATUS_LABELS };

export const LABELS = {
  order: FIELD_LABELS.order!,
  project: 'กิจกรรม/โครงการ',
  planStrategies: 'ความสอดคล้องยุทธศาสตร์ด้านเทคโนโลยีสารสนเทศ',
  targets: FIELD_LABELS.targets!,
  quantitative: 'เชิงปริมาณ',
  qualitative: 'เชิงคุณภาพ',
  expectedResults: FIELD_LABELS.expected_results!,
  period: FIELD_LABELS.period!,
  budgetBaht: FIELD_LABELS.budget!,
  owner: FIELD_LABELS.owner!,
  priority: FIELD_LABELS.priority!,
  strategy: 'ยุทธศาสตร์',
  status: FIELD_LABELS.status!,
  percent: FIELD_LABELS.percent!,
  spent: FIELD_LABELS.spent!,
  note: FIELD_LABELS.note!,
  kpi: FIELD_LABELS.kpi!,
  projectCount: 'จำนวนโครงการ',
  share: 'ร้อยละ',
  total: 'รวม',
  grandTotal: 'รวมงบประมาณทั้งสิ้น',
  legend: 'หมายเหตุ',
  unaligned: 'ไม่ระบุยุทธศาสตร์',
  noProgress: 'ยังไม่มีรายงานความก้าวหน้า',
  target: 'เป้าหมาย',
  actual: FIELD_LABELS.actual!,
  met: 'บรรลุเป้าหมาย',
  notMet: 'ยังไม่บรรลุเป้าหมาย',
  asOf: 'ข้อมูล ณ',
} as const;

/** "ยุทธศาสตร์ของเงินทุนหมุนเวียนฯ": the organisation's own strategies, by its short name (the seed book's words). */
export const orgStrategiesLabel = (org: Pick<Organisation, 'shortName'>): string => `ยุทธศาสตร์ของ${org.shortName}`;
/** "ความสอดคล้องยุทธศาสตร์ของเงินทุนหมุนเวียนฯ": the action plan's column. */
export const orgAlignmentLabel = (org: Pick<Organisation, 'shortName'>): string => `ความสอดคล้อง${orgStrategiesLabel(org)}`;
/** Where a project's planned disbursement comes from (Plan's PlannedBasis): its own spending plan, or an estimate. */
export const PLANNED_BASIS_LABELS: Record<PlannedBasis, string> = {
  'spending-plan': 'แผนการใช้จ่ายของโครงการ',
  schedule: 'ประมาณจากกำหนดการ (งบประมาณเฉลี่ยตามเดือนที่มีกิจกรรม)',
  period: 'ประมาณจากระยะเวลาโครงการ (งบประมาณเฉลี่ยทุกเดือน)',
};
/** "รายเดือน" / "รายไตรมาส" */
export const REPORT_KIND_LABELS: Record<Report['kind'], string> = { month: 'รายเดือน', quarter: 'รายไตรมาส' };

/** "ยุทธศาสตร์ที่ 1" */
export const strategyShort = (s: Pick<Strategy | FundStrategy, 'number'>): string => `ยุทธศาสตร์ที่ ${s.number}`;
/** "ยุทธศาสตร์ที่ 1 name" */
export const strategyTitle = (s: Pick<Strategy | FundStrategy, 'number' | 'name'>): string => `${strategyShort(s)} ${s.name}`;
/** "กลยุทธ์ 1.1" */
export const tacticShort = (t: Pick<Tactic, 'number'>): string => `กลยุทธ์ ${t.number}`;
/** "ข้อมูล ณ กุมภาพันธ์ 2561" */
export const asOfText = (m: FiscalMonth): string => `${LABELS.asOf} ${m.labelLong}`;
/** "ตามรายงานประจำเดือนกุมภาพันธ์ 2561": where a reported figure comes from. */
export const fromReport = (r: Pick<Report, 'label'>): string => `ตาม${r.label}`;

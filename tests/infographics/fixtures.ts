// SYNTHETIC TEST FIXTURES — not real data. The seed plan states no progress reports and most of its activities
// lost their months; these variants of the seed model add made-up reports, months and extreme texts so that
// every part of the cards is exercised. Never ship them as content.
import { join } from 'node:path';
import { STATUS_LABELS } from '../../src/model/index.ts';
import { loadPlans } from '../../src/pipeline.ts';
import { bahtText } from '../../src/thai/numbers.ts';
import type { Model, Plan, Project, ProjectProgress, ReportStatus } from '../../src/model/types.ts';

export const root = join(import.meta.dirname, '..', '..');

export function seedModel(): Model {
  const { model } = loadPlans(join(root, 'content'), root);
  if (!model) throw new Error('seed content does not load');
  return model;
}

/** Recomputes what the model derives from activity/PDCA months, for fixtures that change them. */
function reindex(plan: Plan): void {
  for (const p of plan.projects) {
    const set = new Set<number>([...p.activities.flatMap((a) => a.monthIndexes), ...p.pdca.flatMap((s) => (s.month ? [s.month.index] : []))]);
    p.activeMonthIndexes = [...set].sort((a, b) => a - b);
    if (p.activities.some((a) => a.monthIndexes.length)) p.schedule = 'months';
  }
  for (const m of plan.months) plan.activeByMonth[m.key] = plan.projects.filter((p) => p.activeMonthIndexes.includes(m.index)).map((p) => p.id);
}

const progress = (plan: Plan, idx: number, status: ReportStatus, percent: number, spent: number, note?: string): ProjectProgress => ({
  // The ids of the two reports withReports() adds: Q1 (as of December) and March.
  reportId: idx === 2 ? 'synthetic-q1' : `synthetic-${plan.months[idx]!.key}`, asOf: plan.months[idx]!, status, statusLabel: STATUS_LABELS[status], percent, spent, note, kpis: [], evidence: [],
});

/** SYNTHETIC: the seed plan with months for every activity, quarterly progress and monthly key figures. */
export function withReports(): Model {
  const model = structuredClone(seedModel());
  const plan = model.plans[0]!;
  const byId = (id: string) => plan.projects.find((p) => p.id === id)!;
  byId('antivirus').activities.forEach((a, i) => { a.monthIndexes = [i, i + 1].filter((x) => x < 12); });
  byId('infographics').activities.forEach((a, i) => { a.monthIndexes = i === 0 ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : [3, 6, 9]; });
  reindex(plan);
  byId('antivirus').progress = [progress(plan, 2, 'on-track', 40, 0), progress(plan, 5, 'done', 100, 14500)];
  byId('infographics').progress = [progress(plan, 2, 'on-track', 25, 2500), progress(plan, 5, 'delayed', 40, 4000, 'จ้างผู้ผลิตสื่อล่าช้า')];
  byId('debtor-data').progress = [progress(plan, 5, 'on-track', 50, 20000)];
  byId('debtor-data').progress[0]!.kpis = [{ kpi: byId('debtor-data').kpis[0]!, actual: 62 }];
  plan.reports = [
    { id: 'synthetic-q1', kind: 'quarter', months: plan.months.slice(0, 3), asOf: plan.months[2]!, label: 'รายงานไตรมาส 1 (ข้อมูลสมมุติ)', source: 'ข้อมูลสมมุติสำหรับทดสอบ',
      keyFigures: [{ label: 'ลูกหนี้ที่ปรับปรุงข้อมูลแล้ว', value: 1250, unit: 'ราย' }, { label: 'ชำระหนี้คืน', value: 3250000, unit: 'บาท' }, { label: 'ผู้เข้าชมอินโฟกราฟิก', value: 18400, unit: 'ครั้ง' }] },
    { id: 'synthetic-2561-03', kind: 'month', months: [plan.months[5]!], asOf: plan.months[5]!, label: 'รายงานประจำเดือนมีนาคม 2561 (ข้อมูลสมมุติ)', source: 'ข้อมูลสมมุติสำหรับทดสอบ',
      keyFigures: [{ label: 'ลูกหนี้ที่ปรับปรุงข้อมูลแล้วสะสม', value: 4980, unit: 'ราย' }, { label: 'เงินทุนหมุนเวียนที่ให้กู้ยืม', value: 12500000, unit: 'บาท' },
        { label: 'ข้าราชการครูที่ได้รับการช่วยเหลือ', value: 312, unit: 'คน' }, { label: 'ร้อยละการชำระหนี้ตรงเวลา', value: 87, unit: 'ร้อยละ' }, { label: 'ตัวเลขที่ห้า', value: 5 }] },
  ];
  return model;
}

const LONG_NAME = 'โครงการพัฒนาระบบสารสนเทศเพื่อการบริหารจัดการเงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครูและบุคลากรทางการศึกษาทั่วประเทศ'
  .repeat(3).slice(0, 300);
const LONG_WITH_SPACES = Array.from({ length: 40 }, (_, i) => `คำที่${i + 1} Word${i + 1}`).join(' ').slice(0, 300);

/** SYNTHETIC extremes: 40 activities in one month (2561-03), 300-character names (with and without spaces),
 *  twelve projects, a long vision, no project at all in 2560-10, key figures with long labels. */
export function extremes(): Model {
  const model = withReports();
  const plan = model.plans[0]!;
  const base = plan.projects.find((p) => p.id === 'antivirus')!;
  const big: Project = structuredClone(base);
  big.id = 'synthetic-forty';
  big.order = 5;
  big.name = LONG_NAME;
  big.activities = Array.from({ length: 40 }, (_, i) => ({ name: `กิจกรรมที่ ${i + 1} ${'ตรวจสอบและปรับปรุงข้อมูลลูกหนี้รายตัวให้เป็นปัจจุบันครบถ้วนถูกต้อง'.slice(0, 20 + (i % 5) * 8)}`, monthIndexes: [5, 6] }));
  big.pdca = [];
  big.progress = [progress(plan, 5, 'delayed', 7, 123456789, 'หมายเหตุยาวมาก '.repeat(20))];
  big.budget = 987654321;
  big.budgetWords = bahtText(big.budget);
  big.kpis = Array.from({ length: 9 }, (_, i) => ({ id: `k${i}`, name: `ตัวชี้วัด ${i}`, text: `ตัวชี้วัดที่ ${i + 1} ${LONG_WITH_SPACES.slice(0, 120)}` }));
  big.expectedResults = Array.from({ length: 6 }, () => LONG_WITH_SPACES);
  const spaced: Project = structuredClone(base);
  spaced.id = 'synthetic-spaced';
  spaced.order = 6;
  spaced.name = LONG_WITH_SPACES;
  spaced.activities = [{ name: LONG_WITH_SPACES, monthIndexes: [5] }];
  spaced.progress = [];
  const fillers: Project[] = Array.from({ length: 6 }, (_, i) => {
    const p: Project = structuredClone(base);
    p.id = `synthetic-filler-${i}`;
    p.order = 7 + i;
    p.name = `โครงการสมมุติที่ ${i + 1}`;
    p.activities = [{ name: 'กิจกรรมสมมุติ', monthIndexes: [5, 8] }];
    p.progress = [];
    return p;
  });
  plan.projects.unshift(big, spaced);
  plan.projects.push(...fillers);
  // No project in October: move everything out of month 0.
  for (const p of plan.projects) for (const a of p.activities) a.monthIndexes = a.monthIndexes.filter((m) => m !== 0);
  reindex(plan);
  plan.vision = `${plan.vision} ${LONG_WITH_SPACES}`;
  plan.reports[1]!.keyFigures = plan.reports[1]!.keyFigures.map((k) => ({ ...k, label: `${k.label} ${LONG_NAME.slice(0, 80)}`, value: k.value * 1000 }));
  plan.totals.projectCount = plan.projects.length;
  plan.totals.budget = plan.projects.reduce((a, p) => a + p.budget, 0);
  plan.totals.budgetWords = bahtText(plan.totals.budget);
  return model;
}

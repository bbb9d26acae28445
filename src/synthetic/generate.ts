// Synthetic plans for benchmarks and scale tests: deterministic from a seed number, realistic Thai text
// (sentences reused from the FY2561 plan), and marked synthetic in every title and report source.
// Never shipped as content: the agency's real content must come from real sources.
import { join } from 'node:path';
import { writeContentFile } from '../loader/write.ts';

export const SYNTHETIC_MARK = '(ข้อมูลสังเคราะห์)';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'การใช้งานคอมพิวเตอร์โดยทั่วไปของเงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครูมีปัญหาเครื่องติดไวรัสอาจทำให้การทำงานขององค์กรหยุดชะงัก',
  'ข้อมูลเสียหาย หรือ ข้อมูลสูญหาย ซึ่งเป็นปัญหาที่ต้องมีการจัดการโดยจัดระบบป้องกันไวรัสมาแก้ไขปัญหาดังกล่าว',
  'ด้วยข้อมูลที่ถูกคัดกรองมาเป็นอย่างดี ทำให้เข้าใจได้ง่าย เป็นวิธีการนำเสนอข้อมูลเชิงสร้างสรรค์ในมุมมองที่แปลกตาทันสมัย ทันต่อเหตุการณ์',
  'เพื่อให้ทุกหน่วยงานมีแนวทางและทิศทางที่ชัดเจน สามารถตรวจสอบผลสัมฤทธิ์ของงานได้',
  'แผนปฏิบัติการจะเป็นเครื่องมือสำคัญในการนำกลยุทธ์ไปสู่การปฏิบัติ ตามแผนงาน/โครงการที่วางไว้ และนำไปสู่เป้าหมายเดียวกัน',
  'เนื่องจากข้าราชการครูการโอนย้าย สังกัดหรือพ้นสภาพจากการเป็นข้าราชการครูทำให้ข้อมูลไม่เป็นปัจจุบัน จึงต้องมีการปรับปรุงและแก้ไขข้อมูลให้เป็นปัจจุบันถูกต้องมากที่สุด',
  'การจัดทำแผนจึงมีความสำคัญอย่างมากในการบริหารงานทำให้เกิดการเตรียมพร้อมรองรับสถานการณ์ต่างๆ ได้อย่างมีประสิทธิภาพ',
  'หลายโครงการได้รับการออกแบบให้ทำงานโดยอิสระแต่ยังสามารถรองรับการเชื่อมต่อกับระบบงานในโครงการอื่นๆ ได้',
];
const PROJECT_NAMES = [
  'โครงการจัดซื้อระบบป้องกันไวรัส', 'โครงการการผลิตสื่อในรูปแบบ (Information Graphic)', 'โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว',
  'โครงการพัฒนาระบบติดตามหนี้ค้างชำระ', 'โครงการจัดหาเครื่องคอมพิวเตอร์ทดแทน', 'โครงการพัฒนาศักยภาพบุคลากรด้านดิจิทัล',
  'โครงการเชื่อมโยงข้อมูลกับ ธ.ก.ส.', 'โครงการจัดทำ/ทบทวน แผนดิจิทัล',
];
const ACTIVITIES = [
  'สำรวจและวิเคราะห์ ความต้องการใช้งานและสภาพของอุปกรณ์ที่ใช้อยู่ปัจจุบัน', 'จัดตั้งคณะกรรมการกำหนดคุณลักษณะเฉพาะและราคากลาง',
  'ดำเนินการจัดซื้อ', 'ตรวจสอบมอบงาน พร้อมจัดส่งและติดตั้งครุภัณฑ์', 'จัดประชุมเพื่อทบทวนแผนดิจิทัล', 'ปรับปรุงฐานข้อมูล',
  'สรุปผลการดำเนินงาน/จัดทำรูปเล่ม', 'ผลิตสื่อในรูปแบบ (Information Graphic) เป็นประจำทุกเดือน',
];
/** Statuses of a project under way (as many entries as before, so the random sequence is unchanged). */
const REPORTED_STATUSES = ['on-track', 'on-track', 'on-track', 'delayed'] as const;

export interface SyntheticOptions {
  seed: number;
  plans: number;
  projectsPerPlan: number;
  /** Monthly reports for the first N months of each plan (0–12). */
  reportMonths?: number;
  firstYear?: number;
}

/** Writes a complete content folder (organisation + plans) into `dir`. */
export function generateContent(dir: string, opts: SyntheticOptions): void {
  const rand = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const para = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const header = [`ข้อมูลสังเคราะห์ seed=${opts.seed}: generated for benchmarks and tests, not a real plan`];

  writeContentFile(join(dir, 'organisation.yaml'), {
    name: `เงินทุนหมุนเวียนตัวอย่าง ${SYNTHETIC_MARK}`,
    short_name: 'เงินทุนหมุนเวียนฯ',
    parents: ['สำนักงานตัวอย่าง'],
    units: [
      { id: 'monitoring-group', name: 'กลุ่มติดตามการดำเนินงานเงินทุนหมุนเวียน' },
      { id: 'it-group', name: 'กลุ่มเทคโนโลยีสารสนเทศ' },
    ],
    strategies: [1, 2, 3, 4].map((n) => ({ id: `fund-${n}`, number: n, name: `ยุทธศาสตร์องค์กรที่ ${n} ${pick(SENTENCES).slice(0, 60)}` })),
  }, header);

  const firstYear = opts.firstYear ?? 2561;
  for (let i = 0; i < opts.plans; i++) {
    const fy = firstYear + i;
    const pdir = join(dir, 'plans', String(fy));
    const yy = (y: number) => String(y % 100).padStart(2, '0');
    writeContentFile(join(pdir, 'plan.yaml'), {
      fiscal_year: fy,
      year_kind: 'ปีบัญชี',
      title: `แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. ${fy} ${SYNTHETIC_MARK}`,
      parent_plan: `แผนดิจิทัล พ.ศ. ${fy} - ${fy + 2}`,
      prepared_by: 'monitoring-group',
      introduction: `${para(4)}\n\n${para(3)}\n`,
      vision: pick(SENTENCES),
      missions: [para(1), para(1), para(1)],
      goals: [para(1), para(1), para(1), para(1)],
      strategies: [1, 2, 3].map((n) => ({
        id: `s${n}`,
        name: pick(SENTENCES).slice(0, 80),
        tactics: [1, 2].map((t) => ({ id: `s${n}-t${t}`, name: pick(SENTENCES).slice(0, 70) })),
      })),
      action_plan_intro: para(2),
      priorities: [
        { id: 'high', stars: 3, label: 'ระดับสำคัญมาก' },
        { id: 'medium', stars: 2, label: 'ระดับสำคัญปานกลาง' },
        { id: 'low', stars: 1, label: 'ระดับสำคัญน้อย' },
      ],
    }, header);

    const months = Array.from({ length: 12 }, (_, k) => (k < 3 ? `${fy - 1}-${String(10 + k)}` : `${fy}-${String(k - 2).padStart(2, '0')}`));
    const budgets: number[] = [];
    for (let p = 1; p <= opts.projectsPerPlan; p++) {
      const s = int(1, 3);
      const budget = int(1, 200) * 5000;
      budgets.push(budget);
      const usePdca = rand() < 0.4;
      const first = int(0, 8);
      writeContentFile(join(pdir, 'projects', `p${String(p).padStart(4, '0')}.yaml`), {
        order: p,
        name: `${pick(PROJECT_NAMES)} ระยะที่ ${p}`,
        fund_strategies: rand() < 0.5 ? [`fund-${int(1, 4)}`] : [],
        strategies: [`s${s}`],
        tactics: [`s${s}-t${int(1, 2)}`],
        targets: { quantitative: [para(1)], qualitative: [para(1)] },
        expected_results: [para(1), para(1)],
        period: { start: `${fy - 1}-10`, end: `${fy}-09` },
        budget,
        owner: pick(['monitoring-group', 'it-group']),
        priority: pick(['high', 'medium', 'low']),
        rationale: `${para(3)}\n\n${para(2)}\n`,
        objectives: [para(1), para(1)],
        scope: `- ${para(1)}\n- ${para(1)}\n`,
        ...(rand() < 0.3 ? { procurement: pick(['extend', 'new', 'replace']) } : {}),
        ...(usePdca
          ? {
              pdca: (['plan', 'do', 'check', 'act'] as const).map((phase, k) => ({
                phase,
                month: months[Math.min(11, first + k)],
                activities: [pick(ACTIVITIES), pick(ACTIVITIES)],
              })),
            }
          : {
              activities: Array.from({ length: int(2, 6) }, (_, k) => ({
                name: pick(ACTIVITIES),
                months: months.slice(Math.min(11, first + k), Math.min(12, first + k + int(1, 3))),
              })),
            }),
        kpis: [
          { id: 'kpi-1', name: 'มีการดำเนินการครบถ้วน', target: { value: int(70, 100), unit: 'ร้อยละ' } },
          { id: 'kpi-2', name: 'ความพึงพอใจของผู้รับบริการ' },
        ],
        monitoring: { cadence: pick(['monthly', 'quarterly', 'periodic']) },
      }, header);
    }

    const reportMonths = opts.reportMonths ?? 0;
    // Cumulative figures never go down and a started project is never "not started": the reports are coherent,
    // so the cross-checks stay quiet (and timings measure validation, not thousands of warnings).
    const lastPct = budgets.map(() => 0);
    for (let m = 0; m < reportMonths; m++) {
      writeContentFile(join(pdir, 'reports', `${months[m]}.yaml`), {
        month: months[m],
        source: `รายงานสังเคราะห์ประจำเดือน ${months[m]} ${SYNTHETIC_MARK}`,
        projects: budgets.map((budget, k) => {
          const pct = Math.max(lastPct[k]!, Math.min(100, Math.round(((m + 1) / 12) * 100 * (0.6 + rand() * 0.6))));
          lastPct[k] = pct;
          return {
            project: `p${String(k + 1).padStart(4, '0')}`,
            status: pct >= 100 ? 'done' : pick(REPORTED_STATUSES),
            percent: pct,
            spent: Math.round((budget * pct) / 100 / 100) * 100,
            kpis: [{ kpi: 'kpi-1', actual: int(40, 100) }],
          };
        }),
        key_figures: [
          { label: 'ลูกหนี้ที่ชำระหนี้ครบ', value: int(100, 5000), unit: 'ราย' },
          { label: 'เงินที่ได้รับชำระคืน', value: int(1, 90) * 100000, unit: 'บาท' },
          { label: `ผู้เข้าชมสื่อ Information Graphic ${yy(fy)}`, value: int(500, 20000), unit: 'ครั้ง' },
        ],
      }, header);
    }
  }
}

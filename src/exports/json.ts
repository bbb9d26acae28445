// The whole plan model as one JSON file for open data, and its JSON Schema. The zod schema below is the
// one description of the file: the mapping from the model is typed against it (a model change that
// breaks the file breaks the typecheck), every export is parsed with it (strict objects: a key the schema
// does not list fails the build), the keys come out in the schema's order, and the JSON Schema published
// beside the file is generated from it. References are by id; Markdown fields are plain text; every key
// is always present, null where the plan does not say (the site and the PDFs print ไม่ระบุ there).
import { z } from 'zod';
import { markdownToPlainText, type FiscalMonth, type Model, type Plan, type Project, type Report, type Unit } from '../model/index.ts';
import type { Root } from 'mdast';

/** Bumped when a key is renamed or removed, so a reader can tell. */
export const DATA_FORMAT = 'action-plan-data/1';

const d = <T extends z.ZodType>(t: T, description: string): T => t.meta({ description });
const text = z.string();
const nullable = <T extends z.ZodType>(t: T, description: string) => d(t.nullable(), description);
const id = d(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), 'รหัส (ตัวอักษรอังกฤษตัวเล็ก ตัวเลข และขีด)');
const ids = (what: string) => d(z.array(id), `รหัสของ${what}`);
const monthKey = d(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), 'เดือนแบบ พ.ศ. ปี-เดือน เช่น 2561-02');
const baht = d(z.number(), 'จำนวนเงิน หน่วยบาท');
const lines = (what: string) => d(z.array(text), what);
const obj = z.strictObject;

const Unit = obj({ id, name: text });
const Month = obj({
  key: monthKey,
  year: d(z.number().int(), 'ปี พ.ศ.'),
  month: d(z.number().int().min(1).max(12), 'เดือน 1–12'),
  index: d(z.number().int().min(0).max(11), 'ลำดับเดือนในปีงบประมาณ 0 (ต.ค.) ถึง 11 (ก.ย.)'),
  quarter: d(z.number().int().min(1).max(4), 'ไตรมาส'),
  labelLong: d(text, 'เช่น ตุลาคม 2560'),
  labelShort: d(text, 'เช่น ต.ค. 60'),
});
const Day = obj({ key: d(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), 'วันที่แบบ พ.ศ. เช่น 2561-04-17'), label: d(text, 'เช่น 17 เมษายน 2561') });
const Targets = obj({ overall: lines('เป้าหมายภาพรวม'), quantitative: lines('เป้าหมายเชิงปริมาณ'), qualitative: lines('เป้าหมายเชิงคุณภาพ') });
const Kpi = obj({
  id,
  name: d(text, 'ชื่อตัวชี้วัด'),
  target: nullable(obj({ value: z.number(), unit: z.string().nullable() }), 'ค่าเป้าหมายและหน่วย'),
  text: d(text, 'ตัวชี้วัดพร้อมเป้าหมายเป็นข้อความเดียว ตามที่เล่มแผนพิมพ์'),
});
const Progress = obj({
  reportId: id,
  asOf: d(monthKey, 'เดือนที่ตัวเลขเป็นค่าสะสมถึง'),
  status: z.enum(['not-started', 'on-track', 'delayed', 'done', 'cancelled']),
  statusLabel: d(text, 'สถานะเป็นภาษาไทย'),
  percent: nullable(z.number(), 'ความก้าวหน้าสะสม (ร้อยละ)'),
  spent: nullable(z.number(), 'เบิกจ่ายสะสม (บาท)'),
  note: nullable(text, 'หมายเหตุ'),
  kpis: z.array(obj({ kpiId: id, actual: z.number() })),
  results: nullable(text, 'ผลการดำเนินงาน'),
  problems: nullable(text, 'ปัญหาอุปสรรค'),
  solutions: nullable(text, 'แนวทางแก้ไข'),
  evidence: z.array(obj({ title: text, url: z.string().nullable(), file: d(z.string().nullable(), 'ไฟล์หลักฐานในเว็บไซต์ (เส้นทางจาก content/)') })),
});
const ProjectData = obj({
  id,
  order: d(z.number().int(), 'ลำดับที่'),
  name: d(text, 'ชื่อโครงการ'),
  fundStrategyIds: ids('ยุทธศาสตร์ของหน่วยงานที่สอดคล้อง'),
  strategyIds: ids('ยุทธศาสตร์ของแผนที่สอดคล้อง'),
  tacticIds: ids('กลยุทธ์ที่สอดคล้อง'),
  targets: nullable(Targets, 'เป้าหมายตามรายละเอียดโครงการ'),
  expectedResults: lines('ผลที่คาดว่าจะได้รับ'),
  table: d(obj({ targets: Targets.nullable(), expectedResults: lines('ผลที่คาดว่าจะได้รับ') }), 'ถ้อยคำที่ตารางแผนปฏิบัติการใช้ (สรุป)'),
  period: obj({ start: monthKey.nullable(), end: monthKey.nullable(), label: d(text, 'ระยะเวลาเป็นข้อความ') }),
  budget: baht,
  budgetWords: d(text, 'งบประมาณเป็นตัวอักษร'),
  budgetBreakdown: z.array(obj({ item: text, amount: baht })),
  ownerId: d(id, 'หน่วยงานผู้รับผิดชอบ (รหัสใน organisation.units)'),
  priorityId: d(id, 'ระดับความสำคัญ (รหัสใน plan.priorities)'),
  rationale: nullable(text, 'หลักการและเหตุผล'),
  objectives: lines('วัตถุประสงค์'),
  scope: nullable(text, 'ขอบเขตการดำเนินงาน'),
  procurement: nullable(obj({ kind: z.enum(['extend', 'new', 'replace']).nullable(), label: z.string().nullable() }), 'การจัดหา (null: ไม่ใช่โครงการจัดหา)'),
  activities: z.array(obj({ name: text, months: d(z.array(monthKey), 'เดือนที่ดำเนินกิจกรรม'), ownerId: id.nullable() })),
  pdca: z.array(obj({ phase: z.enum(['plan', 'do', 'check', 'act']), label: text, month: monthKey.nullable(), activities: lines('กิจกรรมของขั้นตอน'), ownerId: id.nullable() })),
  schedule: d(z.enum(['months', 'pdca', 'none']), 'รูปแบบกำหนดการ: รายเดือน ตาราง PDCA หรือไม่ระบุ'),
  activeMonths: d(z.array(monthKey), 'เดือนที่มีกิจกรรมหรือขั้นตอน PDCA'),
  kpis: z.array(Kpi),
  monitoring: nullable(obj({ cadence: text, label: text }), 'การติดตามประเมินผล'),
  planned: d(obj({
    basis: d(z.enum(['spending-plan', 'schedule', 'period']), 'ที่มาของแผนการเบิกจ่าย: แผนการใช้จ่ายงบประมาณ หรือประมาณจากกำหนดการ/ระยะเวลา'),
    cumulative: d(z.array(z.number()).length(12), 'แผนเบิกจ่ายสะสมสิ้นแต่ละเดือน ต.ค.–ก.ย. (บาท)'),
  }), 'แผนการเบิกจ่าย'),
  progress: d(z.array(Progress), 'ความก้าวหน้าตามรายงาน เก่าไปใหม่'),
  missingSections: lines('หัวข้อของรายละเอียดโครงการที่แผนไม่ระบุ'),
});
const ReportData = obj({
  id,
  kind: z.enum(['month', 'quarter']),
  months: z.array(monthKey),
  asOf: monthKey,
  label: text,
  source: d(text, 'ที่มาของข้อมูล'),
  keyFigures: z.array(obj({ label: text, value: z.number(), unit: z.string().nullable() })),
  reporter: nullable(obj({ unitId: id.nullable(), name: text }), 'ผู้รายงาน'),
  reportedOn: nullable(Day, 'วันที่รายงาน'),
  approval: nullable(obj({ by: text, on: Day }), 'การอนุมัติ'),
});
const Group = obj({ id, budget: baht, share: d(z.number(), 'สัดส่วนของงบประมาณทั้งแผน 0–1'), projectIds: ids('โครงการในกลุ่ม') });

export const PlanData = obj({
  format: z.literal(DATA_FORMAT),
  organisation: obj({
    name: text,
    shortName: text,
    parents: lines('หน่วยงานต้นสังกัด'),
    units: z.array(Unit),
    fundStrategies: z.array(obj({ id, number: z.number().int(), name: text, projectIds: ids('โครงการที่สอดคล้อง') })),
    siteUrl: nullable(z.string(), 'ที่อยู่เว็บไซต์ของแผน'),
  }),
  plan: obj({
    id,
    fiscalYear: d(z.number().int(), 'ปีงบประมาณหรือปีบัญชี (พ.ศ.)'),
    yearKind: z.enum(['ปีบัญชี', 'ปีงบประมาณ']),
    title: text,
    parentPlan: z.string().nullable(),
    preparedById: id,
    introduction: nullable(text, 'บทนำ'),
    vision: nullable(text, 'วิสัยทัศน์'),
    missions: lines('พันธกิจ'),
    goals: lines('เป้าประสงค์'),
    actionPlanIntro: z.string().nullable(),
    strategies: z.array(obj({ id, number: z.number().int(), name: text, projectIds: ids('โครงการที่สอดคล้อง'), tactics: z.array(obj({ id, number: text, name: text, projectIds: ids('โครงการที่สอดคล้อง') })) })),
    priorities: z.array(obj({ id, stars: z.number().int(), label: text, marks: text })),
    months: d(z.array(Month).length(12), 'เดือนของปี ต.ค.–ก.ย.'),
    quarters: z.array(obj({ quarter: z.number().int(), months: z.array(monthKey), label: text })),
    totals: obj({
      budget: baht,
      budgetWords: text,
      projectCount: z.number().int(),
      byStrategy: d(z.array(Group), 'โครงการที่สอดคล้องกับหลายยุทธศาสตร์นับในทุกยุทธศาสตร์'),
      byPriority: z.array(Group),
      unaligned: obj({ budget: baht, projectIds: ids('โครงการที่ไม่ระบุยุทธศาสตร์') }),
    }),
    revision: nullable(obj({
      number: z.number().int(),
      label: d(text, 'เช่น ฉบับปรับปรุง ครั้งที่ 1'),
      approvedOn: Day.nullable(),
      approvedBy: z.string().nullable(),
      reason: z.string().nullable(),
      projectReasons: d(z.record(z.string(), text), 'เหตุผลของการปรับปรุงรายโครงการ: รหัสโครงการ → เหตุผล'),
    }), 'แผนฉบับปรับปรุง (null: แผนฉบับที่อนุมัติครั้งแรก)'),
    editions: d(z.array(obj({
      number: d(z.number().int(), '0 = แผนฉบับเดิม, N = ฉบับปรับปรุง ครั้งที่ N'),
      label: text,
      ref: d(z.string(), 'git tag หรือ commit ของฉบับนั้น'),
      commit: nullable(z.string(), 'commit ที่ ref ชี้ในเวลาที่สร้างไฟล์'),
      approvedOn: Day.nullable(),
    })), 'ฉบับที่อนุมัติก่อนหน้า เก่าไปใหม่'),
  }),
  projects: d(z.array(ProjectData), 'โครงการตามลำดับที่'),
  reports: d(z.array(ReportData), 'รายงานความก้าวหน้า ตามลำดับเดือน'),
}).meta({ title: 'ข้อมูลแผนปฏิบัติการดิจิทัล', description: 'แผนทั้งแผนจากแบบจำลองเดียวกับที่เว็บไซต์และเล่มแผน PDF ใช้' });

export type PlanDataJson = z.input<typeof PlanData>;

const md = (r: Root | undefined): string | null => (r ? markdownToPlainText(r) : null);
const mk = (m: FiscalMonth | undefined): string | null => m?.key ?? null;
const unitId = (u: Unit | undefined): string | null => u?.id ?? null;
const keysOf = (plan: Plan, indexes: number[]): string[] => indexes.map((i) => plan.months[i]!.key);

function projectData(plan: Plan, p: Project): PlanDataJson['projects'][number] {
  const targets = (t: Project['targets']) => (t ? { overall: t.overall, quantitative: t.quantitative, qualitative: t.qualitative } : null);
  return {
    id: p.id, order: p.order, name: p.name,
    fundStrategyIds: p.fundStrategies.map((s) => s.id), strategyIds: p.strategies.map((s) => s.id), tacticIds: p.tactics.map((t) => t.id),
    targets: targets(p.targets), expectedResults: p.expectedResults,
    table: { targets: targets(p.table.targets), expectedResults: p.table.expectedResults },
    period: { start: mk(p.period.start), end: mk(p.period.end), label: p.period.label },
    budget: p.budget, budgetWords: p.budgetWords, budgetBreakdown: p.budgetBreakdown.map((b) => ({ item: b.item, amount: b.amount })),
    ownerId: p.owner.id, priorityId: p.priority.id,
    rationale: md(p.rationale), objectives: p.objectives, scope: md(p.scope),
    procurement: p.procurement === undefined ? null : { kind: p.procurement?.kind ?? null, label: p.procurement?.label ?? null },
    activities: p.activities.map((a) => ({ name: a.name, months: keysOf(plan, a.monthIndexes), ownerId: unitId(a.owner) })),
    pdca: p.pdca.map((s) => ({ phase: s.phase, label: s.label, month: mk(s.month), activities: s.activities, ownerId: unitId(s.owner) })),
    schedule: p.schedule, activeMonths: keysOf(plan, p.activeMonthIndexes),
    kpis: p.kpis.map((k) => ({ id: k.id, name: k.name, target: k.target ? { value: k.target.value, unit: k.target.unit ?? null } : null, text: k.text })),
    monitoring: p.monitoring ? { cadence: p.monitoring.cadence, label: p.monitoring.label } : null,
    planned: { basis: p.planned.basis, cumulative: p.planned.cumulative },
    progress: p.progress.map((pr) => ({
      reportId: pr.reportId, asOf: pr.asOf.key, status: pr.status, statusLabel: pr.statusLabel,
      percent: pr.percent ?? null, spent: pr.spent ?? null, note: pr.note ?? null,
      kpis: pr.kpis.map((k) => ({ kpiId: k.kpi.id, actual: k.actual })),
      results: md(pr.results), problems: md(pr.problems), solutions: md(pr.solutions),
      evidence: pr.evidence.map((e) => ({ title: e.title, url: e.url ?? null, file: e.file ?? null })),
    })),
    missingSections: p.missingSections,
  };
}

function reportData(r: Report): PlanDataJson['reports'][number] {
  return {
    id: r.id, kind: r.kind, months: r.months.map((m) => m.key), asOf: r.asOf.key, label: r.label, source: r.source,
    keyFigures: r.keyFigures.map((k) => ({ label: k.label, value: k.value, unit: k.unit ?? null })),
    reporter: r.reporter ? { unitId: unitId(r.reporter.unit), name: r.reporter.name } : null,
    reportedOn: r.reportedOn ? { key: r.reportedOn.key, label: r.reportedOn.label } : null,
    approval: r.approval ? { by: r.approval.by, on: { key: r.approval.on.key, label: r.approval.on.label } } : null,
  };
}

/** The plan as the JSON file holds it (parsed: schema order, checked). */
export function planData(model: Model, plan: Plan): z.output<typeof PlanData> {
  const o = model.organisation;
  const group = (g: Plan['totals']['byStrategy'][number] | Plan['totals']['byPriority'][number]) => ({ id: g.key.id, budget: g.budget, share: g.share, projectIds: g.projectIds });
  return PlanData.parse({
    format: DATA_FORMAT,
    organisation: {
      name: o.name, shortName: o.shortName, parents: o.parents,
      units: o.units.map((u) => ({ id: u.id, name: u.name })),
      fundStrategies: o.strategies.map((s) => ({ id: s.id, number: s.number, name: s.name, projectIds: s.projectIds })),
      siteUrl: o.siteUrl ?? null,
    },
    plan: {
      id: plan.id, fiscalYear: plan.fiscalYear, yearKind: plan.yearKind, title: plan.title, parentPlan: plan.parentPlan ?? null,
      preparedById: plan.preparedBy.id, introduction: md(plan.introduction), vision: plan.vision ?? null,
      missions: plan.missions, goals: plan.goals, actionPlanIntro: md(plan.actionPlanIntro),
      strategies: plan.strategies.map((s) => ({ id: s.id, number: s.number, name: s.name, projectIds: s.projectIds, tactics: s.tactics.map((t) => ({ id: t.id, number: t.number, name: t.name, projectIds: t.projectIds })) })),
      priorities: plan.priorities.map((p) => ({ id: p.id, stars: p.stars, label: p.label, marks: p.marks })),
      months: plan.months.map((m) => ({ key: m.key, year: m.year, month: m.month, index: m.index, quarter: m.quarter, labelLong: m.labelLong, labelShort: m.labelShort })),
      quarters: plan.quarters.map((q) => ({ quarter: q.quarter, months: q.months.map((m) => m.key), label: q.label })),
      totals: {
        budget: plan.totals.budget, budgetWords: plan.totals.budgetWords, projectCount: plan.totals.projectCount,
        byStrategy: plan.totals.byStrategy.map(group), byPriority: plan.totals.byPriority.map(group),
        unaligned: { budget: plan.totals.unaligned.budget, projectIds: plan.totals.unaligned.projectIds },
      },
      revision: plan.revision
        ? { number: plan.revision.number, label: plan.revision.label, approvedOn: plan.revision.approvedOn ?? null, approvedBy: plan.revision.approvedBy ?? null, reason: plan.revision.reason ?? null, projectReasons: plan.revision.projectReasons }
        : null,
      // An edition's whole model is its own file (its book under editions/), not part of this one.
      editions: plan.editions.map((e) => ({ number: e.number, label: e.label, ref: e.ref, commit: e.commit ?? null, approvedOn: e.approvedOn ?? null })),
    },
    projects: plan.projects.map((p) => projectData(plan, p)),
    reports: plan.reports.map(reportData),
  } satisfies PlanDataJson);
}

/** plan-<year>.json: two-space indented, keys in the schema's order, a final newline. */
export function renderPlanJson(model: Model, plan: Plan): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(planData(model, plan), null, 2)}\n`);
}

/** plan.schema.json: the JSON Schema (draft 2020-12) of plan-<year>.json, generated from PlanData. */
export function renderPlanSchema(): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(z.toJSONSchema(PlanData, { target: 'draft-2020-12' }), null, 2)}\n`);
}

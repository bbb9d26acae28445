// content/plans/<year>/projects/<id>.yaml: one project, every column of the action-plan table and
// every section 1–10 of its detail sheet. The file name is the project's id.
import { z } from 'zod';
import { field } from './labels.ts';
import { Baht, Markdown, Month, Slug, Text, TextList } from './primitives.ts';

export const Targets = z
  .strictObject({
    overall: TextList.optional().meta(field('overall', 'เป้าหมายที่ไม่ได้แยกเชิงปริมาณ/เชิงคุณภาพ')),
    quantitative: TextList.optional().meta(field('quantitative')),
    qualitative: TextList.optional().meta(field('qualitative')),
  })
  .meta(field('targets'));

export const Activity = z.strictObject({
  name: Text.meta(field('name')),
  months: z.array(Month).optional().meta(field('months', 'รายการเดือน เช่น [2560-10, 2560-11]')),
  owner: Slug.optional().meta(field('owner', 'รหัสหน่วยงาน')),
});

export const PDCA_PHASES = ['plan', 'do', 'check', 'act'] as const;

export const PdcaStep = z.strictObject({
  phase: z.enum(PDCA_PHASES, { error: 'ขั้นตอนต้องเป็น plan, do, check หรือ act' }).meta(field('phase')),
  month: Month.optional().meta(field('month')),
  activities: TextList.min(1, { error: 'ต้องมีกิจกรรมอย่างน้อย 1 รายการ' }).meta(field('activities')),
  owner: Slug.optional().meta(field('owner', 'รหัสหน่วยงาน')),
});

export const Kpi = z.strictObject({
  id: Slug.meta(field('id')),
  name: Text.meta(field('name', 'เช่น มีการปรับปรุงข้อมูลครบถ้วน')),
  target: z
    .strictObject({
      value: z.number({ error: 'ค่าเป้าหมายต้องเป็นตัวเลข' }).meta(field('value')),
      unit: Text.optional().meta(field('unit', 'เช่น ร้อยละ, เครื่อง, แผน')),
    })
    .optional()
    .meta(field('target')),
});

export const PROCUREMENT_KINDS = ['extend', 'new', 'replace'] as const;
export const CADENCES = ['monthly', 'quarterly', 'periodic', 'yearly'] as const;

export const Project = z
  .strictObject({
    order: z.number({ error: 'ลำดับที่ต้องเป็นตัวเลข เช่น 1' }).int().positive().meta(field('order')),
    name: Text.meta(field('name', 'ชื่อกิจกรรม/โครงการ')),
    fund_strategies: z.array(Slug).default([]).meta(field('fund_strategies', 'รหัสยุทธศาสตร์ขององค์กรใน organisation.yaml')),
    strategies: z.array(Slug).default([]).meta(field('strategies', 'รหัสยุทธศาสตร์ของแผนนี้ใน plan.yaml')),
    tactics: z.array(Slug).default([]).meta(field('tactics', 'รหัสกลยุทธ์ใน plan.yaml')),
    targets: Targets.optional(),
    expected_results: TextList.optional().meta(field('expected_results')),
    summary: z
      .strictObject({ targets: Targets.optional(), expected_results: TextList.optional().meta(field('expected_results')) })
      .optional()
      .meta(field('summary', 'ใส่เฉพาะเมื่อตารางแผนปฏิบัติการใช้ถ้อยคำต่างจากรายละเอียดโครงการ')),
    period: z
      .strictObject({ start: Month.meta(field('start')), end: Month.meta(field('end')) })
      .meta(field('period')),
    budget: Baht.meta(field('budget')),
    budget_breakdown: z
      .array(z.strictObject({ item: Text.meta(field('item')), amount: Baht.meta(field('amount')) }))
      .optional()
      .meta(field('budget_breakdown')),
    owner: Slug.meta(field('owner', 'รหัสหน่วยงานใน organisation.yaml')),
    priority: Slug.meta(field('priority', 'รหัสระดับความสำคัญใน plan.yaml เช่น high')),
    rationale: Markdown.optional().meta(field('rationale')),
    objectives: TextList.optional().meta(field('objectives')),
    scope: Markdown.optional().meta(field('scope')),
    procurement: z
      .enum(PROCUREMENT_KINDS, { error: 'การจัดหาต้องเป็น extend (ขยายระบบเดิม), new (จัดหาใหม่) หรือ replace (ทดแทน)' })
      .nullable()
      .optional()
      .meta(field('procurement', 'extend = ขยายระบบเดิม, new = จัดหาใหม่, replace = ทดแทน; ~ เมื่อเป็นโครงการจัดหาแต่ยังไม่ระบุ')),
    activities: z.array(Activity).optional().meta(field('activities', 'กิจกรรมและเดือนที่ดำเนินการ (ตาราง Gantt)')),
    pdca: z.array(PdcaStep).optional().meta(field('pdca')),
    kpis: z.array(Kpi).optional().meta(field('kpis')),
    monitoring: z
      .strictObject({
        cadence: z.enum(CADENCES, { error: 'ความถี่ต้องเป็น monthly, quarterly, periodic หรือ yearly' }).meta(field('cadence')),
        note: Text.optional().meta(field('note', 'ถ้อยคำตามเอกสาร เช่น รายงานเป็นไตรมาส')),
      })
      .optional()
      .meta(field('monitoring')),
  })
  .meta({ title: 'โครงการ', description: 'โครงการหนึ่งโครงการ (content/plans/<ปี>/projects/<รหัส>.yaml)' });

export type ProjectData = z.output<typeof Project>;

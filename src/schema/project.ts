// content/plans/<year>/projects/<id>.yaml: one project, every column of the action-plan table and
// every section 1–10 of its detail sheet. The file name is the project's id.
import { z } from 'zod';
import { field } from './labels.ts';
import { formatNumber } from '../thai/numbers.ts';
import { Baht, EDITOR, Markdown, Month, numeric, Quarter, Ref, Slug, Text, TextList } from './primitives.ts';

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
  owner: Ref.optional().meta({ ...field('owner', 'รหัสหน่วยงาน'), ...EDITOR.ids('units') }),
});

export const PDCA_PHASES = ['plan', 'do', 'check', 'act'] as const;

export const PdcaStep = z.strictObject({
  phase: z.enum(PDCA_PHASES, { error: 'ขั้นตอนต้องเป็น plan, do, check หรือ act' }).meta(field('phase')),
  month: Month.optional().meta(field('month')),
  activities: TextList.min(1, { error: 'ต้องมีกิจกรรมอย่างน้อย 1 รายการ' }).meta(field('activities')),
  owner: Ref.optional().meta({ ...field('owner', 'รหัสหน่วยงาน'), ...EDITOR.ids('units') }),
});

export const Kpi = z.strictObject({
  id: Slug.meta(field('id')),
  name: Text.meta(field('name', 'เช่น มีการปรับปรุงข้อมูลครบถ้วน')),
  target: z
    .strictObject({
      value: numeric(z.number({ error: 'ค่าเป้าหมายต้องเป็นตัวเลข' })).meta(field('value')),
      unit: Text.optional().meta(field('unit', 'เช่น ร้อยละ, เครื่อง, แผน')),
    })
    .optional()
    .meta(field('target')),
});

/** One line of a spending plan: the amount planned for a quarter or for a month. */
export const SpendingPlanEntry = z
  .strictObject({
    quarter: Quarter.optional().meta(field('quarter', 'ไตรมาสของปี: 1 (ต.ค.–ธ.ค.) … 4 (ก.ค.–ก.ย.)')),
    month: Month.optional().meta(field('month', 'เดือน เช่น 2561-01')),
    amount: Baht.meta(field('amount')),
  })
  .refine((e) => (e.quarter === undefined) !== (e.month === undefined), {
    error: 'แต่ละรายการของแผนการใช้จ่ายต้องระบุ quarter (1–4) หรือ month (เช่น 2561-01) อย่างใดอย่างหนึ่ง',
  });

/** Either every line is a quarter or every line is a month. */
export type SpendingPlanData = Array<{ quarter: number; amount: number }> | Array<{ month: string; amount: number }>;

export const SpendingPlan = z
  .array(SpendingPlanEntry)
  .min(1, { error: 'แผนการใช้จ่ายต้องมีอย่างน้อย 1 รายการ เช่น - { quarter: 1, amount: 10000 } หรือลบ spending_plan ออก' })
  .superRefine((items, ctx) => {
    const byQuarter = items[0]!.quarter !== undefined;
    const seen = new Set<string>();
    items.forEach((e, i) => {
      if ((e.quarter === undefined) === (e.month === undefined)) return; // reported by the entry itself
      if ((e.quarter !== undefined) !== byQuarter) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: byQuarter
            ? 'รายการแรกเป็นรายไตรมาส (quarter) แต่รายการนี้เป็นรายเดือน (month): แผนการใช้จ่ายต้องเป็นรายไตรมาสทั้งหมดหรือรายเดือนทั้งหมด'
            : 'รายการแรกเป็นรายเดือน (month) แต่รายการนี้เป็นรายไตรมาส (quarter): แผนการใช้จ่ายต้องเป็นรายเดือนทั้งหมดหรือรายไตรมาสทั้งหมด',
        });
        return;
      }
      const key = e.quarter !== undefined ? `ไตรมาส ${e.quarter}` : `เดือน ${e.month}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, e.quarter !== undefined ? 'quarter' : 'month'],
          message: `${key} มีในแผนการใช้จ่ายแล้ว: รวมจำนวนเงินของ ${key} ไว้ในรายการเดียว`,
        });
      }
      seen.add(key);
    });
  })
  // The refinement above guarantees one kind per plan.
  .transform((items) => items as SpendingPlanData);

export const PROCUREMENT_KINDS = ['extend', 'new', 'replace'] as const;
export const CADENCES = ['monthly', 'quarterly', 'periodic', 'yearly'] as const;

export const Project = z
  .strictObject({
    order: numeric(z.number({ error: 'ลำดับที่ต้องเป็นตัวเลข เช่น 1' }).int().positive()).meta(field('order')),
    name: Text.meta(field('name', 'ชื่อกิจกรรม/โครงการ')),
    fund_strategies: z.array(Ref.meta(EDITOR.ids('fundStrategies'))).default([]).meta(field('fund_strategies', 'รหัสยุทธศาสตร์ขององค์กรใน organisation.yaml')),
    strategies: z.array(Ref.meta(EDITOR.ids('strategies'))).default([]).meta(field('strategies', 'รหัสยุทธศาสตร์ของแผนนี้ใน plan.yaml')),
    tactics: z.array(Ref.meta(EDITOR.ids('tactics'))).default([]).meta(field('tactics', 'รหัสกลยุทธ์ใน plan.yaml')),
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
    spending_plan: SpendingPlan.optional().meta(
      field('spending_plan', 'งบประมาณที่วางแผนใช้ รายไตรมาส [{ quarter: 1, amount: 10000 }, …] หรือรายเดือน [{ month: 2561-01, amount: 5000 }, …] รวมกันเท่ากับงบประมาณ'),
    ),
    owner: Ref.meta({ ...field('owner', 'รหัสหน่วยงานใน organisation.yaml'), ...EDITOR.ids('units') }),
    priority: Ref.meta({ ...field('priority', 'รหัสระดับความสำคัญใน plan.yaml เช่น high'), ...EDITOR.ids('priorities') }),
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
  .superRefine((p, ctx) => {
    if (!p.spending_plan) return;
    let sum = 0;
    for (const e of p.spending_plan) sum += e.amount;
    const diff = sum - p.budget;
    if (Math.abs(diff) > 0.005) {
      ctx.addIssue({
        code: 'custom',
        path: ['spending_plan'],
        message: `แผนการใช้จ่ายรวม ${formatNumber(sum)} บาท ไม่เท่างบประมาณ ${formatNumber(p.budget)} บาท (${diff < 0 ? 'ขาด' : 'เกิน'} ${formatNumber(Math.abs(diff))} บาท): แก้จำนวนเงินใน spending_plan ให้รวมกันได้ ${formatNumber(p.budget)} บาท หรือแก้ budget`,
      });
    }
  })
  .meta({ title: 'โครงการ', description: 'โครงการหนึ่งโครงการ (content/plans/<ปี>/projects/<รหัส>.yaml)' });

export type ProjectData = z.output<typeof Project>;

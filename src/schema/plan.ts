// content/plans/<year>/plan.yaml: one fiscal year's plan, without its projects (one file each).
import { z } from 'zod';
import { field } from './labels.ts';
import { BeDate, EDITOR, Markdown, numeric, Ref, Slug, Text, TextList } from './primitives.ts';

export const Tactic = z.strictObject({
  id: Slug.meta(field('id')),
  name: Text.meta(field('name')),
});

/** Strategies and tactics are numbered by their position: ยุทธศาสตร์ที่ 1, กลยุทธ์ 1.1. */
export const Strategy = z.strictObject({
  id: Slug.meta(field('id')),
  name: Text.meta(field('name')),
  tactics: z.array(Tactic).default([]).meta(field('tactics')),
});

export const Priority = z.strictObject({
  id: Slug.meta(field('id')),
  stars: numeric(z.number({ error: 'จำนวนดาวต้องเป็นตัวเลข 1–5' }).int().min(1, { error: 'จำนวนดาวต้องเป็น 1–5' }).max(5, { error: 'จำนวนดาวต้องเป็น 1–5' })).meta(field('stars', 'จำนวนเครื่องหมาย * ที่แสดงในตาราง')),
  label: Text.meta(field('label', 'เช่น ระดับสำคัญมาก')),
});

/** แผนฉบับปรับปรุง: this plan revises an approved one (ครั้งที่ N), with why, by whom and when it was approved. */
export const Revision = z.strictObject({
  number: numeric(z.number({ error: 'ครั้งที่ปรับปรุงต้องเป็นตัวเลข เช่น 1' }).int({ error: 'ครั้งที่ปรับปรุงต้องเป็นจำนวนเต็ม 1, 2, …' }).min(1, { error: 'ครั้งที่ปรับปรุงเริ่มที่ 1 (ฉบับเดิมไม่มี revision)' })).meta(field('number', 'ปรับปรุงครั้งที่ (1, 2, …)')),
  approved_on: BeDate.optional().meta(field('approved_on', 'วันที่อนุมัติแผนฉบับปรับปรุง เช่น 2561-03-15')),
  approved_by: Text.optional().meta(field('approved_by', 'ผู้อนุมัติ เช่น ผู้อำนวยการสำนักงาน')),
  reason: Text.optional().meta(field('reason', 'เหตุผลของการปรับปรุงแผน')),
  /** Why each project changed: the comparison table's เหตุผล column. */
  projects: z.record(Slug, Text).default({}).meta(field('projects', 'เหตุผลรายโครงการ: รหัสโครงการ: เหตุผล')),
});

/** An earlier approved edition of this plan, kept in git: its book stays downloadable, and the last one is what the
 *  revision is compared with. */
export const Edition = z.strictObject({
  number: numeric(z.number({ error: 'ฉบับที่ต้องเป็นตัวเลข เช่น 0 (แผนฉบับเดิม) หรือ 1' }).int({ error: 'ฉบับที่ต้องเป็นจำนวนเต็ม 0, 1, 2, …' }).min(0, { error: 'ฉบับที่ต้องเป็น 0 (แผนฉบับเดิม), 1, 2, …' })).meta(field('number', '0 = แผนฉบับเดิม, 1 = ฉบับปรับปรุงครั้งที่ 1, …')),
  // Passed to git: a tag, branch or commit name, never something git could read as an option or a range.
  ref: z
    .string()
    .regex(/^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._/-]*$/, { error: 'ref ต้องเป็นชื่อ tag, branch หรือ commit ของ git เช่น plan-2561-approved (อักษรอังกฤษ ตัวเลข . _ / - ขึ้นต้นด้วยอักษรหรือตัวเลข)' })
    .meta(field('ref', 'git tag หรือ commit ของฉบับนั้น เช่น plan-2561-approved')),
  approved_on: BeDate.optional().meta(field('approved_on', 'วันที่อนุมัติฉบับนั้น')),
});

export const Plan = z
  .strictObject({
    fiscal_year: numeric(
      z
        .number({ error: 'ต้องเป็นปี พ.ศ. เป็นตัวเลข เช่น 2561' })
        .int()
        .min(2500, { error: 'ปีต้องเป็น พ.ศ. เช่น 2561 (ไม่ใช่ ค.ศ.)' })
        .max(2700, { error: 'ปีต้องเป็น พ.ศ. เช่น 2561' }),
    ).meta(field('fiscal_year')),
    year_kind: z.enum(['ปีบัญชี', 'ปีงบประมาณ']).default('ปีงบประมาณ').meta(field('year_kind', 'ปีบัญชี (เงินทุนหมุนเวียน) หรือ ปีงบประมาณ')),
    title: Text.meta(field('title')),
    parent_plan: Text.optional().meta(field('parent_plan', 'เช่น แผนดิจิทัล พ.ศ. 2561 - 2563')),
    prepared_by: Ref.meta({ ...field('prepared_by', 'รหัสหน่วยงานใน organisation.yaml'), ...EDITOR.ids('units') }),
    introduction: Markdown.optional().meta(field('introduction')),
    vision: Text.optional().meta(field('vision')),
    missions: TextList.default([]).meta(field('missions')),
    goals: TextList.default([]).meta(field('goals')),
    strategies: z.array(Strategy).min(1, { error: 'ต้องมียุทธศาสตร์อย่างน้อย 1 ข้อ' }).meta(field('strategies')),
    action_plan_intro: Markdown.optional().meta(field('action_plan_intro')),
    priorities: z.array(Priority).min(1, { error: 'ต้องมีระดับความสำคัญอย่างน้อย 1 ระดับ' }).meta(field('priorities')),
    revision: Revision.optional().meta(field('revision', 'แผนฉบับปรับปรุง: ครั้งที่ วันที่อนุมัติ ผู้อนุมัติ เหตุผล')),
    editions: z.array(Edition).default([]).meta(field('editions', 'ฉบับที่อนุมัติก่อนหน้า (เก่าสุดก่อน) และ git ref ของแต่ละฉบับ')),
  })
  .meta({ title: 'แผนปฏิบัติการ', description: 'แผนปฏิบัติการประจำปี (content/plans/<ปี>/plan.yaml)' });

export type PlanData = z.output<typeof Plan>;

// content/plans/<year>/reports/<period>.yaml: progress for one month (2561-01) or quarter (2561-q2).
import { z } from 'zod';
import { field } from './labels.ts';
import { Baht, Month, Percent, Slug, Text } from './primitives.ts';

export const REPORT_STATUSES = ['not-started', 'on-track', 'delayed', 'done', 'cancelled'] as const;

export const ProjectProgress = z.strictObject({
  project: Slug.meta(field('project', 'รหัสโครงการ (ชื่อไฟล์ใน projects/)')),
  status: z
    .enum(REPORT_STATUSES, { error: 'สถานะต้องเป็น not-started, on-track, delayed, done หรือ cancelled' })
    .meta(field('status')),
  percent: Percent.optional().meta(field('percent')),
  spent: Baht.optional().meta(field('spent')),
  note: Text.optional().meta(field('note')),
  kpis: z
    .array(z.strictObject({ kpi: Slug.meta(field('kpi')), actual: z.number().meta(field('actual')) }))
    .optional()
    .meta(field('kpis')),
});

export const KeyFigure = z.strictObject({
  label: Text.meta(field('label', 'เช่น จำนวนลูกหนี้ที่ชำระหนี้ครบ')),
  value: z.number({ error: 'ค่าต้องเป็นตัวเลข' }).meta(field('value')),
  unit: Text.optional().meta(field('unit')),
});

export const Report = z
  .strictObject({
    month: Month.optional().meta(field('month', 'รายงานประจำเดือน เช่น 2561-01')),
    quarter: z
      .number({ error: 'ไตรมาสต้องเป็นตัวเลข 1–4' })
      .int()
      .min(1, { error: 'ไตรมาสต้องเป็น 1–4' })
      .max(4, { error: 'ไตรมาสต้องเป็น 1–4' })
      .optional()
      .meta(field('quarter', 'รายงานรายไตรมาสของปีบัญชี: 1 (ต.ค.–ธ.ค.) … 4 (ก.ค.–ก.ย.)')),
    source: Text.meta(field('source', 'ที่มาของข้อมูล เช่น รายงานผลการดำเนินงานไตรมาส 1')),
    projects: z.array(ProjectProgress).default([]).meta(field('projects')),
    key_figures: z.array(KeyFigure).default([]).meta(field('key_figures')),
  })
  .refine((r) => (r.month === undefined) !== (r.quarter === undefined), {
    error: 'รายงานต้องระบุ month (เช่น 2561-01) หรือ quarter (1–4) อย่างใดอย่างหนึ่ง',
  })
  .meta({ title: 'รายงานความก้าวหน้า', description: 'รายงานความก้าวหน้ารายเดือนหรือรายไตรมาส' });

export type ReportData = z.output<typeof Report>;

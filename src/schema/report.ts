// content/plans/<year>/reports/<period>.yaml: progress for one month (2561-01) or quarter (2561-q2).
import { z } from 'zod';
import { field } from './labels.ts';
import { Baht, BeDate, EDITOR, Markdown, Month, numeric, Percent, Quarter, Ref, Text } from './primitives.ts';

export const REPORT_STATUSES = ['not-started', 'on-track', 'delayed', 'done', 'cancelled'] as const;

/** A file given as evidence stays inside content/: relative, no `..`, no drive letter or scheme. */
const insideContent = (f: string): boolean => !/^[\\/]/.test(f) && !f.includes(':') && !f.split(/[\\/]/).includes('..');

/** Evidence for a period's results: a page on the intranet (url) or a file kept under content/ (file). */
export const Evidence = z
  .strictObject({
    title: Text.meta({ title: 'ชื่อหลักฐาน', description: 'เช่น รายงานการประชุมคณะกรรมการ ครั้งที่ 1/2567' }),
    url: z
      .url({ protocol: /^https?$/, error: 'ที่อยู่หลักฐานต้องเป็นที่อยู่เว็บเต็มที่ขึ้นต้นด้วย http:// หรือ https:// เช่น http://intranet.example.go.th/docs/report.pdf' })
      .optional()
      .meta(field('url', 'ที่อยู่เว็บของหลักฐาน เช่น http://intranet.example.go.th/docs/report.pdf')),
    file: Text.refine(insideContent, { error: 'ไฟล์หลักฐานต้องอยู่ในโฟลเดอร์ content/: เขียนเป็นที่อยู่จาก content/ เช่น evidence/2567-01/meeting.pdf (ห้ามขึ้นต้นด้วย / ห้ามใช้ .. หรือ :)' })
      .optional()
      .meta(field('file', 'ไฟล์ใน content/ เช่น evidence/2567-01/meeting.pdf')),
  })
  .refine((e) => (e.url === undefined) !== (e.file === undefined), {
    error: 'หลักฐานต้องระบุ url (ที่อยู่เว็บ) หรือ file (ไฟล์ใน content/) อย่างใดอย่างหนึ่ง',
  });

export const ProjectProgress = z.strictObject({
  project: Ref.meta({ ...field('project', 'รหัสโครงการ (ชื่อไฟล์ใน projects/)'), ...EDITOR.ids('projects') }),
  status: z
    .enum(REPORT_STATUSES, { error: 'สถานะต้องเป็น not-started, on-track, delayed, done หรือ cancelled' })
    .meta(field('status')),
  percent: Percent.optional().meta(field('percent')),
  spent: Baht.optional().meta(field('spent')),
  note: Text.optional().meta(field('note')),
  results: Markdown.optional().meta(field('results', 'สิ่งที่ทำได้ในช่วงรายงานนี้ (Markdown)')),
  problems: Markdown.optional().meta(field('problems', 'ปัญหาที่ทำให้ล่าช้าหรือไม่เป็นไปตามแผน (Markdown)')),
  solutions: Markdown.optional().meta(field('solutions', 'สิ่งที่ทำหรือจะทำเพื่อแก้ปัญหา (Markdown)')),
  evidence: z.array(Evidence).optional().meta(field('evidence', 'รายการ { title, url } หรือ { title, file }')),
  kpis: z
    .array(z.strictObject({ kpi: Ref.meta({ ...field('kpi'), ...EDITOR.ids('kpis') }), actual: numeric(z.number({ error: 'ผลที่ทำได้ต้องเป็นตัวเลข เช่น 40' })).meta(field('actual')) }))
    .optional()
    .meta(field('kpis')),
});

export const KeyFigure = z.strictObject({
  label: Text.meta(field('label', 'เช่น จำนวนลูกหนี้ที่ชำระหนี้ครบ')),
  value: numeric(z.number({ error: 'ค่าต้องเป็นตัวเลข' })).meta(field('value')),
  unit: Text.optional().meta(field('unit')),
});

export const Report = z
  .strictObject({
    month: Month.optional().meta(field('month', 'รายงานประจำเดือน เช่น 2561-01')),
    quarter: Quarter.optional()
      .meta(field('quarter', 'รายงานรายไตรมาสของปีบัญชี: 1 (ต.ค.–ธ.ค.) … 4 (ก.ค.–ก.ย.)')),
    source: Text.meta(field('source', 'ที่มาของข้อมูล เช่น รายงานผลการดำเนินงานไตรมาส 1')),
    // Optional so that reports written before these fields existed still load; the checks ask for them.
    reporter: Text.optional().meta({ ...field('reporter', 'รหัสหน่วยงานใน organisation.yaml หรือตำแหน่งของผู้รายงาน'), ...EDITOR.suggest('units') }),
    reported_on: BeDate.optional().meta(field('reported_on', 'วันที่จัดทำรายงาน (หลังสิ้นงวด) เช่น 2561-04-10 หรือ 10 เม.ย. 61')),
    approval: z
      .strictObject({
        by: Text.meta(field('by', 'ตำแหน่งของผู้อนุมัติ เช่น ผู้อำนวยการสำนักงาน')),
        on: BeDate.meta(field('on', 'วันที่อนุมัติ เช่น 2561-04-20')),
      })
      .optional()
      .meta(field('approval', 'ผู้อนุมัติรายงานและวันที่อนุมัติ')),
    projects: z.array(ProjectProgress).default([]).meta(field('projects')),
    key_figures: z.array(KeyFigure).default([]).meta(field('key_figures')),
  })
  .refine((r) => (r.month === undefined) !== (r.quarter === undefined), {
    error: 'รายงานต้องระบุ month (เช่น 2561-01) หรือ quarter (1–4) อย่างใดอย่างหนึ่ง',
  })
  .meta({ title: 'รายงานความก้าวหน้า', description: 'รายงานความก้าวหน้ารายเดือนหรือรายไตรมาส' });

export type ReportData = z.output<typeof Report>;

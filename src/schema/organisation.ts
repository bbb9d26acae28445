// content/organisation.yaml: the agency, its units, its own corporate strategies, branding and display settings.
import { z } from 'zod';
import { field } from './labels.ts';
import { Color, numeric, Slug, Text } from './primitives.ts';
import { isSiteUrl } from '../urls.ts';

const SITE_URL_ERROR =
  'ที่อยู่เว็บไซต์ต้องเป็นที่อยู่เว็บเต็มที่ขึ้นต้นด้วย http:// หรือ https:// ไม่มีช่องว่าง ไม่มี ? หรือ # เช่น http://intranet.example.go.th/plans/';

export const Unit = z.strictObject({
  id: Slug.meta(field('id')),
  name: Text.meta(field('name')),
});

/** The fund's own corporate strategies (a different list from a plan's digital strategies). */
export const FundStrategy = z.strictObject({
  id: Slug.meta(field('id')),
  number: numeric(z.number({ error: 'ลำดับต้องเป็นตัวเลข เช่น 4' }).int().positive()).meta(field('number', 'ลำดับของยุทธศาสตร์ในแผนขององค์กร เช่น 4')),
  name: Text.meta(field('name')),
});

export const FONT_FAMILIES = ['sarabun'] as const;

/** A word or name the agency keeps whole at line ends (a system's or unit's name, a product name). Thai words
 *  are written without spaces; a space is meant only next to Latin text ("Information Graphic"). */
export const KeepWord = Text.max(60, { error: 'คำยาวเกิน 60 ตัวอักษร: ใส่เฉพาะคำหรือชื่อเฉพาะ ไม่ใช่ทั้งประโยค' })
  .refine((w) => !/[\u0E00-\u0E7F]\s+[\u0E00-\u0E7F]/.test(w), {
    error: 'คำไทยในรายการนี้ต้องไม่เว้นวรรค: เขียนติดกัน เช่น ระบบบริหารงานบุคคล (เว้นวรรคได้เฉพาะคำภาษาอังกฤษ เช่น Information Graphic)',
  })
  .refine((w) => /[\u0E00-\u0E7FA-Za-z]/.test(w), { error: 'ต้องเป็นคำภาษาไทยหรือภาษาอังกฤษ' });

export const Organisation = z
  .strictObject({
    name: Text.meta(field('name', 'ชื่อเต็มของหน่วยงาน')),
    short_name: Text.meta(field('short_name', 'ชื่อย่อที่ใช้ในข้อความ เช่น เงินทุนหมุนเวียนฯ')),
    parents: z.array(Text).default([]).meta(field('parents', 'หน่วยงานต้นสังกัด เรียงจากใกล้ไปไกล')),
    units: z.array(Unit).min(1, { error: 'ต้องมีหน่วยงานอย่างน้อย 1 หน่วย' }).meta(field('units')),
    strategies: z.array(FundStrategy).default([]).meta(field('fund_strategies')),
    branding: z
      .strictObject({
        logo: z.string().optional().meta(field('logo', 'ไฟล์ PNG หรือ JPEG ใน content/ หรือ public/ เช่น logo.png')),
        colors: z
          .strictObject({
            primary: Color.default('#1F3A68').meta(field('primary')),
            accent: Color.default('#B8860B').meta(field('accent')),
          })
          .prefault({})
          .meta(field('colors')),
        font: z.enum(FONT_FAMILIES).default('sarabun').meta(field('fonts')),
      })
      .prefault({})
      .meta(field('branding')),
    keep_together: z
      .array(KeepWord)
      .default([])
      .meta(field('keep_together', 'คำหรือชื่อเฉพาะของหน่วยงานที่ไม่ให้ตัดขึ้นบรรทัดใหม่ตรงกลางคำ เช่น ชื่อระบบ ชื่อหน่วยงาน')),
    display: z
      .strictObject({
        digits: z.enum(['arabic', 'thai']).default('arabic').meta(field('digits', 'ตัวเลขในตารางและจำนวนเงิน: arabic หรือ thai')),
        heading_digits: z.enum(['arabic', 'thai']).default('thai').meta(field('heading_digits')),
        page_number_digits: z.enum(['arabic', 'thai']).default('thai').meta(field('page_number_digits')),
      })
      .prefault({})
      .meta(field('display')),
    site: z
      .strictObject({
        // The URL policy's own test (src/urls.ts) after zod's: this address goes into every sheet's link and og:image.
        url: z
          .url({ protocol: /^https?$/, error: SITE_URL_ERROR, abort: true })
          .refine(isSiteUrl, { error: SITE_URL_ERROR })
          .optional()
          .meta(field('url', 'ที่อยู่ของเว็บไซต์บนอินทราเน็ต ใช้ทำลิงก์ใน PDF')),
      })
      .prefault({})
      .meta(field('site')),
  })
  .meta({ title: 'หน่วยงาน', description: 'ข้อมูลหน่วยงาน (content/organisation.yaml)' });

export type OrganisationInput = z.input<typeof Organisation>;
export type OrganisationData = z.output<typeof Organisation>;

// Value types shared by the documents, each with a Thai message that says what to write.
import { z } from 'zod';
import { dayKey, monthKey, parseBeDate, parseMonth } from '../thai/calendar.ts';

z.config(z.locales.th());

/** ASCII ids: they become URLs and references, so no Thai, spaces or capitals. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'รหัสต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เท่านั้น เช่น antivirus หรือ debtor-data',
  })
  .meta({ description: 'อักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น antivirus' });

/**
 * A reference to an id defined elsewhere (a unit, a strategy, a priority, a project …). Any text here: whether
 * it names a real id is the cross-check's business (src/validate/references.ts), which knows the ids, lists
 * them with their Thai names and suggests the nearest one ("สูง" → high).
 */
export const Ref = z
  .string({ error: (i) => (i.input === undefined || i.input === null ? 'ต้องระบุรหัส' : 'ต้องเป็นรหัส (ข้อความ) เช่น antivirus') })
  .trim()
  .min(1, { error: 'ต้องระบุรหัส' });

/** Characters that show nothing: spaces, zero-width spaces and joiners, BOM, soft hyphen and other format or control characters. */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Cc}\u034F\u115F\u1160\u3164\uFFA0]*$/u;

/** Control characters (C0, DEL, C1) other than tab and line feed: they show nothing, and the C0 ones XML and
 *  iCalendar cannot carry (a bell in a project name made a workbook no reader opens). YAML writes them "\a", "\0" … */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/** Which control character, and after what, so the author finds it in a field that shows nothing there. */
function controlMessage(s: string): string {
  const i = s.search(CONTROL);
  const code = `U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
  // The last words before it on its line, whole words (Thai has no spaces to cut at), some ten letters.
  const line = s.slice(0, i).split('\n').pop()!.replace(new RegExp(CONTROL.source, 'gu'), '').replace(/\t/g, ' ').trim();
  const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(line)].map((w) => w.segment);
  let before = '';
  while (words.length && before.length < 10) before = words.pop()! + before;
  before = before.trim();
  return `ข้อความมีอักขระควบคุม (${code}) ซึ่งมองไม่เห็นและทำให้ไฟล์ที่ส่งออก (เช่น Excel) เปิดไม่ได้${before ? ` อยู่หลัง "${before}"` : ' อยู่ต้นบรรทัด'}: ลบอักขระควบคุม (${code}) ออก`;
}

/** Text a person must fill in: not empty, not only spaces or invisible characters, no control characters. */
export const Text = z
  .string({ error: (i) => (i.input === undefined || i.input === null ? 'ต้องระบุข้อความ' : 'ต้องเป็นข้อความ') })
  .trim()
  .min(1, { error: 'ข้อความต้องไม่ว่าง' })
  .refine((s) => s === '' || !INVISIBLE_ONLY.test(s), { error: 'ข้อความต้องไม่ว่าง: มีแต่อักขระที่มองไม่เห็น (เช่น zero-width space) ลบออกแล้วเขียนข้อความ' })
  // Text of nothing but invisible characters has its own message above.
  .refine((s) => INVISIBLE_ONLY.test(s) || !CONTROL.test(s), { error: (i) => controlMessage(String(i.input)) });

const ARABIC_OF_THAI_DIGIT = (d: string) => String(d.charCodeAt(0) - 0x0e50);
/** Staff type Thai digits (๒๕๖๑-๐๒, ๑๕,๐๐๐): read them as 0–9. */
export const arabicDigits = (s: string): string => s.replace(/[๐-๙]/g, ARABIC_OF_THAI_DIGIT);

/** What the editor's schema marks for the generated JSON Schema (src/schema/json-schema.ts) to fill in. */
export const EDITOR = {
  /** A reference to one of the content's ids: the generated schema lists them with their Thai names. */
  ids: (list: IdList) => ({ 'x-ids': list }),
  /** Ids offered, any other text accepted (a reporter: a unit id or a person's title). */
  suggest: (list: IdList) => ({ 'x-ids': list, 'x-open': true }),
} as const;
/** The lists of ids a field may refer to, as the generated JSON Schema names them. */
export type IdList = 'units' | 'fundStrategies' | 'strategies' | 'tactics' | 'priorities' | 'projects' | 'kpis';

/** Digits written 0–9 or ๐–๙ (a string in YAML when Thai): `๓` is 3, `๒๕๖๑` is 2561. */
const DIGITS = /^[0-9๐-๙]+(?:\.[0-9๐-๙]+)?$/;
/** Regex source for the JSON Schema: a whole or decimal number written in 0–9 or ๐–๙. */
export const DIGITS_PATTERN = '^\\s*[0-9๐-๙]+(?:\\.[0-9๐-๙]+)?\\s*$';

/**
 * A number field that also takes Thai digits: YAML reads `order: ๓` as the text "๓", which is read as 3 before
 * the number's own checks (and messages) apply. The JSON Schema gets the number's schema or a digit pattern.
 */
export function numeric<T extends z.ZodNumber>(n: T) {
  return z
    .preprocess((v) => (typeof v === 'string' && DIGITS.test(v.trim()) ? Number(arabicDigits(v.trim())) : v), n)
    .meta({ 'x-number': z.toJSONSchema(n, { io: 'input', target: 'draft-7' }) });
}

/** A year that looks like ค.ศ. (2018 for 2561): the hint the message gives. */
function ceYearHint(s: string): string {
  const y = /^(\d{4})-/.exec(s.trim())?.[1];
  return y && Number(y) >= 1900 && Number(y) < 2200 ? ` ปี ${y} ดูเหมือนเป็น ค.ศ.: ปี พ.ศ. คือ ${Number(y) + 543} (ค.ศ. + 543)` : '';
}

/** Markdown held in a field (rationale, introduction …). */
export const Markdown = Text.meta({ description: 'ข้อความ Markdown: เว้นบรรทัดระหว่างย่อหน้า, ขึ้นต้นบรรทัดด้วย - สำหรับรายการ' });

export const TextList = z.array(Text);

/**
 * A month, written `2561-02` (BE year, month) or as the staff write it: `ก.พ. 61`.
 * The output is always canonical `2561-02`.
 */
export const Month = z
  .string({ error: 'ต้องเป็นเดือนในรูปแบบ ปปปป-ดด (พ.ศ.) เช่น 2561-02 หรือ ก.พ. 61' })
  .transform((s, ctx) => {
    const m = parseMonth(arabicDigits(s));
    if (!m) {
      ctx.addIssue({
        code: 'custom',
        message: `เดือน "${s}" ไม่ถูกต้อง: เขียนเป็น ปปปป-ดด (พ.ศ.) เช่น 2561-02 หรือ ก.พ. 61${ceYearHint(arabicDigits(s))}`,
      });
      return z.NEVER;
    }
    return monthKey(m);
  })
  .meta({ description: 'เดือน พ.ศ. เช่น 2561-02 หรือ ก.พ. 61', examples: ['2561-02', 'ก.พ. 61'], 'x-pattern': 'month' });

/**
 * A day, written `2561-04-10` (BE year, month, day) or as the staff write it: `10 เม.ย. 61`,
 * `10 เมษายน 2561`. The output is always canonical `2561-04-10`.
 */
export const BeDate = z
  .string({ error: 'ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว (พ.ศ.) เช่น 2561-04-10 หรือ 10 เม.ย. 61' })
  .transform((s, ctx) => {
    const d = parseBeDate(arabicDigits(s));
    if (!d) {
      ctx.addIssue({
        code: 'custom',
        message: `วันที่ "${s}" ไม่ถูกต้อง: เขียนเป็น ปปปป-ดด-วว (พ.ศ.) เช่น 2561-04-10 หรือ 10 เม.ย. 61 และต้องเป็นวันที่มีจริง${ceYearHint(arabicDigits(s))}`,
      });
      return z.NEVER;
    }
    return dayKey(d);
  })
  .meta({ description: 'วันที่ พ.ศ. เช่น 2561-04-10 หรือ 10 เม.ย. 61', examples: ['2561-04-10', '10 เม.ย. 61'] });

/** A quarter of the fiscal year: 1 (ต.ค.–ธ.ค.) … 4 (ก.ค.–ก.ย.). */
export const Quarter = numeric(
  z
    .number({ error: 'ไตรมาสต้องเป็นตัวเลข 1–4' })
    .int()
    .min(1, { error: 'ไตรมาสต้องเป็น 1–4' })
    .max(4, { error: 'ไตรมาสต้องเป็น 1–4' }),
);

/** Baht: a number, or digits (0–9 or ๐–๙) with thousands separators as staff type them ("15,000", "๑๕,๐๐๐"). */
export const Baht = z
  .union([z.number(), z.string()], { error: 'ต้องเป็นจำนวนเงินเป็นตัวเลข เช่น 15000 หรือ 15,000' })
  .transform((v, ctx) => {
    const t = typeof v === 'string' ? arabicDigits(v.trim()) : '';
    // -0 is zero: stored as 0 so that nothing prints "-0 บาท".
    const n = typeof v === 'number' ? v + 0 : /^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(t) ? Number(t.replace(/,/g, '')) : NaN;
    if (Number.isNaN(n)) {
      ctx.addIssue({ code: 'custom', message: `จำนวนเงิน "${String(v)}" ไม่ใช่ตัวเลข: เขียนเป็นตัวเลข เช่น 15000 หรือ 15,000 (ไม่ต้องเขียนเป็นตัวอักษรหรือใส่คำว่า บาท)` });
      return z.NEVER;
    }
    if (n < 0) {
      ctx.addIssue({ code: 'custom', message: `จำนวนเงินต้องไม่ติดลบ (เขียนไว้ ${n})` });
      return z.NEVER;
    }
    if (!Number.isFinite(n) || n > 1e13) {
      ctx.addIssue({ code: 'custom', message: 'จำนวนเงินมากเกินไป' });
      return z.NEVER;
    }
    // Satang have two places; a third (15000.505) would make the tables not add up.
    if (Math.round(n * 100) / 100 !== n) {
      ctx.addIssue({ code: 'custom', message: `จำนวนเงิน ${String(v)} มีทศนิยมเกิน 2 ตำแหน่ง: สตางค์มีได้ 2 ตำแหน่ง เช่น ${(Math.floor(n * 100) / 100).toFixed(2)}` });
      return z.NEVER;
    }
    return n;
  })
  .meta({ description: 'จำนวนเงิน (บาท) เป็นตัวเลข เช่น 15000 หรือ "15,000"', 'x-pattern': 'money' });

/** A percentage 0–100: a number, or digits 0–9 or ๐–๙ ("๔๐"). */
export const Percent = z
  .union([z.number(), z.string()], { error: 'ต้องเป็นตัวเลขร้อยละ 0–100 เช่น 40' })
  .transform((v, ctx) => {
    const t = typeof v === 'string' ? arabicDigits(v.trim()) : '';
    const n = typeof v === 'number' ? v + 0 : /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
    if (Number.isNaN(n)) {
      ctx.addIssue({ code: 'custom', message: 'ต้องเป็นตัวเลขร้อยละ 0–100 เช่น 40' });
      return z.NEVER;
    }
    if (n < 0 || n > 100) {
      ctx.addIssue({ code: 'custom', message: 'ร้อยละต้องอยู่ระหว่าง 0 ถึง 100' });
      return z.NEVER;
    }
    return n;
  })
  .meta({ description: 'ร้อยละ 0–100 เช่น 40', 'x-pattern': 'percent' });

export const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'สีต้องเป็นรหัสสีแบบ #RRGGBB เช่น #1F3A68' });

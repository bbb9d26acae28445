import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, MONEY_PATTERN, MONTH_PATTERN } from './json-schema.ts';
import { Baht, Month, Quarter, z } from './index.ts';
import { Edition, Revision } from './plan.ts';
import { Markdown, numeric, Text } from './primitives.ts';

describe('Thai digits where a number is expected', () => {
  it('are read as the number, and other text keeps the number message', () => {
    const order = numeric(z.number({ error: 'ลำดับที่ต้องเป็นตัวเลข เช่น 1' }).int().positive());
    expect(order.parse('๓')).toBe(3);
    expect(order.parse(' ๑๒ ')).toBe(12);
    expect(order.parse(7)).toBe(7);
    expect(order.safeParse('สาม').error?.issues[0]?.message).toBe('ลำดับที่ต้องเป็นตัวเลข เช่น 1');
    expect(Quarter.parse('๒')).toBe(2);
    expect(Quarter.safeParse('๕').success).toBe(false);
    expect(Baht.parse('๑๕,๐๐๐.๕๐')).toBe(15000.5);
    expect(Month.parse('ก.ค. ๖๑')).toBe('2561-07');
  });
  it('in a revision and its earlier editions too, as in every other number', () => {
    expect(Revision.parse({ number: '๒' }).number).toBe(2);
    expect(Edition.parse({ number: '๐', ref: 'plan-2561-approved' }).number).toBe(0);
    expect(Revision.safeParse({ number: '๐' }).error?.issues[0]?.message).toBe('ครั้งที่ปรับปรุงเริ่มที่ 1 (ฉบับเดิมไม่มี revision)');
    expect(Edition.safeParse({ number: 'หนึ่ง', ref: 'x' }).error?.issues[0]?.message).toBe('ฉบับที่ต้องเป็นตัวเลข เช่น 0 (แผนฉบับเดิม) หรือ 1');
  });
});

describe('control characters in text', () => {
  const message = (v: string) => Text.safeParse(v).error?.issues.map((i) => i.message);
  it('are refused, named by code point after the letters before them on their line', () => {
    expect(message('ระบบ\u0000ป้องกัน')).toEqual(['ข้อความมีอักขระควบคุม (U+0000) ซึ่งมองไม่เห็นและทำให้ไฟล์ที่ส่งออก (เช่น Excel) เปิดไม่ได้ อยู่หลัง "ระบบ": ลบอักขระควบคุม (U+0000) ออก']);
    expect(message('\u001b[31mแดง')?.[0]).toMatch(/\(U\+001B\) .* อยู่ต้นบรรทัด: ลบอักขระควบคุม \(U\+001B\) ออก$/);
    expect(message('ข้อที่หนึ่ง\nเงินทุนหมุนเวียนเพื่อการให้กู้ยืม\u007F')?.[0]).toContain('อยู่หลัง "การให้กู้ยืม": ลบอักขระควบคุม (U+007F) ออก');
    for (const c of ['\u0007', '\u000B', '\u000C', '\r', '\u0085', '\u009F']) expect(Markdown.safeParse(`ก${c}ข`).success, c).toBe(false);
  });
  it('leave tab and line feed to Markdown paragraphs and lists, and text of only invisible characters its own message', () => {
    expect(Markdown.parse('ย่อหน้าแรก\n\n- รายการ\tหนึ่ง\n')).toBe('ย่อหน้าแรก\n\n- รายการ\tหนึ่ง');
    expect(message('\u0007\u200B')).toEqual(['ข้อความต้องไม่ว่าง: มีแต่อักขระที่มองไม่เห็น (เช่น zero-width space) ลบออกแล้วเขียนข้อความ']);
  });
});

describe('editor JSON Schema patterns', () => {
  const money = new RegExp(MONEY_PATTERN, 'u');
  const month = new RegExp(MONTH_PATTERN, 'u');
  it('money: digits with or without separators, two decimal places at most', () => {
    for (const ok of ['15000', '15,000', '๑๕,๐๐๐', '1,234,567.50', '15000.5']) expect(money.test(ok), ok).toBe(true);
    for (const bad of ['แปดหมื่น', '15,00', '15000.505', '15000 บาท', '-5']) expect(money.test(bad), bad).toBe(false);
  });
  it('months as Month reads them', () => {
    for (const ok of ['2561-02', '๒๕๖๑-๐๒', 'ก.พ. 61', 'ก.ค. ๖๑', 'มี.ค.61', 'กุมภาพันธ์ 2561', 'ธค 60']) {
      expect(month.test(ok), ok).toBe(true);
      expect(Month.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['2561-13', 'มี.ย. 61', 'February 2561', '61-02']) expect(month.test(bad), bad).toBe(false);
  });
  it('fields that refer to ids list them with their Thai names; open fields also take any text', () => {
    const p = JSON.parse(jsonSchemaFor('project', { priorities: [{ id: 'high', name: 'ระดับสำคัญมาก ***' }], units: [] }));
    expect(p.properties.priority).toMatchObject({ enum: ['high'], enumDescriptions: ['ระดับสำคัญมาก ***'], title: 'ระดับความสำคัญ' });
    expect(p.properties.owner.enum).toBeUndefined();
    const r = JSON.parse(jsonSchemaFor('report', { units: [{ id: 'it', name: 'ศูนย์เทคโนโลยีสารสนเทศ' }] }));
    expect(r.properties.reporter.anyOf).toEqual([
      { enum: ['it'], enumDescriptions: ['ศูนย์เทคโนโลยีสารสนเทศ'], markdownEnumDescriptions: ['ศูนย์เทคโนโลยีสารสนเทศ'] },
      { type: 'string', minLength: 1 },
    ]);
    expect(JSON.stringify(p)).not.toMatch(/"x-/);
  });
});

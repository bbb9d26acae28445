import { describe, expect, it } from 'vitest';
import { jsonSchemaFor, MONEY_PATTERN, MONTH_PATTERN } from './json-schema.ts';
import { Baht, Month, Quarter, z } from './index.ts';
import { numeric } from './primitives.ts';

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

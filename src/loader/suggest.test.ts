import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from './suggest.ts';
import { parseSource } from './source.ts';

describe('did you mean', () => {
  it('counts edits over code points, a swap of neighbours as one', () => {
    expect(editDistance('budjet', 'budget')).toBe(1);
    expect(editDistance('hihg', 'high')).toBe(1);
    expect(editDistance('งบประมาน', 'งบประมาณ')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  const PRIORITIES = [
    { id: 'high', names: ['ระดับสำคัญมาก ***'] },
    { id: 'medium', names: ['ระดับสำคัญปานกลาง **'] },
    { id: 'low', names: ['ระดับสำคัญน้อย *'] },
  ];
  it('matches the id or its Thai name, and says nothing when nothing is close or several are', () => {
    expect(nearest('hihg', PRIORITIES)?.id).toBe('high');
    expect(nearest('Medium', PRIORITIES)?.id).toBe('medium');
    expect(nearest('ปานกลาง', PRIORITIES)?.id).toBe('medium');
    expect(nearest('สำคัญ', PRIORITIES)).toBeUndefined();
    expect(nearest('สูง', PRIORITIES)).toBeUndefined();
    expect(nearest('urgent', PRIORITIES)).toBeUndefined();
    expect(nearest('งบประมาณ', [{ id: 'budget', names: ['งบประมาณ (บาท)'] }, { id: 'budget_breakdown', names: ['รายการงบประมาณ'] }])?.id).toBe('budget');
  });
});

describe('YAML syntax errors', () => {
  const first = (text: string) => {
    const d = parseSource('x.yaml', new TextEncoder().encode(text)).diagnostics;
    return d.map((x) => `${x.line}:${x.column} ${x.message}`);
  };
  it('name the real cause in Thai, one message per mistake', () => {
    expect(first('period:\n  start: 2560-10\n end: 2561-09\n')).toEqual(['3:2 บรรทัดนี้ย่อหน้า 1 ช่อง แต่ฟิลด์ start ในบรรทัด 2 ย่อหน้า 2 ช่อง: ฟิลด์ในระดับเดียวกันต้องย่อหน้าเท่ากัน (ใช้ช่องว่าง ไม่ใช้ Tab)']);
    expect(first('kpis:\n  - id: a\n    name: x\n  id: b\n  name: y\n')).toEqual(['4:3 บรรทัดนี้ย่อหน้าตรงกับ "- " ของรายการในบรรทัด 2 แต่ไม่มี "- ": ถ้าเป็นรายการใหม่ ให้เขียน "  - id: b" ถ้าเป็นฟิลด์ของรายการนั้น ให้ย่อหน้า 4 ช่องให้ตรงกับ id']);
    expect(first('activities:\n  - name: a\n    months: [2560-10]\n   - name: b\n')).toEqual(['4:4 รายการนี้ย่อหน้า 3 ช่อง แต่รายการก่อนหน้าในบรรทัด 2 ย่อหน้า 2 ช่อง: ทุกรายการในรายการเดียวกันต้องขึ้นต้นด้วย "- " ที่ย่อหน้าเท่ากัน']);
    expect(first("order: 1\nname: 'abc\nstrategies: [x]\n")).toEqual(["2:7 เครื่องหมายคำพูด ' ที่เปิดตรงนี้ไม่ได้ปิด: ใส่ ' ปิดท้ายในบรรทัดเดียวกัน หรือเอา ' ออกถ้าไม่ต้องการ"]);
    expect(first('order: 1\nstrategies: [x, y\nbudget: 5\n')).toEqual(['2:13 วงเล็บ [ ที่เปิดตรงนี้ไม่ได้ปิด: ใส่ ] ปิดท้ายในบรรทัดเดียวกัน']);
    expect(first('order: 1\nname x\nbudget: 5\n')).toEqual(['2:1 บรรทัดนี้ไม่มีเครื่องหมาย : หลังชื่อฟิลด์: เขียนเป็น ชื่อฟิลด์: ค่า หรือถ้าเป็นรายการ ให้ขึ้นต้นด้วย "- "']);
    expect(first('order: 1\nname:x\n')).toEqual(['2:1 ต้องเว้นวรรคหลังเครื่องหมาย : เช่น name: ค่า (ไม่ใช่ name:ค่า)']);
    expect(first('order: 1\nname: a: b\n')).toEqual(['2:7 ค่านี้มีเครื่องหมาย : ตามด้วยเว้นวรรค ซึ่ง YAML อ่านเป็นชื่อฟิลด์: ใส่ค่าไว้ในเครื่องหมายคำพูด เช่น name: "ก: ข"']);
  });
});

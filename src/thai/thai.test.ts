import { describe, expect, it } from 'vitest';
import {
  bahtText, fiscalMonths, fiscalQuarterOf, fiscalYearOf, formatBaht, formatNumber, formatQuantity,
  monthKey, monthLongLabel, monthShortLabel, parseMonth, thaiDateLong, thaiNumberWords, toThaiDigits,
  displayWidth, ellipsize,
} from './index.ts';
import { breakOpportunities } from './breaks.ts';

describe('fiscal calendar', () => {
  it('FY2561 runs ต.ค. 2560 – ก.ย. 2561', () => {
    const ms = fiscalMonths(2561);
    expect(ms).toHaveLength(12);
    expect(monthKey(ms[0]!)).toBe('2560-10');
    expect(monthKey(ms[2]!)).toBe('2560-12');
    expect(monthKey(ms[3]!)).toBe('2561-01');
    expect(monthKey(ms[11]!)).toBe('2561-09');
  });
  it('names a month by the fiscal year it ends in', () => {
    expect(fiscalYearOf({ year: 2560, month: 9 })).toBe(2560);
    expect(fiscalYearOf({ year: 2560, month: 10 })).toBe(2561);
    expect(fiscalYearOf({ year: 2561, month: 9 })).toBe(2561);
  });
  it('quarter boundaries', () => {
    const q = (month: number) => fiscalQuarterOf({ year: 2561, month });
    expect([10, 11, 12].map(q)).toEqual([1, 1, 1]);
    expect([1, 2, 3].map(q)).toEqual([2, 2, 2]);
    expect([4, 5, 6].map(q)).toEqual([3, 3, 3]);
    expect([7, 8, 9].map(q)).toEqual([4, 4, 4]);
  });
  it('labels months in Thai', () => {
    expect(monthLongLabel({ year: 2560, month: 12 })).toBe('ธันวาคม 2560');
    expect(monthShortLabel({ year: 2561, month: 2 })).toBe('ก.พ. 61');
    expect(monthShortLabel({ year: 2561, month: 2 }, false)).toBe('ก.พ.');
    expect(thaiDateLong(new Date(Date.UTC(2017, 9, 1)))).toBe('1 ตุลาคม 2560');
    // on Thailand's clock: 17:00 UTC on 30 September is already 1 October in Bangkok
    expect(thaiDateLong(new Date(Date.UTC(2017, 8, 30, 17, 0)))).toBe('1 ตุลาคม 2560');
    expect(thaiDateLong(new Date(Date.UTC(2017, 8, 30, 16, 59)))).toBe('30 กันยายน 2560');
  });
  it('parses canonical and staff-written months', () => {
    expect(parseMonth('2561-02')).toEqual({ year: 2561, month: 2 });
    expect(parseMonth('ก.พ. 61')).toEqual({ year: 2561, month: 2 });
    expect(parseMonth('ก.พ 61')).toEqual({ year: 2561, month: 2 });
    expect(parseMonth('มิ.ย. 2561')).toEqual({ year: 2561, month: 6 });
    expect(parseMonth('ตุลาคม 2560')).toEqual({ year: 2560, month: 10 });
    expect(parseMonth('2561-13')).toBeUndefined();
    expect(parseMonth('2018-02')).toBeUndefined();
    expect(parseMonth('มี.ย. 61')).toBeUndefined(); // not a month: the seed's typo for มิ.ย.
    expect(parseMonth('February')).toBeUndefined();
  });
});

describe('numbers', () => {
  it('Thai digits', () => {
    expect(toThaiDigits('2561')).toBe('๒๕๖๑');
    expect(formatNumber(15000, 'thai')).toBe('๑๕,๐๐๐');
    expect(formatNumber(15000)).toBe('15,000');
    expect(formatNumber(1234.5)).toBe('1,234.50');
    expect(formatBaht(50000)).toBe('50,000 บาท');
  });
  it('baht in words', () => {
    expect(bahtText(15000)).toBe('หนึ่งหมื่นห้าพันบาทถ้วน');
    expect(bahtText(21)).toBe('ยี่สิบเอ็ดบาทถ้วน');
    expect(bahtText(1_000_001)).toBe('หนึ่งล้านเอ็ดบาทถ้วน');
    expect(bahtText(0.5)).toBe('ห้าสิบสตางค์');
    expect(bahtText(11)).toBe('สิบเอ็ดบาทถ้วน');
    expect(bahtText(101)).toBe('หนึ่งร้อยเอ็ดบาทถ้วน');
    expect(bahtText(1)).toBe('หนึ่งบาทถ้วน');
    expect(bahtText(10_000_000)).toBe('สิบล้านบาทถ้วน');
    expect(bahtText(121_000_000)).toBe('หนึ่งร้อยยี่สิบเอ็ดล้านบาทถ้วน');
    expect(bahtText(50000)).toBe('ห้าหมื่นบาทถ้วน');
    expect(bahtText(21.25)).toBe('ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์');
    expect(bahtText(0)).toBe('ศูนย์บาทถ้วน');
    expect(thaiNumberWords(1_100_000)).toBe('หนึ่งล้านหนึ่งแสน');
    expect(() => bahtText(-1)).toThrow();
  });
  it('quantities put ร้อยละ before the number', () => {
    expect(formatQuantity(90, 'ร้อยละ')).toBe('ร้อยละ 90');
    expect(formatQuantity(18, 'เครื่อง')).toBe('18 เครื่อง');
  });
  it('a quantity keeps its own decimals (at most two), money keeps its satang', () => {
    expect(formatQuantity(4.5, 'คะแนน')).toBe('4.5 คะแนน');
    expect(formatQuantity(82.25, 'ร้อยละ')).toBe('ร้อยละ 82.25');
    expect(formatQuantity(1240, 'ฉบับ', 'thai')).toBe('๑,๒๔๐ ฉบับ');
    expect(formatQuantity(1 / 3, undefined)).toBe('0.33');
    expect(formatQuantity(1234.5, 'บาท')).toBe('1,234.50 บาท');
  });
});

describe('displayWidth', () => {
  it('counts the columns a terminal gives: vowels above and below and tone marks take none', () => {
    expect(displayWidth('abc')).toBe(3);
    // แ ผ น ป ฏ ิ บ ั ต ิ ก า ร: 13 characters, the two ิ and the ั combine.
    expect(displayWidth('แผนปฏิบัติการ')).toBe(10);
    expect(displayWidth('ที่')).toBe(1);
    expect(displayWidth('น้ำ')).toBe(2);
    expect(displayWidth('ก\u200Bข')).toBe(2);
  });
});

describe('ellipsize (the one shortening rule)', () => {
  const chars = (max: number) => (s: string) => [...s].length <= max;
  it('keeps text that fits, and otherwise cuts between words with …', () => {
    expect(ellipsize('ระบบสำรองข้อมูล', chars(20))).toBe('ระบบสำรองข้อมูล');
    const t = ellipsize('โครงการจัดหาระบบสำรองข้อมูลและกู้คืนข้อมูล', chars(20));
    expect(t.endsWith('…')).toBe(true);
    expect([...t].length).toBeLessThanOrEqual(20);
    // A word boundary: what is kept is a prefix ending where the breaker allows a break.
    expect(breakOpportunities('โครงการจัดหาระบบสำรองข้อมูลและกู้คืนข้อมูล')).toContain(t.length - 1);
  });
  it('never splits a word when a word break keeps enough, and cuts by grapheme when it would keep too little', () => {
    const text = 'ระบบสารบรรณอิเล็กทรอนิกส์ของสำนักงาน';
    // 16 characters: the grapheme cut would end inside อิเล็กทรอนิกส์; ระบบสารบรรณ keeps enough of it.
    expect(ellipsize(text, chars(16))).toBe('ระบบสารบรรณ…');
    // 24: ระบบสารบรรณ would keep under 60 % of what fits, so the cut is between grapheme clusters instead.
    const long = ellipsize(text, chars(24));
    expect(long.length).toBeGreaterThan('ระบบสารบรรณ…'.length);
    expect(long.startsWith('ระบบสารบรรณอิเล็ก')).toBe(true);
  });
  it('cuts one over-long word between grapheme clusters, never between a letter and its marks', () => {
    const t = ellipsize('น้ำ'.repeat(40), chars(21));
    expect(t.endsWith('…')).toBe(true);
    expect(t.slice(0, -1)).toMatch(/^(น้ำ)+$/);
  });
  it('measures by whatever the caller measures (a width)', () => {
    const width = (s: string) => [...s].reduce((w, c) => w + (c === 'ก' ? 2 : 1), 0);
    expect(width(ellipsize('กกกก ขขขข คคคค', (s) => width(s) <= 12))).toBeLessThanOrEqual(12);
  });
});

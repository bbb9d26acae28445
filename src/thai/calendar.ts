// Thai calendar: Buddhist Era years, fiscal years (Oct–Sep, named by the BE year they end in),
// quarters, and Thai month names. A month is identified by its BE year and month number 1–12.

export const BE_OFFSET = 543;

export const THAI_MONTHS_LONG = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;

export const THAI_MONTHS_SHORT = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.',
  'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;

/** A calendar month in the Buddhist Era: `{ year: 2561, month: 2 }` is February 2018. */
export interface BeMonth {
  readonly year: number;
  readonly month: number;
}

export const beToCe = (be: number): number => be - BE_OFFSET;
export const ceToBe = (ce: number): number => ce + BE_OFFSET;

/** `2561-02`: the canonical way months are written in the content and in file names. */
export function monthKey(m: BeMonth): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** Months since year 0 BE; makes comparisons and ranges plain integer arithmetic. */
export function monthIndex(m: BeMonth): number {
  return m.year * 12 + (m.month - 1);
}

export function fromMonthIndex(i: number): BeMonth {
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

/** The fiscal year a month belongs to: October starts the next fiscal year. */
export function fiscalYearOf(m: BeMonth): number {
  return m.month >= 10 ? m.year + 1 : m.year;
}

/** Quarter 1–4 of the fiscal year: Q1 ต.ค.–ธ.ค., Q2 ม.ค.–มี.ค., Q3 เม.ย.–มิ.ย., Q4 ก.ค.–ก.ย. */
export function fiscalQuarterOf(m: BeMonth): 1 | 2 | 3 | 4 {
  return (Math.floor(((m.month + 2) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The twelve months of fiscal year `fy` (BE), October of the year before to September. */
export function fiscalMonths(fy: number): BeMonth[] {
  const start = monthIndex({ year: fy - 1, month: 10 });
  return Array.from({ length: 12 }, (_, i) => fromMonthIndex(start + i));
}

export function isInFiscalYear(m: BeMonth, fy: number): boolean {
  return fiscalYearOf(m) === fy;
}

/** ธันวาคม 2560 */
export function monthLongLabel(m: BeMonth): string {
  return `${THAI_MONTHS_LONG[m.month - 1]} ${m.year}`;
}

/** ธ.ค. 60 (two-digit year, as the staff write it) */
export function monthShortLabel(m: BeMonth, withYear = true): string {
  const name = THAI_MONTHS_SHORT[m.month - 1]!;
  return withYear ? `${name} ${String(m.year % 100).padStart(2, '0')}` : name;
}

/**
 * Parses a month as written in content: canonical `2561-02`, or the staff's form
 * `ก.พ. 61` / `ก.พ. 2561` / `กุมภาพันธ์ 2561` (dots and spaces optional). Returns undefined
 * when the text is not a month; the caller reports the expected form.
 */
export function parseMonth(text: string): BeMonth | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})$/.exec(s);
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    if (month < 1 || month > 12 || year < 2400 || year > 2700) return undefined;
    return { year, month };
  }
  const thai = /^([\u0E00-\u0E7F.]+?)\s*(\d{2}|\d{4})$/.exec(s);
  if (!thai) return undefined;
  const name = thai[1]!.replace(/[.\s]/g, '');
  let month = THAI_MONTHS_SHORT.findIndex((n) => n.replace(/\./g, '') === name) + 1;
  if (month === 0) month = THAI_MONTHS_LONG.findIndex((n) => n === name) + 1;
  if (month === 0) return undefined;
  const y = Number(thai[2]);
  const year = thai[2]!.length === 2 ? 2500 + y : y;
  if (year < 2400 || year > 2700) return undefined;
  return { year, month };
}

/** A calendar day in the Buddhist Era: `{ year: 2561, month: 4, day: 10 }` is 10 April 2018. */
export interface BeDay extends BeMonth {
  readonly day: number;
}

/** `2561-04-10`: the canonical way days are written in the content. */
export function dayKey(d: BeDay): string {
  return `${monthKey(d)}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Parses a day as written in content: canonical `2561-04-10`, or the staff's form `10 เม.ย. 61` /
 * `10 เมษายน 2561` (the month part as parseMonth reads it). Undefined when it is not a real day.
 */
export function parseBeDate(text: string): BeDay | undefined {
  const s = text.trim();
  const iso = /^(\d{4}-\d{2})-(\d{2})$/.exec(s);
  const thai = iso ? undefined : /^(\d{1,2})\s*(\S.*)$/.exec(s);
  const parts = iso ? { month: iso[1]!, day: iso[2]! } : thai ? { month: thai[2]!, day: thai[1]! } : undefined;
  // An ISO month inside the Thai form ("10 2561-04") is not a way anyone writes a date.
  if (!parts || (thai && /^\d/.test(parts.month))) return undefined;
  const m = parseMonth(parts.month);
  if (!m) return undefined;
  const day = Number(parts.day);
  // Day 0 of the next month is the last day of this one; the leap years are the Gregorian ones.
  const daysInMonth = new Date(Date.UTC(beToCe(m.year), m.month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return { ...m, day };
}

/** 10 เมษายน 2561 */
export function dayLongLabel(d: BeDay): string {
  return `${d.day} ${THAI_MONTHS_LONG[d.month - 1]} ${d.year}`;
}

/** Thailand's clock: UTC+7 all year (no daylight saving since 1920). */
const THAILAND_OFFSET_MS = 7 * 3600 * 1000;

/** A moment as Thailand's wall clock, read with the getUTC… methods, whatever the build machine's zone. A date
 *  from the data (midnight UTC) stays on its day. */
const onThaiClock = (date: Date): Date => new Date(date.getTime() + THAILAND_OFFSET_MS);

/** A date (day precision) for "as of" lines and cover pages, on Thailand's clock: 1 ตุลาคม 2560 */
export function thaiDateLong(date: Date): string {
  const th = onThaiClock(date);
  return `${th.getUTCDate()} ${THAI_MONTHS_LONG[th.getUTCMonth()]} ${ceToBe(th.getUTCFullYear())}`;
}

/** The BE month a moment falls in on Thailand's clock: a build at 02:00 on 1 December in Bangkok (19:00 UTC
 *  on 30 November) is in ธันวาคม. */
export function beMonthOfDate(date: Date): BeMonth {
  const th = onThaiClock(date);
  return { year: ceToBe(th.getUTCFullYear()), month: th.getUTCMonth() + 1 };
}

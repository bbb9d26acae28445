// The plan year's months and quarters on the fiscal grid (October first).
import { fiscalMonths, fiscalQuarterOf, monthKey, monthLongLabel, monthShortLabel, THAI_MONTHS_SHORT } from '../thai/calendar.ts';
import type { FiscalMonth, FiscalQuarter } from './types.ts';

export function buildFiscalMonths(fy: number): FiscalMonth[] {
  return fiscalMonths(fy).map((m, index) => ({
    key: monthKey(m),
    year: m.year,
    month: m.month,
    index,
    quarter: fiscalQuarterOf(m),
    labelLong: monthLongLabel(m),
    labelShort: monthShortLabel(m),
    name: THAI_MONTHS_SHORT[m.month - 1]!,
  }));
}

export function buildQuarters(months: FiscalMonth[]): FiscalQuarter[] {
  return ([1, 2, 3, 4] as const).map((q) => {
    const ms = months.filter((m) => m.quarter === q);
    const first = ms[0]!;
    const last = ms[ms.length - 1]!;
    return { quarter: q, months: ms, label: `ไตรมาส ${q} (${first.name}–${last.name} ${String(last.year % 100).padStart(2, '0')})` };
  });
}

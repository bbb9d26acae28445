// "Now" for the whole site, decided in exactly one place: SOURCE_DATE_EPOCH (seconds, as reproducible
// builds set it) when given, else the build's own clock. Pages never call Date themselves.
import type { FiscalMonth, Plan } from '../model/types.ts';
import { beMonthOfDate, monthKey } from '../thai/calendar.ts';

export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}

/** The plan's fiscal month that contains `date`, or undefined when the plan year is not running. */
export function currentMonth(plan: Plan, date: Date): FiscalMonth | undefined {
  const key = monthKey(beMonthOfDate(date));
  return plan.months.find((m) => m.key === key);
}

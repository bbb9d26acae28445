// The plan month a date falls in; the date itself comes from src/outputs/clock.ts (now()).
import type { FiscalMonth, Plan } from '../model/types.ts';
import { beMonthOfDate, monthKey } from '../thai/calendar.ts';

/** The plan's fiscal month that contains `date`, or undefined when the plan year is not running. */
export function currentMonth(plan: Plan, date: Date): FiscalMonth | undefined {
  const key = monthKey(beMonthOfDate(date));
  return plan.months.find((m) => m.key === key);
}

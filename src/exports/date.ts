// The one date the exports write (workbook properties and zip entries, calendar DTSTAMP).
import type { Plan } from '../model/index.ts';

/** SOURCE_DATE_EPOCH's date when the build has one, else the plan year's first day (1 October): never the
 *  build's clock, so two builds of the same plan give the same bytes. */
export function exportDate(plan: Plan, date?: Date): Date {
  return date ?? new Date(Date.UTC(plan.fiscalYear - 543 - 1, 9, 1));
}

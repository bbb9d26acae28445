// ดัชนีชี้วัดความสำเร็จ as rows: name, target, the actual from the newest report as of a month (with that
// report's id and month), and whether the target is met.
import type { FiscalMonth, Kpi, Project } from '../model/types.ts';
import { formatQuantity } from '../thai/numbers.ts';
import { asOfText, LABELS } from './labels.ts';

export interface KpiRow {
  kpi: Kpi;
  name: string;
  target?: { value: number; unit?: string };
  actual?: { value: number; reportId: string; asOf: FiscalMonth };
  /** undefined while there is no actual or no numeric target. */
  met?: boolean;
}

/** A KPI is met when the actual reaches the target. */
export const kpiMet = (target: number, actual: number): boolean => actual >= target;

export function kpiRows(p: Project, month?: FiscalMonth): KpiRow[] {
  // The newest entry as of the month that reports this KPI (a later report may leave it out).
  const entries = p.progress.filter((pr) => !month || pr.asOf.index <= month.index);
  return p.kpis.map((kpi) => {
    const reported = entries.findLast((pr) => pr.kpis.some((k) => k.kpi.id === kpi.id));
    const actual = reported ? { value: reported.kpis.find((k) => k.kpi.id === kpi.id)!.actual, reportId: reported.reportId, asOf: reported.asOf } : undefined;
    return { kpi, name: kpi.name, target: kpi.target, actual, met: actual && kpi.target ? kpiMet(kpi.target.value, actual.value) : undefined };
  });
}

/** One line for a KPI list: "name target", then the actual in the target's unit, met or not, and as of
 *  when. Digits as written: the renderer applies the body digits to the whole line. */
export function kpiLine(r: KpiRow): string {
  if (!r.actual) return r.kpi.text;
  const met = r.met === undefined ? '' : ` (${r.met ? LABELS.met : LABELS.notMet})`;
  return `${r.kpi.text} ${LABELS.actual} ${formatQuantity(r.actual.value, r.target?.unit)}${met} ${asOfText(r.actual.asOf)}`;
}

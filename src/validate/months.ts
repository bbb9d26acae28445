// Months against the fiscal year and the project's period: the plan's folder, a project's period, its
// activities', PDCA steps' and spending plan's months (and the owners, which sit in the same entries).
import type { Loaded } from '../loader/load-content.ts';
import type { PathSegment } from '../loader/source.ts';
import type { PlanData, ProjectData } from '../schema/index.ts';
import { fiscalYearOf, fromMonthIndex, monthIndex, monthShortLabel, parseMonth, type BeMonth } from '../thai/calendar.ts';
import { useOneOf, type CheckContext } from './context.ts';

export const toMonth = (key: string): BeMonth => parseMonth(key)!;

/** "ปี 2561 (ต.ค. 60 – ก.ย. 61)", as the messages name the plan year. */
export const fiscalYearLabel = (fy: number): string =>
  `ปี ${fy} (ต.ค. ${String((fy - 1) % 100).padStart(2, '0')} – ก.ย. ${String(fy % 100).padStart(2, '0')})`;

export function checkPlanYear({ report }: CheckContext, year: string, plan: Loaded<PlanData>) {
  const fy = plan.data.fiscal_year;
  if (String(fy) !== year) {
    report('error', plan.source, ['fiscal_year'], `ปี ${fy} ไม่ตรงกับชื่อโฟลเดอร์ plans/${year}: แก้ปีหรือย้ายไฟล์ไปไว้ใน plans/${fy}/`);
  }
}

export function checkProjectMonths({ org, unitIds, units, report }: CheckContext, fy: number, p: Loaded<ProjectData>) {
  const s = p.source;
  const d = p.data;
  const fyLabel = fiscalYearLabel(fy);
  const start = toMonth(d.period.start);
  const end = toMonth(d.period.end);
  if (monthIndex(start) > monthIndex(end)) {
    report('error', s, ['period', 'end'], `เดือนสิ้นสุด ${d.period.end} อยู่ก่อนเดือนเริ่มต้น ${d.period.start}`);
  }
  for (const [key, m] of [['start', start], ['end', end]] as const) {
    if (fiscalYearOf(m) !== fy) report('warning', s, ['period', key], `${monthShortLabel(m)} อยู่นอกปีของแผน ${fyLabel}`);
  }
  const checkMonth = (key: string, path: PathSegment[]) => {
    const m = toMonth(key);
    if (fiscalYearOf(m) !== fy) report('error', s, path, `เดือน ${key} (${monthShortLabel(m)}) อยู่นอกปีของแผน ${fyLabel}`);
    else if (monthIndex(m) < monthIndex(start) || monthIndex(m) > monthIndex(end)) {
      report('error', s, path, `เดือน ${key} (${monthShortLabel(m)}) อยู่นอกระยะเวลาโครงการ ${d.period.start} ถึง ${d.period.end}`);
    }
  };
  d.activities?.forEach((a, i) => {
    a.months?.forEach((m, j) => checkMonth(m, ['activities', i, 'months', j]));
    if (a.owner && org && !unitIds.has(a.owner)) report('error', s, ['activities', i, 'owner'], `ไม่พบหน่วยงาน "${a.owner}" ใน organisation.yaml: ${useOneOf(a.owner, units)}`);
  });
  d.pdca?.forEach((step, i) => {
    if (step.month) checkMonth(step.month, ['pdca', i, 'month']);
    else report('warning', s, ['pdca', i], `ขั้นตอน ${step.phase} ยังไม่ระบุเดือน`);
    if (step.owner && org && !unitIds.has(step.owner)) report('error', s, ['pdca', i, 'owner'], `ไม่พบหน่วยงาน "${step.owner}" ใน organisation.yaml: ${useOneOf(step.owner, units)}`);
  });
  d.spending_plan?.forEach((e, i) => {
    if ('month' in e) return checkMonth(e.month, ['spending_plan', i, 'month']);
    // A quarter's money spread over months the project does not run is most likely in the wrong quarter.
    const first = monthIndex({ year: fy - 1, month: 10 }) + (e.quarter - 1) * 3;
    const quarter = `ไตรมาส ${e.quarter} (${monthShortLabel(fromMonthIndex(first))} – ${monthShortLabel(fromMonthIndex(first + 2))})`;
    const where = first + 2 < monthIndex(start) ? `ก่อนโครงการเริ่ม ${d.period.start}` : first > monthIndex(end) ? `หลังโครงการสิ้นสุด ${d.period.end}` : undefined;
    if (where) report('warning', s, ['spending_plan', i, 'quarter'], `${quarter} อยู่${where} ทั้งไตรมาส: ย้ายจำนวนเงินไปไว้ในไตรมาสที่โครงการดำเนินการ หรือแก้ period`);
  });
  if (d.activities && !d.pdca && d.activities.length > 0 && d.activities.every((a) => !a.months?.length)) {
    report('warning', s, ['activities'], 'กิจกรรมยังไม่ระบุเดือนที่ดำเนินการ: ตารางกำหนดการจะแสดงเป็น ไม่ระบุ');
  }
}

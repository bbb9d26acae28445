// Reports against each other and against the plan: figures that go down from one report to the next, a
// status the percent contradicts, dates before the period ends, projects not started yet, KPI actuals with
// no target to compare to, a quarterly report that disagrees with the monthly one of the same month-end,
// the reporter, evidence files.
import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Loaded, LoadedPlan } from '../loader/load-content.ts';
import type { PathSegment } from '../loader/source.ts';
import type { ProjectData, ReportData } from '../schema/index.ts';
import { beToCe, dayKey, dayLongLabel, fromMonthIndex, monthIndex, monthShortLabel, parseBeDate, type BeMonth } from '../thai/calendar.ts';
import { formatNumber } from '../thai/numbers.ts';
import { useOneOf, type CheckContext } from './context.ts';
import { toMonth } from './months.ts';

type Entry = ReportData['projects'][number];

/** Month index of the last month a report covers. */
function reportEndIndex(d: ReportData, fy: number): number {
  return d.month ? monthIndex(toMonth(d.month)) : monthIndex({ year: fy - 1, month: 10 }) + d.quarter! * 3 - 1;
}

/** "ม.ค. 61" or "ไตรมาส 2 (ม.ค. 61 – มี.ค. 61)". */
function periodLabel(d: ReportData, end: number): string {
  const last = monthShortLabel(fromMonthIndex(end));
  return d.month ? last : `ไตรมาส ${d.quarter} (${monthShortLabel(fromMonthIndex(end - 2))} – ${last})`;
}

/** The last day of a month, canonical (2561-01-31) and as the messages say it (31 มกราคม 2561). */
function lastDay(m: BeMonth): { key: string; label: string } {
  const day = new Date(Date.UTC(beToCe(m.year), m.month, 0)).getUTCDate();
  return { key: dayKey({ ...m, day }), label: dayLongLabel({ ...m, day }) };
}

const dayLabel = (key: string): string => dayLongLabel(parseBeDate(key)!);
// Percent and KPI figures as written (42.5, not 42.50); baht with separators.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const percentText = (v: number | undefined) => (v === undefined ? 'ไม่ระบุ' : `ร้อยละ ${v}`);
const bahtText = (v: number | undefined) => (v === undefined ? 'ไม่ระบุ' : `${formatNumber(v)} บาท`);

/** The last figure of a project so far, with the report it comes from. */
interface Last { reportId: string; value: number }

export function checkProgress(ctx: CheckContext, lp: LoadedPlan, fy: number) {
  const projects = new Map(lp.projects.map((p) => [p.id, p.data]));
  // By the month each report ends; at the same month-end the monthly report comes first, so that the
  // quarterly one is compared with it (the figures must agree) rather than with earlier months.
  const reports = lp.reports
    .map((r) => ({ r, end: reportEndIndex(r.data, fy) }))
    .sort((a, b) => a.end - b.end || Number(a.r.data.month === undefined) - Number(b.r.data.month === undefined));
  const lastPercent = new Map<string, Last>();
  const lastSpent = new Map<string, Last>();
  for (let g = 0; g < reports.length;) {
    const end = reports[g]!.end;
    const group: Array<Loaded<ReportData>> = [];
    while (g < reports.length && reports[g]!.end === end) group.push(reports[g++]!.r);
    const monthly = group.find((r) => r.data.month !== undefined);
    for (const r of group) {
      checkReportDates(ctx, r, end);
      checkReporter(ctx, r);
      r.data.projects.forEach((pr, i) => {
        const proj = projects.get(pr.project);
        if (!proj) return; // reported by checkReports
        const at = (...rest: PathSegment[]): PathSegment[] => ['projects', i, ...rest];
        checkEntry(ctx, r, pr, proj, end, at);
        checkGoingDown(ctx, r, pr, at, lastPercent.get(pr.project), lastSpent.get(pr.project));
        if (r.data.quarter !== undefined && monthly) checkAgainstMonthly(ctx, r, pr, monthly, at);
      });
    }
    // The newest figures carry on to the next month-end; the monthly report's win over the quarterly's.
    for (const r of [...group].reverse()) {
      for (const pr of r.data.projects) {
        if (pr.percent !== undefined) lastPercent.set(pr.project, { reportId: r.id, value: pr.percent });
        if (pr.spent !== undefined) lastSpent.set(pr.project, { reportId: r.id, value: pr.spent });
      }
    }
  }
}

function checkReportDates({ report }: CheckContext, r: Loaded<ReportData>, end: number) {
  const d = r.data;
  if (d.reported_on) {
    const last = lastDay(fromMonthIndex(end));
    if (d.reported_on < last.key) {
      report('error', r.source, ['reported_on'], `วันที่รายงาน ${dayLabel(d.reported_on)} อยู่ก่อนสิ้นงวดของรายงาน (${periodLabel(d, end)} สิ้นสุดวันที่ ${last.label}): รายงานจัดทำได้เมื่อสิ้นงวดแล้วเท่านั้น แก้ reported_on เป็นวันที่ ${last.label} หรือหลังจากนั้น`);
    }
  }
  if (d.approval && d.reported_on && d.approval.on < d.reported_on) {
    report('warning', r.source, ['approval', 'on'], `วันที่อนุมัติ ${dayLabel(d.approval.on)} อยู่ก่อนวันที่รายงาน ${dayLabel(d.reported_on)}: รายงานต้องจัดทำก่อนจึงอนุมัติได้ ตรวจ approval.on และ reported_on`);
  }
}

/** A reporter is a unit id or a person's title; an id-looking text that is no unit is most likely a typo. */
function checkReporter({ org, unitIds, units, report }: CheckContext, r: Loaded<ReportData>) {
  const who = r.data.reporter;
  if (!org || who === undefined || unitIds.has(who) || !SLUG.test(who)) return;
  report('warning', r.source, ['reporter'], `ไม่พบหน่วยงาน "${who}" ใน organisation.yaml: ${useOneOf(who, units)} หรือเขียนตำแหน่งของผู้รายงาน เช่น ผู้อำนวยการกลุ่มนโยบายและแผน`);
}

function checkEntry(ctx: CheckContext, r: Loaded<ReportData>, pr: Entry, proj: ProjectData, end: number, at: (...rest: PathSegment[]) => PathSegment[]) {
  const { report } = ctx;
  const s = r.source;
  const start = toMonth(proj.period.start);
  if (monthIndex(start) > end) {
    report('warning', s, at('project'), `โครงการ ${pr.project} เริ่ม ${monthShortLabel(start)} หลังงวดของรายงานนี้ (${periodLabel(r.data, end)}): ลบโครงการนี้ออกจากรายงาน หรือแก้ period.start ในไฟล์ projects/${pr.project}.yaml`);
  }
  if (pr.status === 'done' && pr.percent !== undefined && pr.percent < 100) {
    report('warning', s, at('percent'), `สถานะ done (แล้วเสร็จ) แต่ความก้าวหน้าร้อยละ ${pr.percent}: ถ้าแล้วเสร็จให้เขียน percent: 100 ถ้ายังไม่เสร็จให้เขียน status: on-track หรือ delayed`);
  }
  if (pr.status === 'not-started' && pr.percent !== undefined && pr.percent > 0) {
    report('warning', s, at('percent'), `สถานะ not-started (ยังไม่เริ่มดำเนินการ) แต่ความก้าวหน้าร้อยละ ${pr.percent}: ถ้าเริ่มแล้วให้เขียน status: on-track หรือ delayed ถ้ายังไม่เริ่มให้เขียน percent: 0`);
  }
  pr.kpis?.forEach((k, j) => {
    const kpi = proj.kpis?.find((x) => x.id === k.kpi);
    if (!kpi) return; // reported by checkReports
    const file = `projects/${pr.project}.yaml`;
    if (!kpi.target) {
      report('warning', s, at('kpis', j, 'actual'), `ดัชนีชี้วัด "${k.kpi}" ไม่มีค่าเป้าหมายในไฟล์ ${file}: ผลที่รายงาน (${k.actual}) จึงเทียบกับเป้าหมายไม่ได้ เพิ่ม target: { value: …, unit: … } ที่ดัชนีชี้วัดนี้ เช่น target: { value: 90, unit: ร้อยละ }`);
    } else if (kpi.target.unit === undefined) {
      report('warning', s, at('kpis', j, 'actual'), `ค่าเป้าหมายของดัชนีชี้วัด "${k.kpi}" (${kpi.target.value}) ไม่มีหน่วยในไฟล์ ${file}: ผลที่รายงาน (${k.actual}) จึงเทียบกับเป้าหมายไม่ได้ เพิ่ม unit ที่ target เช่น target: { value: ${kpi.target.value}, unit: ร้อยละ }`);
    }
  });
  pr.evidence?.forEach((e, j) => {
    if (e.file === undefined) return;
    const path = join(ctx.content.contentDir, e.file);
    if (!existsSync(path) || !statSync(path).isFile()) {
      const where = relative(ctx.content.relativeTo, path).split(sep).join('/');
      report('error', s, at('evidence', j, 'file'), `ไม่พบไฟล์หลักฐาน "${e.file}": คัดลอกไฟล์ไปไว้ที่ ${where} หรือแก้ชื่อไฟล์ให้ตรงกับไฟล์ที่มี`);
    }
  });
}

/** Percent and spent are cumulative: they never go down from one report to the next. */
function checkGoingDown({ report }: CheckContext, r: Loaded<ReportData>, pr: Entry, at: (...rest: PathSegment[]) => PathSegment[], percent?: Last, spent?: Last) {
  if (pr.percent !== undefined && percent && pr.percent < percent.value) {
    report('warning', r.source, at('percent'), `ความก้าวหน้าร้อยละ ${pr.percent} ลดลงจากร้อยละ ${percent.value} ในรายงาน ${percent.reportId}.yaml: ความก้าวหน้าเป็นยอดสะสม เขียนร้อยละตั้งแต่ ${percent.value} ขึ้นไป หรือแก้ตัวเลขในรายงาน ${percent.reportId}.yaml`);
  }
  if (pr.spent !== undefined && spent && pr.spent < spent.value) {
    report('warning', r.source, at('spent'), `เบิกจ่ายสะสม ${formatNumber(pr.spent)} บาท ลดลงจาก ${formatNumber(spent.value)} บาท ในรายงาน ${spent.reportId}.yaml: การเบิกจ่ายเป็นยอดสะสม เขียนยอดตั้งแต่ ${formatNumber(spent.value)} บาท ขึ้นไป หรือแก้ตัวเลขในรายงาน ${spent.reportId}.yaml`);
  }
}

/** A quarterly report's figures are those of the monthly report of its last month. */
function checkAgainstMonthly({ report }: CheckContext, q: Loaded<ReportData>, pr: Entry, monthly: Loaded<ReportData>, at: (...rest: PathSegment[]) => PathSegment[]) {
  const m = monthly.data.projects.find((x) => x.project === pr.project);
  if (!m) return;
  const fix = `เขียนให้ตรงกับรายงาน ${monthly.id}.yaml หรือแก้รายงานที่ผิด`;
  const differs = (key: 'status' | 'percent' | 'spent', what: string, qv: string, mv: string) =>
    report('warning', q.source, pr[key] === undefined ? at() : at(key), `${what}ของโครงการ ${pr.project} ในรายงานไตรมาสนี้เป็น ${qv} แต่รายงานประจำเดือน ${monthly.id}.yaml ของเดือนสิ้นไตรมาสเดียวกันเป็น ${mv}: ${fix}`);
  if (pr.status !== m.status) differs('status', 'สถานะ', pr.status, m.status);
  if (pr.percent !== m.percent) differs('percent', 'ความก้าวหน้า', percentText(pr.percent), percentText(m.percent));
  if (pr.spent !== m.spent) differs('spent', 'เบิกจ่ายสะสม', bahtText(pr.spent), bahtText(m.spent));
}

// Checks that need more than one field or file: unique ids, references, months against the period and
// the fiscal year, report months, spending. Gaps in the detail sheets are warnings (the seed has some).
import { logoProblem, type LogoProblem } from '../assets/logo.ts';
import { fiscalYearOf, monthIndex, monthShortLabel, parseMonth, type BeMonth } from '../thai/calendar.ts';
import { formatNumber } from '../thai/numbers.ts';
import type { ProjectData } from '../schema/index.ts';
import type { Diagnostic, Severity } from '../loader/diagnostics.ts';
import type { LoadedContent, LoadedPlan } from '../loader/load-content.ts';
import { fieldPath } from '../loader/schema-issues.ts';
import { locate, type PathSegment, type SourceFile } from '../loader/source.ts';

/** The detail-sheet sections a project should have, with the book's section number. */
const SECTIONS: Array<{ key: string; label: string; has: (p: Record<string, unknown>) => boolean }> = [
  { key: 'rationale', label: '1. หลักการและเหตุผล', has: (p) => p.rationale !== undefined },
  { key: 'objectives', label: '2. วัตถุประสงค์', has: (p) => Array.isArray(p.objectives) && p.objectives.length > 0 },
  { key: 'targets', label: '3. เป้าหมาย', has: (p) => p.targets !== undefined },
  { key: 'scope', label: '4. ขอบเขตและข้อกำหนดความต้องการ', has: (p) => p.scope !== undefined },
  { key: 'activities', label: '5. แนวทางการดำเนินงาน/กิจกรรม', has: (p) => p.activities !== undefined || p.pdca !== undefined },
  { key: 'expected_results', label: '8. ผลที่คาดว่าจะได้รับ', has: (p) => Array.isArray(p.expected_results) && p.expected_results.length > 0 },
  { key: 'kpis', label: '9. ดัชนีชี้วัดความสำเร็จ', has: (p) => Array.isArray(p.kpis) && p.kpis.length > 0 },
  { key: 'monitoring', label: '10. การติดตามประเมินผลและรายงาน', has: (p) => p.monitoring !== undefined },
];

const toMonth = (key: string): BeMonth => parseMonth(key)!;

/** The detail-sheet sections the project's data lacks, as the book titles them. */
export function missingSections(project: ProjectData): string[] {
  return SECTIONS.filter((sec) => !sec.has(project as unknown as Record<string, unknown>)).map((s) => s.label);
}

export function checkContent(content: LoadedContent): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (severity: Severity, source: SourceFile, path: PathSegment[], message: string) =>
    out.push({ severity, file: source.file, ...locate(source, path), message, field: path.length ? fieldPath(path) : undefined });

  /** Reports the second and later occurrences of each id in a list. */
  function unique(source: SourceFile, items: Array<{ id: string; path: PathSegment[] }>, what: string) {
    const seen = new Map<string, PathSegment[]>();
    for (const it of items) {
      const first = seen.get(it.id);
      if (first) {
        const p = locate(source, first);
        report('error', source, it.path, `รหัส${what} "${it.id}" ซ้ำกับที่บรรทัด ${p.line}: รหัสต้องไม่ซ้ำกัน`);
      } else seen.set(it.id, it.path);
    }
  }

  const org = content.organisation;
  const unitIds = new Set(org?.data.units.map((u) => u.id) ?? []);
  const fundStrategyIds = new Set(org?.data.strategies.map((s) => s.id) ?? []);
  if (org?.data.branding.logo !== undefined) checkLogo(org.data.branding.logo, org.source);
  if (org) {
    unique(org.source, org.data.units.map((u, i) => ({ id: u.id, path: ['units', i, 'id'] })), 'หน่วยงาน');
    unique(org.source, org.data.strategies.map((s, i) => ({ id: s.id, path: ['strategies', i, 'id'] })), 'ยุทธศาสตร์ขององค์กร');
  }
  const knownList = (ids: Iterable<string>) => [...ids].join(', ') || '(ยังไม่มี)';

  for (const lp of content.plans) checkPlan(lp);

  /** A logo is a PNG or JPEG inside content/ or public/: a path cannot reach anywhere else (src/assets/logo.ts). */
  function checkLogo(logo: string, source: SourceFile) {
    const messages: Record<LogoProblem, string> = {
      outside: `ไฟล์โลโก้ "${logo}" ต้องอยู่ในโฟลเดอร์ content/ หรือ public/: เขียนเป็นชื่อไฟล์ เช่น logo.png (ห้ามใช้ .. หรือที่อยู่เต็ม)`,
      format: `ไฟล์โลโก้ "${logo}" ต้องเป็น PNG หรือ JPEG (.png, .jpg)`,
      missing: `ไม่พบไฟล์โลโก้ "${logo}" ใน content/ หรือ public/: ตรวจชื่อไฟล์ หรือคัดลอกไฟล์ไปไว้ที่นั่น`,
      notImage: `ไฟล์โลโก้ "${logo}" ไม่ใช่ภาพ PNG หรือ JPEG: บันทึกภาพใหม่เป็น PNG`,
      damaged: `ไฟล์โลโก้ "${logo}" เสียหาย อ่านเป็นภาพไม่ได้: บันทึกภาพใหม่เป็น PNG`,
    };
    const problem = logoProblem(logo, content.contentDir, content.root);
    if (problem) report('error', source, ['branding', 'logo'], messages[problem]);
  }

  function checkPlan(lp: LoadedPlan) {
    const plan = lp.plan;
    if (!plan) return;
    const src = plan.source;
    const fy = plan.data.fiscal_year;
    if (String(fy) !== lp.year) {
      report('error', src, ['fiscal_year'], `ปี ${fy} ไม่ตรงกับชื่อโฟลเดอร์ plans/${lp.year}: แก้ปีหรือย้ายไฟล์ไปไว้ใน plans/${fy}/`);
    }
    if (org && !unitIds.has(plan.data.prepared_by)) {
      report('error', src, ['prepared_by'], `ไม่พบหน่วยงาน "${plan.data.prepared_by}" ใน organisation.yaml: ใช้รหัสหนึ่งใน ${knownList(unitIds)}`);
    }
    const strategyIds = new Set(plan.data.strategies.map((s) => s.id));
    const tacticIds = new Set(plan.data.strategies.flatMap((s) => s.tactics.map((t) => t.id)));
    const priorityIds = new Set(plan.data.priorities.map((p) => p.id));
    unique(
      src,
      plan.data.strategies.flatMap((s, i) => [
        { id: s.id, path: ['strategies', i, 'id'] as PathSegment[] },
        ...s.tactics.map((t, j) => ({ id: t.id, path: ['strategies', i, 'tactics', j, 'id'] as PathSegment[] })),
      ]),
      'ยุทธศาสตร์/กลยุทธ์',
    );
    unique(src, plan.data.priorities.map((p, i) => ({ id: p.id, path: ['priorities', i, 'id'] })), 'ระดับความสำคัญ');

    const fyLabel = `ปี ${fy} (ต.ค. ${String((fy - 1) % 100).padStart(2, '0')} – ก.ย. ${String(fy % 100).padStart(2, '0')})`;
    const orders = new Map<number, string>();
    for (const p of lp.projects) {
      const s = p.source;
      const d = p.data;
      const other = orders.get(d.order);
      if (other) report('error', s, ['order'], `ลำดับที่ ${d.order} ซ้ำกับโครงการ ${other}: แต่ละโครงการต้องมีลำดับที่ไม่ซ้ำกัน`);
      else orders.set(d.order, p.id);

      const refs = (ids: string[], known: Set<string>, key: string, what: string, where: string) =>
        ids.forEach((id, i) => {
          if (!known.has(id)) report('error', s, [key, i], `ไม่พบ${what} "${id}" ใน ${where}: ใช้รหัสหนึ่งใน ${knownList(known)}`);
        });
      if (org) refs(d.fund_strategies, fundStrategyIds, 'fund_strategies', 'ยุทธศาสตร์ขององค์กร', 'organisation.yaml');
      refs(d.strategies, strategyIds, 'strategies', 'ยุทธศาสตร์', 'plan.yaml');
      refs(d.tactics, tacticIds, 'tactics', 'กลยุทธ์', 'plan.yaml');
      if (org && !unitIds.has(d.owner)) report('error', s, ['owner'], `ไม่พบหน่วยงาน "${d.owner}" ใน organisation.yaml: ใช้รหัสหนึ่งใน ${knownList(unitIds)}`);
      if (!priorityIds.has(d.priority)) report('error', s, ['priority'], `ไม่พบระดับความสำคัญ "${d.priority}" ใน plan.yaml: ใช้รหัสหนึ่งใน ${knownList(priorityIds)}`);
      if (d.strategies.length === 0) report('warning', s, [], 'โครงการยังไม่ระบุความสอดคล้องกับยุทธศาสตร์ของแผน (strategies)');

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
        if (a.owner && org && !unitIds.has(a.owner)) report('error', s, ['activities', i, 'owner'], `ไม่พบหน่วยงาน "${a.owner}": ใช้รหัสหนึ่งใน ${knownList(unitIds)}`);
      });
      d.pdca?.forEach((step, i) => {
        if (step.month) checkMonth(step.month, ['pdca', i, 'month']);
        else report('warning', s, ['pdca', i], `ขั้นตอน ${step.phase} ยังไม่ระบุเดือน`);
        if (step.owner && org && !unitIds.has(step.owner)) report('error', s, ['pdca', i, 'owner'], `ไม่พบหน่วยงาน "${step.owner}": ใช้รหัสหนึ่งใน ${knownList(unitIds)}`);
      });
      if (d.activities && !d.pdca && d.activities.length > 0 && d.activities.every((a) => !a.months?.length)) {
        report('warning', s, ['activities'], 'กิจกรรมยังไม่ระบุเดือนที่ดำเนินการ: ตารางกำหนดการจะแสดงเป็น ไม่ระบุ');
      }
      unique(s, (d.kpis ?? []).map((k, i) => ({ id: k.id, path: ['kpis', i, 'id'] })), 'ดัชนีชี้วัด');
      if (d.budget_breakdown) {
        const sum = d.budget_breakdown.reduce((a, b) => a + b.amount, 0);
        if (Math.abs(sum - d.budget) > 0.005) {
          report('error', s, ['budget_breakdown'], `รายการงบประมาณรวมกันได้ ${formatNumber(sum)} บาท ไม่เท่ากับงบประมาณ ${formatNumber(d.budget)} บาท`);
        }
      }
      if (d.procurement === null) report('warning', s, ['procurement'], 'ยังไม่ระบุประเภทการจัดหา (extend ขยายระบบเดิม / new จัดหาใหม่ / replace ทดแทน)');
      const missing = missingSections(d);
      if (missing.length > 0) {
        report('warning', s, [], `รายละเอียดโครงการยังขาดหัวข้อ ${missing.join(', ')}: จะแสดงเป็น ไม่ระบุ`);
      }
    }

    const projects = new Map(lp.projects.map((p) => [p.id, p.data]));
    const periods = new Map<string, string>();
    for (const r of lp.reports) {
      const s = r.source;
      const d = r.data;
      const periodKey = d.month ?? `q${d.quarter}`;
      const dup = periods.get(periodKey);
      if (dup) report('error', s, [d.month ? 'month' : 'quarter'], `มีรายงานของช่วงเวลานี้แล้วในไฟล์ ${dup}.yaml`);
      else periods.set(periodKey, r.id);
      if (d.month) {
        const m = toMonth(d.month);
        if (fiscalYearOf(m) !== fy) report('error', s, ['month'], `เดือนรายงาน ${d.month} อยู่นอกปีของแผน ${fyLabel}`);
      }
      const seen = new Set<string>();
      d.projects.forEach((pr, i) => {
        const proj = projects.get(pr.project);
        if (!proj) {
          report('error', s, ['projects', i, 'project'], `ไม่พบโครงการ "${pr.project}" ในแผนปี ${fy}: ใช้รหัสหนึ่งใน ${knownList(projects.keys())}`);
          return;
        }
        if (seen.has(pr.project)) report('error', s, ['projects', i, 'project'], `โครงการ "${pr.project}" ถูกรายงานซ้ำในไฟล์เดียวกัน`);
        seen.add(pr.project);
        const kpiIds = new Set(proj.kpis?.map((k) => k.id) ?? []);
        pr.kpis?.forEach((k, j) => {
          if (!kpiIds.has(k.kpi)) report('error', s, ['projects', i, 'kpis', j, 'kpi'], `ไม่พบดัชนีชี้วัด "${k.kpi}" ในโครงการ ${pr.project}: ใช้รหัสหนึ่งใน ${knownList(kpiIds)}`);
        });
        if (pr.spent !== undefined && pr.spent > proj.budget) {
          report('warning', s, ['projects', i, 'spent'], `เบิกจ่าย ${formatNumber(pr.spent)} บาท เกินงบประมาณโครงการ ${formatNumber(proj.budget)} บาท`);
        }
      });
    }
  }
  return out;
}

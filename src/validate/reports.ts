// Progress reports: one per period, inside the plan year, about the plan's projects and their KPIs,
// spending within the project's budget.
import type { LoadedPlan } from '../loader/load-content.ts';
import type { NamedId } from '../schema/json-schema.ts';
import { fiscalYearOf } from '../thai/calendar.ts';
import { formatNumber } from '../thai/numbers.ts';
import { useOneOf, type CheckContext } from './context.ts';
import { fiscalYearLabel, toMonth } from './months.ts';

/** A plan's project ids with "order. name", in plan order; a project whose file has errors by its file name. */
export function projectIds(lp: LoadedPlan): NamedId[] {
  const valid = [...lp.projects].sort((a, b) => a.data.order - b.data.order).map((p) => ({ id: p.id, name: `${p.data.order}. ${p.data.name}` }));
  return [...valid, ...lp.invalidProjects.map(({ id }) => ({ id, name: `projects/${id}.yaml` }))];
}

export function checkReports({ report }: CheckContext, lp: LoadedPlan, fy: number) {
  const fyLabel = fiscalYearLabel(fy);
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
      // A project whose own file has an error is reported there, once: its reports are not a second error.
      if (!proj && lp.invalidProjects.some((x) => x.id === pr.project)) return;
      if (!proj) {
        report('error', s, ['projects', i, 'project'], `ไม่พบโครงการ "${pr.project}" ในแผนปี ${fy}: ${useOneOf(pr.project, projectIds(lp))}`);
        return;
      }
      if (seen.has(pr.project)) report('error', s, ['projects', i, 'project'], `โครงการ "${pr.project}" ถูกรายงานซ้ำในไฟล์เดียวกัน`);
      seen.add(pr.project);
      const kpis = (proj.kpis ?? []).map((k) => ({ id: k.id, name: k.name }));
      pr.kpis?.forEach((k, j) => {
        if (!kpis.some((x) => x.id === k.kpi)) report('error', s, ['projects', i, 'kpis', j, 'kpi'], `ไม่พบดัชนีชี้วัด "${k.kpi}" ในโครงการ ${pr.project}: ${useOneOf(k.kpi, kpis)}`);
      });
      if (pr.spent !== undefined && pr.spent > proj.budget) {
        report('warning', s, ['projects', i, 'spent'], `เบิกจ่าย ${formatNumber(pr.spent)} บาท เกินงบประมาณโครงการ ${formatNumber(proj.budget)} บาท: ตรวจยอดเบิกจ่าย หรือถ้าได้รับอนุมัติให้ใช้เงินเกินงบ ให้เขียนเหตุผลไว้ใน note`);
      }
    });
  }
}

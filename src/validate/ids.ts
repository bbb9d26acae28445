// Ids that must be unique: units, strategies, tactics, priorities, project order numbers, KPIs.
import type { Loaded } from '../loader/load-content.ts';
import type { PlanData, ProjectData } from '../schema/index.ts';
import { locate, type PathSegment, type SourceFile } from '../loader/source.ts';
import type { CheckContext, Report } from './context.ts';

/** Reports the second and later occurrences of each id in a list. */
export function unique(report: Report, source: SourceFile, items: Array<{ id: string; path: PathSegment[] }>, what: string) {
  const seen = new Map<string, PathSegment[]>();
  for (const it of items) {
    const first = seen.get(it.id);
    if (first) {
      const p = locate(source, first);
      report('error', source, it.path, `รหัส${what} "${it.id}" ซ้ำกับที่บรรทัด ${p.line}: รหัสต้องไม่ซ้ำกัน`);
    } else seen.set(it.id, it.path);
  }
}

export function checkOrganisationIds({ org, report }: CheckContext) {
  if (!org) return;
  unique(report, org.source, org.data.units.map((u, i) => ({ id: u.id, path: ['units', i, 'id'] })), 'หน่วยงาน');
  unique(report, org.source, org.data.strategies.map((s, i) => ({ id: s.id, path: ['strategies', i, 'id'] })), 'ยุทธศาสตร์ขององค์กร');
}

export function checkPlanIds({ report }: CheckContext, plan: Loaded<PlanData>) {
  const src = plan.source;
  unique(
    report,
    src,
    plan.data.strategies.flatMap((s, i) => [
      { id: s.id, path: ['strategies', i, 'id'] as PathSegment[] },
      ...s.tactics.map((t, j) => ({ id: t.id, path: ['strategies', i, 'tactics', j, 'id'] as PathSegment[] })),
    ]),
    'ยุทธศาสตร์/กลยุทธ์',
  );
  unique(report, src, plan.data.priorities.map((p, i) => ({ id: p.id, path: ['priorities', i, 'id'] })), 'ระดับความสำคัญ');
}

/** Order numbers across the plan's projects; `orders` carries the ones seen so far. */
export function checkProjectOrder({ report }: CheckContext, p: Loaded<ProjectData>, orders: Map<number, string>) {
  const other = orders.get(p.data.order);
  if (other) report('error', p.source, ['order'], `ลำดับที่ ${p.data.order} ซ้ำกับโครงการ ${other}: แต่ละโครงการต้องมีลำดับที่ไม่ซ้ำกัน`);
  else orders.set(p.data.order, p.id);
}

export function checkKpiIds({ report }: CheckContext, p: Loaded<ProjectData>) {
  unique(report, p.source, (p.data.kpis ?? []).map((k, i) => ({ id: k.id, path: ['kpis', i, 'id'] })), 'ดัชนีชี้วัด');
}

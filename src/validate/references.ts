// References by id: to units and fund strategies (organisation.yaml), to strategies, tactics and
// priorities (plan.yaml).
import type { Loaded } from '../loader/load-content.ts';
import type { PlanData, ProjectData } from '../schema/index.ts';
import { knownList, type CheckContext } from './context.ts';

/** The ids a plan's projects may refer to. */
export interface PlanIds { strategyIds: Set<string>; tacticIds: Set<string>; priorityIds: Set<string> }

export function planIds(plan: Loaded<PlanData>): PlanIds {
  return {
    strategyIds: new Set(plan.data.strategies.map((s) => s.id)),
    tacticIds: new Set(plan.data.strategies.flatMap((s) => s.tactics.map((t) => t.id))),
    priorityIds: new Set(plan.data.priorities.map((p) => p.id)),
  };
}

export function checkPlanReferences({ org, unitIds, report }: CheckContext, plan: Loaded<PlanData>) {
  if (org && !unitIds.has(plan.data.prepared_by)) {
    report('error', plan.source, ['prepared_by'], `ไม่พบหน่วยงาน "${plan.data.prepared_by}" ใน organisation.yaml: ใช้รหัสหนึ่งใน ${knownList(unitIds)}`);
  }
}

export function checkProjectReferences({ org, unitIds, fundStrategyIds, report }: CheckContext, ids: PlanIds, p: Loaded<ProjectData>) {
  const s = p.source;
  const d = p.data;
  const refs = (list: string[], known: Set<string>, key: string, what: string, where: string) =>
    list.forEach((id, i) => {
      if (!known.has(id)) report('error', s, [key, i], `ไม่พบ${what} "${id}" ใน ${where}: ใช้รหัสหนึ่งใน ${knownList(known)}`);
    });
  if (org) refs(d.fund_strategies, fundStrategyIds, 'fund_strategies', 'ยุทธศาสตร์ขององค์กร', 'organisation.yaml');
  refs(d.strategies, ids.strategyIds, 'strategies', 'ยุทธศาสตร์', 'plan.yaml');
  refs(d.tactics, ids.tacticIds, 'tactics', 'กลยุทธ์', 'plan.yaml');
  if (org && !unitIds.has(d.owner)) report('error', s, ['owner'], `ไม่พบหน่วยงาน "${d.owner}" ใน organisation.yaml: ใช้รหัสหนึ่งใน ${knownList(unitIds)}`);
  if (!ids.priorityIds.has(d.priority)) report('error', s, ['priority'], `ไม่พบระดับความสำคัญ "${d.priority}" ใน plan.yaml: ใช้รหัสหนึ่งใน ${knownList(ids.priorityIds)}`);
  if (d.strategies.length === 0) report('warning', s, [], 'โครงการยังไม่ระบุความสอดคล้องกับยุทธศาสตร์ของแผน (strategies)');
}

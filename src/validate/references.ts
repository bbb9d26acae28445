// References by id: to units and fund strategies (organisation.yaml), to strategies, tactics and
// priorities (plan.yaml). Every message names the ids that may be used, with their Thai names, and the
// nearest one when the written id is close to it (by the id or by its Thai name).
import type { Loaded } from '../loader/load-content.ts';
import type { PlanData, ProjectData } from '../schema/index.ts';
import type { NamedId } from '../schema/json-schema.ts';
import type { PathSegment, SourceFile } from '../loader/source.ts';
import { useOneOf, type CheckContext } from './context.ts';

/** The ids a plan's projects may refer to, with their Thai names as the plan book numbers them. */
export interface PlanIds {
  strategyIds: Set<string>;
  tacticIds: Set<string>;
  priorityIds: Set<string>;
  strategies: NamedId[];
  tactics: NamedId[];
  priorities: NamedId[];
}

export function planIds(plan: Loaded<PlanData>): PlanIds {
  const strategies = plan.data.strategies.map((s, i) => ({ id: s.id, name: `ยุทธศาสตร์ที่ ${i + 1} ${s.name}` }));
  const tactics = plan.data.strategies.flatMap((s, i) => s.tactics.map((t, j) => ({ id: t.id, name: `กลยุทธ์ ${i + 1}.${j + 1} ${t.name}` })));
  const priorities = plan.data.priorities.map((p) => ({ id: p.id, name: `${p.label} ${'*'.repeat(p.stars)}` }));
  const set = (xs: NamedId[]) => new Set(xs.map((x) => x.id));
  return { strategyIds: set(strategies), tacticIds: set(tactics), priorityIds: set(priorities), strategies, tactics, priorities };
}

export function checkPlanReferences({ org, unitIds, units, report }: CheckContext, plan: Loaded<PlanData>) {
  if (org && !unitIds.has(plan.data.prepared_by)) {
    report('error', plan.source, ['prepared_by'], `ไม่พบหน่วยงาน "${plan.data.prepared_by}" ใน organisation.yaml: ${useOneOf(plan.data.prepared_by, units)}`);
  }
}

/** The reference fields of a project as they are checked; an entry is undefined where there is nothing to check. */
export interface ProjectRefs {
  fund_strategies: Array<string | undefined>;
  strategies: Array<string | undefined>;
  tactics: Array<string | undefined>;
  owner?: string;
  priority?: string;
}

/**
 * The references of a project file that failed its schema, from its raw values, so a wrong id is reported in
 * the same run as the field error; a value the schema already objected to (or that sits under one) is left
 * out, so one mistake stays one message.
 */
export function rawProjectRefs(data: unknown, issuePaths: readonly PathSegment[][]): ProjectRefs {
  const o = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const objected = (path: PathSegment[]) => issuePaths.some((ip) => ip.length <= path.length && ip.every((seg, i) => seg === path[i]));
  // As the schema's Ref reads it: a trimmed, non-empty string.
  const ref = (v: unknown, path: PathSegment[]) => (typeof v === 'string' && v.trim() !== '' && !objected(path) ? v.trim() : undefined);
  const list = (key: string) => (Array.isArray(o[key]) ? (o[key] as unknown[]).map((v, i) => ref(v, [key, i])) : []);
  return { fund_strategies: list('fund_strategies'), strategies: list('strategies'), tactics: list('tactics'), owner: ref(o.owner, ['owner']), priority: ref(o.priority, ['priority']) };
}

export function checkProjectReferences({ org, unitIds, units, fundStrategyIds, fundStrategies, report }: CheckContext, ids: PlanIds, s: SourceFile, d: ProjectRefs) {
  const refs = (list: Array<string | undefined>, known: Set<string>, named: NamedId[], key: string, what: string, where: string) =>
    list.forEach((id, i) => {
      if (id !== undefined && !known.has(id)) report('error', s, [key, i], `ไม่พบ${what} "${id}" ใน ${where}: ${useOneOf(id, named)}`);
    });
  if (org) refs(d.fund_strategies, fundStrategyIds, fundStrategies, 'fund_strategies', 'ยุทธศาสตร์ขององค์กร', 'organisation.yaml');
  refs(d.strategies, ids.strategyIds, ids.strategies, 'strategies', 'ยุทธศาสตร์', 'plan.yaml');
  refs(d.tactics, ids.tacticIds, ids.tactics, 'tactics', 'กลยุทธ์', 'plan.yaml');
  if (org && d.owner !== undefined && !unitIds.has(d.owner)) report('error', s, ['owner'], `ไม่พบหน่วยงาน "${d.owner}" ใน organisation.yaml: ${useOneOf(d.owner, units)}`);
  if (d.priority !== undefined && !ids.priorityIds.has(d.priority)) report('error', s, ['priority'], `ไม่พบระดับความสำคัญ "${d.priority}" ใน plan.yaml: ${useOneOf(d.priority, ids.priorities)}`);
}

export function checkStrategiesGiven({ report }: CheckContext, p: Loaded<ProjectData>) {
  if (p.data.strategies.length === 0) report('warning', p.source, [], 'โครงการยังไม่ระบุความสอดคล้องกับยุทธศาสตร์ของแผน (strategies)');
}

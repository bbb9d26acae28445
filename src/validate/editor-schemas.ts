// The editor's JSON Schemas for one content folder: the schema of each kind of file with the content's own
// ids filled in (units, fund strategies, the plans' strategies, tactics and priorities, project and KPI ids),
// each with its Thai name. Written by `npm run check` and the dev server into <content>/schemas/.
import { join } from 'node:path';
import type { LoadedContent } from '../loader/load-content.ts';
import type { DocumentKind } from '../schema/index.ts';
import { JSON_SCHEMA_FILES, jsonSchemaFor, mergeIds, type ContentIds } from '../schema/json-schema.ts';
import { checkContext } from './context.ts';
import { planIds } from './references.ts';
import { projectIds } from './reports.ts';

/** The ids the content defines; lists whose file did not load are left out (the field stays plain text). */
export function contentIds(content: LoadedContent): ContentIds {
  const ctx = checkContext(content, []);
  const plans = content.plans.filter((lp) => lp.plan);
  const ids: ContentIds = {};
  if (content.organisation) {
    ids.units = ctx.units;
    ids.fundStrategies = ctx.fundStrategies;
  }
  if (plans.length > 0) {
    const named = plans.map((lp) => planIds(lp.plan!));
    ids.strategies = mergeIds(named.map((n) => n.strategies));
    ids.tactics = mergeIds(named.map((n) => n.tactics));
    ids.priorities = mergeIds(named.map((n) => n.priorities));
  }
  ids.projects = mergeIds(content.plans.map(projectIds));
  ids.kpis = mergeIds(content.plans.flatMap((lp) => lp.projects.map((p) => (p.data.kpis ?? []).map((k) => ({ id: k.id, name: `${k.name} (โครงการ ${p.id})` })))));
  return ids;
}

/** Every schema file of the folder: its path and its text. */
export function editorSchemas(content: LoadedContent): Array<{ path: string; text: string }> {
  const ids = contentIds(content);
  return (Object.keys(JSON_SCHEMA_FILES) as DocumentKind[]).map((kind) => ({
    path: join(content.contentDir, 'schemas', JSON_SCHEMA_FILES[kind]),
    text: jsonSchemaFor(kind, ids),
  }));
}

// JSON Schema for editors (VS Code's YAML extension), generated from the zod schemas and from the content
// itself: every field that refers to an id lists the content's own ids with their Thai names (completion and
// hover show them), and money, months and numbers carry patterns that also take Thai digits. `npm run check`
// and the dev server write them into <content>/schemas/ (.vscode/settings.json maps them to the files);
// a test fails when the committed ones are out of date.
import { z } from 'zod';
import { THAI_MONTHS_LONG, THAI_MONTHS_SHORT } from '../thai/calendar.ts';
import { DOCUMENT_SCHEMAS, type DocumentKind } from './index.ts';
import { DIGITS_PATTERN, type IdList } from './primitives.ts';

/** An id and its Thai name, as the editor offers it. */
export interface NamedId {
  id: string;
  name: string;
}

/** The ids the content defines, per list; a list left out (its file did not load) stays a plain text field. */
export type ContentIds = Partial<Record<IdList, NamedId[]>>;

const D = '[0-9๐-๙]';
/** 15000, 15,000, ๑๕,๐๐๐.๕๐ — what Baht reads (at most two decimal places). */
export const MONEY_PATTERN = `^\\s*(?:${D}{1,3}(?:,${D}{3})+|${D}+)(?:\\.${D}{1,2})?\\s*$`;
/** 2561-02, ๒๕๖๑-๐๒, ก.พ. 61, ก.ค. ๖๑, กุมภาพันธ์ 2561 — what Month reads. */
export const MONTH_PATTERN = (() => {
  const short = THAI_MONTHS_SHORT.map((m) => m.replace(/\./g, '\\.?\\s*'));
  return `^\\s*(?:${D}{4}-(?:[0๐]${'[1-9๑-๙]'}|[1๑][0-2๐-๒])|(?:${[...THAI_MONTHS_LONG, ...short].join('|')})\\s*(?:${D}{2}|${D}{4}))\\s*$`;
})();

type Json = Record<string, unknown>;

/** The JSON Schema of one kind of file, with `ids` filled in where fields refer to them. */
export function jsonSchemaFor(kind: DocumentKind, ids: ContentIds = {}): string {
  // io: 'input' describes what people write (before transforms like "ก.พ. 61" → "2561-02"). Draft 7: the JSON
  // Schema version VS Code's YAML extension implements (later drafts only in part).
  const schema = z.toJSONSchema(DOCUMENT_SCHEMAS[kind], { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Json;
  return JSON.stringify(fill(schema, ids), null, 2) + '\n';
}

/** Replaces the markers the zod schemas leave (`x-ids`, `x-open`, `x-pattern`, `x-number`) by JSON Schema. */
function fill(node: unknown, ids: ContentIds): unknown {
  if (Array.isArray(node)) return node.map((n) => fill(n, ids));
  if (node === null || typeof node !== 'object') return node;
  const { 'x-ids': list, 'x-open': open, 'x-pattern': pattern, 'x-number': number, ...rest } = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(rest)) out[k] = fill(v, ids);
  if (number) {
    const { $schema: _, ...n } = number as Json;
    for (const k of Object.keys(n)) delete out[k];
    out.anyOf = [n, { type: 'string', pattern: DIGITS_PATTERN }];
  }
  if (pattern === 'money') {
    delete out.type;
    out.anyOf = [{ type: 'number', minimum: 0 }, { type: 'string', pattern: MONEY_PATTERN }];
  }
  if (pattern === 'percent') {
    delete out.type;
    out.anyOf = [{ type: 'number', minimum: 0, maximum: 100 }, { type: 'string', pattern: DIGITS_PATTERN }];
  }
  if (pattern === 'month') out.pattern = MONTH_PATTERN;
  const known = typeof list === 'string' ? ids[list as IdList] : undefined;
  // No ids yet (a plan without projects): any text, rather than an empty list nothing could match.
  if (known && known.length > 0) {
    const choice = { enum: known.map((k) => k.id), enumDescriptions: known.map((k) => k.name), markdownEnumDescriptions: known.map((k) => k.name) };
    delete out.pattern;
    // An open field (a reporter: a unit id or a person's title) offers the ids and accepts any text.
    if (open) {
      const { title, description, ...text } = out;
      return { title, description, anyOf: [choice, text] };
    }
    Object.assign(out, choice);
  }
  return out;
}

/** Merges ids defined in several places (one list per plan year): one entry per id, the names joined when they differ. */
export function mergeIds(lists: NamedId[][]): NamedId[] {
  const byId = new Map<string, string[]>();
  for (const list of lists) {
    for (const { id, name } of list) {
      const names = byId.get(id) ?? [];
      if (!names.includes(name)) names.push(name);
      byId.set(id, names);
    }
  }
  return [...byId].map(([id, names]) => ({ id, name: names.join(' / ') }));
}

export const JSON_SCHEMA_FILES: Record<DocumentKind, string> = {
  organisation: 'organisation.schema.json',
  plan: 'plan.schema.json',
  project: 'project.schema.json',
  report: 'report.schema.json',
};

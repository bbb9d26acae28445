// YAML skeletons drawn from the JSON Schema the editors use (src/schema/json-schema.ts): every field with
// its Thai title and description as a comment above it, so a new file carries the same guidance as the
// editor's hover and follows the schema when a field is added.
import { jsonSchemaFor } from '../schema/json-schema.ts';

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
}

/** The editors' JSON Schema of a kind of file, parsed. */
export function documentSchema(kind: 'project' | 'report'): JsonSchema {
  return JSON.parse(jsonSchemaFor(kind)) as JsonSchema;
}

/** A nullable or union field: the first variant that is not null, with the field's own title and description. */
function resolve(s: JsonSchema): JsonSchema {
  if (!s.anyOf) return s;
  const v = s.anyOf.find((a) => a.type !== 'null') ?? {};
  return { ...v, title: s.title ?? v.title, description: s.description ?? v.description };
}

/** "ชื่อ: ชื่อกิจกรรม/โครงการ", with the allowed values of an enum. */
export function guidance(schema: JsonSchema, extra?: string): string {
  const s = resolve(schema);
  const parts = [s.title, s.description].filter(Boolean).join(': ');
  const values = s.enum ? `ค่าที่ใช้ได้: ${s.enum.join(', ')}` : undefined;
  return [parts, values, extra].filter(Boolean).join(' · ');
}

const isMarkdown = (s: JsonSchema): boolean => s.type === 'string' && /Markdown/.test(s.description ?? '');

export interface FieldOptions {
  /** Written as the value (already YAML); otherwise empty, or the schema's default. */
  value?: string;
  /** Commented out: an optional field the author uncomments when needed. */
  commented?: boolean;
  /** Guidance comment above the field (default true). */
  explain?: boolean;
  /** Appended to the guidance, e.g. the ids that exist. */
  extra?: string;
  /** Inside a commented-out field: nothing more to comment. */
  inside?: boolean;
}

/**
 * The lines of one field at `indent`: its guidance, `key: value`, and, for objects and lists of objects,
 * every nested field (the optional ones commented out when the field itself is written).
 */
export function fieldLines(key: string, schema: JsonSchema, indent: string, o: FieldOptions = {}): string[] {
  const s = resolve(schema);
  const explain = o.explain ?? true;
  const body: string[] = [];
  const inner = `${indent}  `;
  const inside = !!(o.commented || o.inside);
  if (o.value !== undefined) body.push(`${indent}${key}: ${o.value}`);
  else if (s.default !== undefined && !o.commented) body.push(`${indent}${key}: ${JSON.stringify(s.default)}`);
  else if (isMarkdown(s)) body.push(`${indent}${key}: |`, `${inner}`);
  else if (s.properties) body.push(`${indent}${key}:`, ...objectLines(s, inner, inside));
  else if (s.type === 'array' && s.items) {
    const item = resolve(s.items);
    body.push(`${indent}${key}:`);
    if (item.properties) {
      const lines = objectLines(item, `${inner}  `, inside);
      // The first line of the item carries the dash.
      const first = lines.findIndex((l) => !l.trimStart().startsWith('#'));
      body.push(...lines.map((l, i) => (i === first ? `${inner}- ${l.slice(inner.length + 2)}` : l)));
    } else body.push(`${inner}- `);
  } else body.push(`${indent}${key}:`);
  const out = o.commented ? body.map((l) => comment(l, indent)) : body;
  const why = explain ? guidance(s, o.extra) : '';
  return why ? [`${indent}# ${why}`, ...out] : out;
}

/** Every property of an object: the required ones written, the others commented out (inside a commented
 *  field everything is commented anyway). */
function objectLines(s: JsonSchema, indent: string, inside: boolean): string[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).flatMap(([k, p]) =>
    fieldLines(k, p, indent, { commented: !inside && !required.has(k), inside }));
}

/** "  key: x" → "  # key: x" (the comment mark at the field's own indent, as editors toggle it). */
function comment(line: string, indent: string): string {
  const rest = line.slice(indent.length);
  return rest.startsWith('#') ? line : `${indent}# ${rest}`.trimEnd();
}

// Turns zod issues into positioned Thai diagnostics.
import type { z } from 'zod';
import { FIELD_LABELS } from '../schema/labels.ts';
import type { Diagnostic } from './diagnostics.ts';
import { locate, type PathSegment, type SourceFile } from './source.ts';

type AnySchema = z.ZodType;

/** Follows a path through a zod schema (objects, arrays, optionals, defaults, pipes) to the field's schema. */
function schemaAt(schema: AnySchema, path: readonly PathSegment[]): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  const unwrap = (x: AnySchema): AnySchema => {
    let cur = x;
    for (;;) {
      const def: Record<string, unknown> & { type: string } = (cur as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
      if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) cur = def.innerType as AnySchema;
      else if (def.type === 'pipe') cur = def.in as AnySchema;
      else return cur;
    }
  };
  for (const seg of path) {
    if (!s) return undefined;
    const def: Record<string, unknown> & { type: string } = (unwrap(s) as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (def.type === 'object' && typeof seg === 'string') s = (def.shape as Record<string, AnySchema>)[seg];
    else if (def.type === 'array' && typeof seg === 'number') s = def.element as AnySchema;
    else return undefined;
  }
  return s ? unwrap(s) : undefined;
}

function allowedKeys(schema: AnySchema, path: readonly PathSegment[]): string[] {
  const s = schemaAt(schema, path);
  const def = (s as unknown as { _zod?: { def: { type: string; shape?: Record<string, unknown> } } })?._zod?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** `activities[2].months[0]` — how the field path is shown, with the Thai label of its last key. */
export function fieldPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  const lastKey = [...path].reverse().find((s): s is string => typeof s === 'string');
  const label = lastKey ? FIELD_LABELS[lastKey] : undefined;
  return label ? `${out} — ${label}` : out;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

export function issuesToDiagnostics(source: SourceFile, schema: AnySchema, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      for (const key of issue.keys) {
        const pos = locate(source, path, { key });
        out.push({
          severity: 'error',
          file: source.file,
          ...pos,
          message: `ไม่รู้จักฟิลด์ "${key}": ตรวจการสะกด${allowed.length ? ` ฟิลด์ที่ใช้ได้ที่นี่คือ ${allowed.join(', ')}` : ''}`,
          field: fieldPath([...path, key]),
        });
      }
      continue;
    }
    const missing = path.length > 0 && valueAt(source.data, path) === undefined;
    const pos = locate(source, path);
    const key = path[path.length - 1];
    const label = typeof key === 'string' ? FIELD_LABELS[key] : undefined;
    const message = missing
      ? `ขาดฟิลด์ที่ต้องระบุ "${String(key)}"${label ? ` (${label})` : ''}: เพิ่มบรรทัด ${String(key)}: …`
      : issue.message;
    out.push({ severity: 'error', file: source.file, ...pos, message, field: fieldPath(path) });
  }
  return out;
}

// Turns zod issues into positioned Thai diagnostics.
import type { z } from 'zod';
import { FIELD_LABELS } from '../schema/labels.ts';
import type { Diagnostic } from './diagnostics.ts';
import { locate, type PathSegment, type SourceFile } from './source.ts';
import { nearest } from './suggest.ts';

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

/** A key with its Thai name, as messages offer it: `budget (งบประมาณ (บาท))`. */
const withLabel = (key: string) => (FIELD_LABELS[key] ? `${key} (${FIELD_LABELS[key]})` : key);

/** How a list is written, for the fields people most often write as something else. */
const LIST_EXAMPLES: Record<string, string> = {
  projects: '- project: <รหัสโครงการ>',
  kpis: '- id: <รหัส>',
  activities: '- name: <ชื่อกิจกรรม>',
  pdca: '- phase: plan',
  evidence: '- { title: <ชื่อหลักฐาน>, url: http://… }',
  spending_plan: '- { quarter: 1, amount: 10000 }',
  key_figures: '- { label: <คำอธิบาย>, value: 100, unit: <หน่วย> }',
  budget_breakdown: '- { item: <รายการ>, amount: 10000 }',
  units: '- { id: <รหัส>, name: <ชื่อหน่วยงาน> }',
  strategies: '- <รหัส>',
  priorities: '- { id: high, stars: 3, label: <คำอธิบาย> }',
};

/** A mapping or a single value where a list belongs: say how the list is written (one `- ` per item). */
function listMessage(key: string, value: unknown): string {
  const example = LIST_EXAMPLES[key] ?? '- <ค่า>';
  const got = value !== null && typeof value === 'object' ? 'ชุดของ ชื่อ: ค่า' : 'ค่าเดียว';
  return `${key} ต้องเป็นรายการ (list) แต่เขียนเป็น${got}: ใต้บรรทัด ${key}: เขียนแต่ละรายการในบรรทัดของตัวเอง ขึ้นต้นด้วย "- " เช่น "  ${example}"`;
}

export function issuesToDiagnostics(source: SourceFile, schema: AnySchema, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A misspelt key is one mistake: "did you mean budget" replaces the "budget is missing" it also causes.
  const renamed = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const allowed = allowedKeys(schema, path);
    const given = valueAt(source.data, path) as Record<string, unknown> | undefined;
    for (const key of issue.keys) {
      const guess = nearest(key, allowed.filter((k) => given?.[k] === undefined).map((k) => ({ id: k, names: FIELD_LABELS[k] ? [FIELD_LABELS[k]] : [] })));
      const pos = locate(source, path, { key });
      if (guess) renamed.add(JSON.stringify([...path, guess.id]));
      out.push({
        severity: 'error',
        file: source.file,
        ...pos,
        message: guess
          ? `ไม่รู้จักฟิลด์ "${key}": หมายถึง ${withLabel(guess.id)} ใช่หรือไม่? แก้ชื่อฟิลด์เป็น ${guess.id}:`
          : `ไม่รู้จักฟิลด์ "${key}": ตรวจการสะกด${allowed.length ? ` ฟิลด์ที่ใช้ได้ที่นี่คือ ${allowed.join(', ')}` : ''}`,
        field: fieldPath([...path, key]),
      });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (renamed.has(JSON.stringify(path))) continue;
    const value = valueAt(source.data, path);
    const missing = path.length > 0 && value === undefined;
    const pos = locate(source, path);
    const key = path[path.length - 1];
    const label = typeof key === 'string' ? FIELD_LABELS[key] : undefined;
    const message = missing
      ? `ขาดฟิลด์ที่ต้องระบุ "${String(key)}"${label ? ` (${label})` : ''}: เพิ่มบรรทัด ${String(key)}: …`
      : issue.code === 'invalid_type' && issue.expected === 'array' && typeof key === 'string'
        ? listMessage(key, value)
        : issue.message;
    out.push({ severity: 'error', file: source.file, ...pos, message, field: fieldPath(path) });
  }
  return out;
}

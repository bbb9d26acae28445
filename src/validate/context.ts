// What every check receives: where to report, the organisation's ids, and the shared helpers.
import type { Diagnostic, Severity } from '../loader/diagnostics.ts';
import type { LoadedContent } from '../loader/load-content.ts';
import { fieldPath } from '../loader/schema-issues.ts';
import { locate, type PathSegment, type SourceFile } from '../loader/source.ts';
import { nearest } from '../loader/suggest.ts';
import type { NamedId } from '../schema/json-schema.ts';

export type Report = (severity: Severity, source: SourceFile, path: PathSegment[], message: string) => void;

export interface CheckContext {
  content: LoadedContent;
  report: Report;
  org: LoadedContent['organisation'];
  unitIds: Set<string>;
  fundStrategyIds: Set<string>;
  /** The same ids with their Thai names, for the messages and the editor's schema. */
  units: NamedId[];
  fundStrategies: NamedId[];
}

export function checkContext(content: LoadedContent, out: Diagnostic[]): CheckContext {
  const org = content.organisation;
  const units = org?.data.units.map((u) => ({ id: u.id, name: u.name })) ?? [];
  const fundStrategies = org?.data.strategies.map((s) => ({ id: s.id, name: `ยุทธศาสตร์ที่ ${s.number} ${s.name}` })) ?? [];
  return {
    content,
    report: (severity, source, path, message) =>
      out.push({ severity, file: source.file, ...locate(source, path), message, field: path.length ? fieldPath(path) : undefined }),
    org,
    unitIds: new Set(units.map((u) => u.id)),
    fundStrategyIds: new Set(fundStrategies.map((s) => s.id)),
    units,
    fundStrategies,
  };
}

/** The ids a reference may use, for the message: "high (ระดับสำคัญมาก), medium (…)" or (ยังไม่มี). */
export const knownList = (ids: Iterable<string | NamedId>): string =>
  [...ids].map((i) => (typeof i === 'string' ? i : `${i.id} (${i.name})`)).join(', ') || '(ยังไม่มี)';

/**
 * What an unknown id's message says after "ไม่พบ…": the nearest id when one is close (by the id or its Thai
 * name), then every id that may be used, with its Thai name.
 */
export function useOneOf(written: string, known: readonly NamedId[]): string {
  const guess = nearest(written, known.map((k) => ({ id: k.id, names: [k.name] })));
  const hint = guess ? `หมายถึง ${guess.id} (${known.find((k) => k.id === guess.id)!.name}) ใช่หรือไม่? ` : '';
  return `${hint}ใช้รหัสหนึ่งใน ${knownList(known)}`;
}

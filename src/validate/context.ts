// What every check receives: where to report, the organisation's ids, and the shared helpers.
import type { Diagnostic, Severity } from '../loader/diagnostics.ts';
import type { LoadedContent } from '../loader/load-content.ts';
import { fieldPath } from '../loader/schema-issues.ts';
import { locate, type PathSegment, type SourceFile } from '../loader/source.ts';

export type Report = (severity: Severity, source: SourceFile, path: PathSegment[], message: string) => void;

export interface CheckContext {
  content: LoadedContent;
  report: Report;
  org: LoadedContent['organisation'];
  unitIds: Set<string>;
  fundStrategyIds: Set<string>;
}

export function checkContext(content: LoadedContent, out: Diagnostic[]): CheckContext {
  const org = content.organisation;
  return {
    content,
    report: (severity, source, path, message) =>
      out.push({ severity, file: source.file, ...locate(source, path), message, field: path.length ? fieldPath(path) : undefined }),
    org,
    unitIds: new Set(org?.data.units.map((u) => u.id) ?? []),
    fundStrategyIds: new Set(org?.data.strategies.map((s) => s.id) ?? []),
  };
}

/** The ids a reference may use, for the message: "a, b" or (ยังไม่มี). */
export const knownList = (ids: Iterable<string>): string => [...ids].join(', ') || '(ยังไม่มี)';

// A problem found in the content, with where it is. Printed as `file:line:column: message (field path)`.
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path relative to the folder the command runs in (the repository root under npm), with forward slashes:
   *  content/plans/2561/projects/antivirus.yaml, examples/demo/plans/2567/plan.yaml */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The field path in the document, e.g. `activities[2].months[0]`, with its Thai label. */
  field?: string;
}

const SEVERITY_TH: Record<Severity, string> = { error: 'ข้อผิดพลาด', warning: 'คำเตือน' };

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  return `${where}: ${SEVERITY_TH[d.severity]}: ${d.message}${d.field ? ` (${d.field})` : ''}`;
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Thrown by callers that cannot go on (the Astro build); carries every diagnostic. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`พบข้อผิดพลาดในเนื้อหา ${errors.length} รายการ:\n${errors.map(formatDiagnostic).join('\n')}`);
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}

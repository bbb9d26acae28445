// What `npm run check --format …` prints: the same diagnostics as the terminal text, in the forms CI systems
// show beside the changed lines. GitHub reads workflow commands from the log; GitLab reads a Code Quality
// report (a JSON array) from an artifact; `json` is for any other tool.
import { createHash } from 'node:crypto';
import { formatDiagnostic, type Diagnostic } from '../loader/diagnostics.ts';

export const CHECK_FORMATS = ['text', 'github', 'gitlab', 'json'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const isCheckFormat = (s: string): s is CheckFormat => (CHECK_FORMATS as readonly string[]).includes(s);

/** What the check found, printed once at the end in every format. */
export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  ms: number;
}

/** Where each part of the output goes: a machine-read report on stdout alone, so `> report.json` is valid JSON. */
export interface CheckOutput {
  stdout: string[];
  stderr: string[];
}

export function summaryLine(s: CheckSummary): string {
  const text = `ตรวจ ${s.files} ไฟล์ใน ${s.ms.toFixed(0)} ms: ข้อผิดพลาด ${s.errors} รายการ, คำเตือน ${s.warnings} รายการ`;
  return s.errors > 0 ? `\n✗ ${text}` : `\n✓ ${text}`;
}

/**
 * The rule a diagnostic comes from: the field path without indexes (`activities[].months[]`), or `file`
 * for a problem of the file as a whole. Diagnostics carry no rule id, and this keeps the same problem in
 * the same field under one name wherever the item sits in its list.
 */
export function checkName(d: Diagnostic): string {
  const path = d.field?.split(' — ')[0]?.trim();
  return path ? path.replace(/\[\d+\]/g, '[]') : 'file';
}

/**
 * GitLab matches problems across pipelines by fingerprint: file, rule and message, never the line, so a
 * problem that moves down when lines are added above it stays the same problem. The same problem twice in
 * one file gets its occurrence number, because GitLab needs each fingerprint once per report.
 */
function fingerprints(ds: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return ds.map((d) => {
    const key = `${d.file}\u0000${checkName(d)}\u0000${d.message}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(n === 0 ? key : `${key}\u0000${n}`).digest('hex');
  });
}

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/** GitLab Code Quality report (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format). */
export function codeQuality(ds: readonly Diagnostic[]): CodeQualityIssue[] {
  const prints = fingerprints(ds);
  return ds.map((d, i) => ({
    description: d.field ? `${d.message} (${d.field})` : d.message,
    check_name: checkName(d),
    fingerprint: prints[i]!,
    // An error stops the build (major); a warning is missing data the outputs show as ไม่ระบุ (minor).
    severity: d.severity === 'error' ? 'major' : 'minor',
    location: { path: d.file, lines: { begin: d.line } },
  }));
}

// Workflow-command escaping as @actions/core does it: the message may not hold a newline or a bare %,
// a property value may not hold : or , either (they separate the properties).
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message` (GitHub Actions workflow commands). */
export function githubAnnotation(d: Diagnostic): string {
  const command = d.severity === 'error' ? 'error' : 'warning';
  const title = d.severity === 'error' ? 'ข้อผิดพลาด' : 'คำเตือน';
  const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.field ? `${title}: ${d.field}` : title)}`;
  return `::${command} ${props}::${escapeData(d.message)}`;
}

export function formatCheck(format: CheckFormat, ds: readonly Diagnostic[], summary: CheckSummary): CheckOutput {
  const last = summaryLine(summary);
  switch (format) {
    case 'text':
      // As the terminal has always shown it: every problem on stderr; the summary last, on stdout unless it failed.
      return summary.errors > 0
        ? { stdout: [], stderr: [...ds.map(formatDiagnostic), last] }
        : { stdout: [last], stderr: ds.map(formatDiagnostic) };
    case 'github':
      // The annotations are read from the log; the plain lines stay readable in it too.
      return { stdout: [...ds.map(githubAnnotation), last], stderr: [] };
    case 'gitlab':
      return { stdout: [JSON.stringify(codeQuality(ds), null, 2)], stderr: [last] };
    case 'json':
      return { stdout: [JSON.stringify({ summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings }, diagnostics: ds }, null, 2)], stderr: [last] };
  }
}

// Reads content/: the organisation file and, per plan year, plan.yaml, projects/*.yaml and reports/*.yaml.
// Each file is parsed with positions and validated against its schema; every problem is collected.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { DOCUMENT_SCHEMAS, type DocumentKind } from '../schema/index.ts';
import type { OrganisationData, PlanData, ProjectData, ReportData } from '../schema/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { issuesToDiagnostics } from './schema-issues.ts';
import { parseSource, releaseDocument, type SourceFile } from './source.ts';

export interface Loaded<T> {
  /** File name without extension: a project's or report's id. */
  id: string;
  source: SourceFile;
  data: T;
}

export interface LoadedPlan {
  /** The folder name, e.g. "2561". */
  year: string;
  dir: string;
  plan?: Loaded<PlanData>;
  projects: Loaded<ProjectData>[];
  reports: Loaded<ReportData>[];
}

export interface LoadedContent {
  root: string;
  contentDir: string;
  organisation?: Loaded<OrganisationData>;
  plans: LoadedPlan[];
  /** Every file that was read, valid or not, for later positioned checks. */
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

const isYaml = (f: string) => f.endsWith('.yaml') || f.endsWith('.yml');
const stem = (f: string) => f.replace(/\.ya?ml$/, '');

export function loadContent(contentDir: string, root = join(contentDir, '..')): LoadedContent {
  const out: LoadedContent = { root, contentDir, plans: [], sources: [], diagnostics: [] };
  const rel = (p: string) => relative(root, p).split(sep).join('/');

  function read<K extends DocumentKind>(path: string, kind: K): Loaded<z.output<(typeof DOCUMENT_SCHEMAS)[K]>> | undefined {
    const r = readDocument(rel(path), readFileSync(path), kind);
    out.diagnostics.push(...r.diagnostics);
    if (r.source) out.sources.push(r.source);
    return r.data === undefined ? undefined : { id: stem(path.split(sep).pop()!), source: r.source!, data: r.data };
  }

  const orgPath = join(contentDir, 'organisation.yaml');
  if (existsSync(orgPath)) out.organisation = read(orgPath, 'organisation');
  else out.diagnostics.push({ severity: 'error', file: rel(orgPath), line: 1, column: 1, message: 'ไม่พบไฟล์ข้อมูลหน่วยงาน: สร้างไฟล์ content/organisation.yaml' });

  const plansDir = join(contentDir, 'plans');
  const years = existsSync(plansDir) ? readdirSync(plansDir).filter((d) => statSync(join(plansDir, d)).isDirectory()).sort() : [];
  for (const year of years) {
    const dir = join(plansDir, year);
    const lp: LoadedPlan = { year, dir, projects: [], reports: [] };
    const planPath = join(dir, 'plan.yaml');
    if (!/^\d{4}$/.test(year)) {
      out.diagnostics.push({ severity: 'error', file: rel(dir), line: 1, column: 1, message: `ชื่อโฟลเดอร์แผน "${year}" ต้องเป็นปี พ.ศ. 4 หลัก เช่น content/plans/2561` });
    }
    if (existsSync(planPath)) lp.plan = read(planPath, 'plan');
    else out.diagnostics.push({ severity: 'error', file: rel(planPath), line: 1, column: 1, message: `ไม่พบไฟล์แผน: สร้างไฟล์ ${rel(planPath)}` });
    for (const [sub, kind] of [['projects', 'project'], ['reports', 'report']] as const) {
      const subDir = join(dir, sub);
      if (!existsSync(subDir)) continue;
      for (const f of readdirSync(subDir).filter(isYaml).sort()) {
        const loaded = read(join(subDir, f), kind);
        if (kind === 'project' && loaded) lp.projects.push(loaded as Loaded<ProjectData>);
        if (kind === 'report' && loaded) lp.reports.push(loaded as Loaded<ReportData>);
        if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(stem(f))) {
          out.diagnostics.push({ severity: 'error', file: rel(join(subDir, f)), line: 1, column: 1, message: `ชื่อไฟล์ "${f}" ใช้เป็นรหัสใน URL: ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และขีด เช่น antivirus.yaml` });
        }
      }
    }
    out.plans.push(lp);
  }
  if (years.length === 0) out.diagnostics.push({ severity: 'error', file: rel(plansDir), line: 1, column: 1, message: 'ยังไม่มีแผน: สร้างโฟลเดอร์ content/plans/<ปี พ.ศ.>/ ที่มีไฟล์ plan.yaml' });
  return out;
}

/** Parses and schema-checks one document. Never throws on any input bytes. */
export function readDocument<K extends DocumentKind>(
  file: string,
  bytes: Uint8Array,
  kind: K,
): { source?: SourceFile; data?: z.output<(typeof DOCUMENT_SCHEMAS)[K]>; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseSource(file, bytes);
  if (!source || source.data === undefined) return { source, diagnostics };
  const schema = DOCUMENT_SCHEMAS[kind];
  const result = schema.safeParse(source.data);
  if (!result.success) return { source, diagnostics: [...diagnostics, ...issuesToDiagnostics(source, schema, result.error.issues)] };
  releaseDocument(source);
  return { source, data: result.data as z.output<(typeof DOCUMENT_SCHEMAS)[K]>, diagnostics };
}

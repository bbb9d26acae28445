// Reads content/: the organisation file and, per plan year, plan.yaml, projects/*.yaml and reports/*.yaml.
// Each file is parsed with positions and validated against its schema; every problem is collected. Every other
// entry under content/ is accounted for: wrong extensions, stray YAML, links and special files are reported.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { DOCUMENT_SCHEMAS, type DocumentKind } from '../schema/index.ts';
import type { OrganisationData, PlanData, ProjectData, ReportData } from '../schema/index.ts';
import type { Diagnostic } from './diagnostics.ts';
import { issuesToDiagnostics } from './schema-issues.ts';
import type { ParseCache } from './parse-cache.ts';
import { parseSource, releaseDocument, type PathSegment, type SourceFile } from './source.ts';

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
  /** Project files that are there but did not pass their schema: still known to the cross-references, so a
   *  report about such a project is not a second error for the one mistake in the project's file. */
  invalidProjects: RejectedProject[];
  reports: Loaded<ReportData>[];
}

/** A project file that failed its schema: its raw values (when it parsed) and the paths zod objected to, so its
 *  ids can still be checked in the same run without a second message for a field already reported. */
export interface RejectedProject {
  id: string;
  source?: SourceFile;
  issuePaths: PathSegment[][];
}

export interface LoadedContent {
  root: string;
  contentDir: string;
  /** The folder the paths in messages are relative to: where the command was started, so they open from there. */
  relativeTo: string;
  organisation?: Loaded<OrganisationData>;
  plans: LoadedPlan[];
  /** Every file that was read, valid or not, for later positioned checks. */
  sources: SourceFile[];
  diagnostics: Diagnostic[];
}

/** The one extension a document may have: one spelling per id, so `x.yml` can never shadow `x.yaml`. */
const YAML_EXT = '.yaml';
/** Looks like YAML in any spelling (.yml, .YAML, .Yaml …): such a file is either read or reported. */
const looksYaml = (f: string) => /\.ya?ml$/i.test(f);
const stem = (f: string) => f.replace(/\.ya?ml$/i, '');

/** What a directory entry is, following a symbolic link only when it stays inside content/. */
type Entry = { kind: 'file' | 'dir' } | { kind: 'bad'; message: string };

export function loadContent(contentDir: string, root = join(contentDir, '..'), relativeTo = root, cache?: ParseCache): LoadedContent {
  const out: LoadedContent = { root, contentDir, relativeTo, plans: [], sources: [], diagnostics: [] };
  const rel = (p: string) => relative(relativeTo, p).split(sep).join('/');
  const report = (severity: 'error' | 'warning', path: string, message: string) => out.diagnostics.push({ severity, file: rel(path), line: 1, column: 1, message });
  const realContent = existsSync(contentDir) ? realpathSync(contentDir) : contentDir;

  function entry(path: string): Entry {
    let st = lstatSync(path);
    if (st.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        return { kind: 'bad', message: 'ลิงก์ (symlink) นี้เสีย ไม่พบไฟล์ปลายทาง: ลบลิงก์ หรือคัดลอกไฟล์จริงมาไว้ที่นี่' };
      }
      if (relative(realContent, real).split(sep)[0] === '..' || isAbsolute(relative(realContent, real))) {
        return { kind: 'bad', message: 'ลิงก์ (symlink) นี้ชี้ออกไปนอกโฟลเดอร์ content/ จึงไม่อ่าน: คัดลอกไฟล์มาไว้ใน content/ แทนลิงก์' };
      }
      st = statSync(real);
      if (st.isDirectory()) return { kind: 'bad', message: 'ไม่อ่านโฟลเดอร์ที่เป็นลิงก์ (symlink): คัดลอกโฟลเดอร์มาไว้ที่นี่แทนลิงก์' };
    }
    if (st.isDirectory()) return { kind: 'dir' };
    if (st.isFile()) return { kind: 'file' };
    return { kind: 'bad', message: 'ไม่ใช่ไฟล์ธรรมดา (เช่น FIFO, socket หรืออุปกรณ์): ลบออกจาก content/' };
  }

  /** The entries of a folder, sorted; dotfiles (.DS_Store, .gitkeep, editor swap files) are skipped silently. */
  const list = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.')).sort();

  function readFile<K extends DocumentKind>(path: string, kind: K): ReturnType<typeof readDocument<K>> | undefined {
    const e = entry(path);
    if (e.kind === 'bad' || e.kind === 'dir') {
      report('error', path, e.kind === 'bad' ? e.message : `"${path.split(sep).pop()}" เป็นโฟลเดอร์ ไม่ใช่ไฟล์: เปลี่ยนชื่อโฟลเดอร์ หรือลบออก`);
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      report('error', path, `อ่านไฟล์ไม่ได้ (${(err as NodeJS.ErrnoException).code ?? String(err)}): ตรวจสิทธิ์การอ่านไฟล์`);
      return undefined;
    }
    const r = readDocument(rel(path), bytes, kind, cache);
    out.diagnostics.push(...r.diagnostics);
    if (r.source) out.sources.push(r.source);
    return r;
  }
  function read<K extends DocumentKind>(path: string, kind: K): Loaded<z.output<(typeof DOCUMENT_SCHEMAS)[K]>> | undefined {
    const r = readFile(path, kind);
    return r?.data === undefined ? undefined : { id: stem(path.split(sep).pop()!), source: r.source!, data: r.data };
  }

  /** A YAML-looking name that is not lower-case `.yaml`: an error, naming the file it would clash with. */
  function wrongExtension(dir: string, f: string): void {
    const right = stem(f) + YAML_EXT;
    const clash = f !== right && existsSync(join(dir, right)) ? ` (มีไฟล์ ${right} อยู่แล้ว: ทั้งสองไฟล์ใช้รหัส "${stem(f)}" เดียวกัน รวมเป็นไฟล์เดียว)` : '';
    report('error', join(dir, f), `ใช้นามสกุล .yaml (ตัวพิมพ์เล็ก): เปลี่ยนชื่อไฟล์ "${f}" เป็น ${right}${clash}`);
  }

  /** Anything else in a folder the loader reads: YAML is an error (it would be lost), other files a warning. */
  function unexpected(dir: string, f: string, where: string): void {
    const path = join(dir, f);
    const e = entry(path);
    if (e.kind === 'bad') report('error', path, e.message);
    else if (e.kind === 'file' && looksYaml(f)) report('error', path, `ไม่ได้อ่านไฟล์ "${f}": ${where}`);
    else report('warning', path, `ไม่ได้อ่าน${e.kind === 'dir' ? 'โฟลเดอร์' : 'ไฟล์'} "${f}": ${where}`);
  }

  /** A file among the assets (the logo, evidence, schemas): fine, but YAML there is not read, and links are checked. */
  function asset(dir: string, f: string): void {
    const path = join(dir, f);
    const e = entry(path);
    if (e.kind === 'bad') report('error', path, e.message);
    else if (looksYaml(f)) report('warning', path, `ไม่ได้อ่านไฟล์ "${f}": ไฟล์ข้อมูลอยู่ที่ content/organisation.yaml และ content/plans/<ปี พ.ศ.>/ เท่านั้น`);
  }
  function walkAssets(dir: string): void {
    for (const f of list(dir)) {
      if (entry(join(dir, f)).kind === 'dir') walkAssets(join(dir, f));
      else asset(dir, f);
    }
  }

  const orgPath = join(contentDir, 'organisation.yaml');
  if (existsSync(orgPath) || isLink(orgPath)) out.organisation = read(orgPath, 'organisation');
  else out.diagnostics.push({ severity: 'error', file: rel(orgPath), line: 1, column: 1, message: 'ไม่พบไฟล์ข้อมูลหน่วยงาน: สร้างไฟล์ content/organisation.yaml' });

  const plansDir = join(contentDir, 'plans');
  const plansEntry = existsSync(plansDir) || isLink(plansDir) ? entry(plansDir) : undefined;
  if (plansEntry?.kind === 'bad') report('error', plansDir, plansEntry.message);
  const years: string[] = [];
  if (plansEntry?.kind === 'dir') {
    for (const f of list(plansDir)) {
      if (entry(join(plansDir, f)).kind === 'dir') years.push(f);
      else unexpected(plansDir, f, 'ใน content/plans/ มีได้เฉพาะโฟลเดอร์ปี พ.ศ. เช่น 2561/');
    }
  }
  for (const f of existsSync(contentDir) ? list(contentDir) : []) {
    if (f === 'organisation.yaml' || f === 'plans') continue;
    if (looksYaml(f) && stem(f).toLowerCase() === 'organisation') wrongExtension(contentDir, f);
    else if (entry(join(contentDir, f)).kind === 'dir') walkAssets(join(contentDir, f));
    else asset(contentDir, f);
  }
  for (const year of years) {
    const dir = join(plansDir, year);
    const lp: LoadedPlan = { year, dir, projects: [], invalidProjects: [], reports: [] };
    const planPath = join(dir, 'plan.yaml');
    if (!/^\d{4}$/.test(year)) {
      out.diagnostics.push({ severity: 'error', file: rel(dir), line: 1, column: 1, message: `ชื่อโฟลเดอร์แผน "${year}" ต้องเป็นปี พ.ศ. 4 หลัก เช่น content/plans/2561` });
    }
    if (existsSync(planPath) || isLink(planPath)) lp.plan = read(planPath, 'plan');
    else out.diagnostics.push({ severity: 'error', file: rel(planPath), line: 1, column: 1, message: `ไม่พบไฟล์แผน: สร้างไฟล์ ${rel(planPath)}` });
    for (const f of list(dir)) {
      if (f === 'plan.yaml' || f === 'projects' || f === 'reports') continue;
      if (looksYaml(f) && stem(f).toLowerCase() === 'plan') wrongExtension(dir, f);
      else unexpected(dir, f, `ในโฟลเดอร์แผนอ่านเฉพาะ plan.yaml, projects/<รหัส>.yaml และ reports/<งวด>.yaml`);
    }
    for (const [sub, kind] of [['projects', 'project'], ['reports', 'report']] as const) {
      const subDir = join(dir, sub);
      if (!existsSync(subDir) && !isLink(subDir)) continue;
      const subEntry = entry(subDir);
      if (subEntry.kind !== 'dir') {
        report('error', subDir, subEntry.kind === 'bad' ? subEntry.message : `"${sub}" ต้องเป็นโฟลเดอร์ ไม่ใช่ไฟล์`);
        continue;
      }
      for (const f of list(subDir)) {
        if (!looksYaml(f)) {
          unexpected(subDir, f, `ในโฟลเดอร์ ${sub}/ อ่านเฉพาะไฟล์ .yaml`);
          continue;
        }
        if (!f.endsWith(YAML_EXT)) {
          wrongExtension(subDir, f);
          continue;
        }
        const r = readFile(join(subDir, f), kind);
        const loaded = r?.data === undefined ? undefined : { id: stem(f), source: r.source!, data: r.data };
        if (kind === 'project' && loaded) lp.projects.push(loaded as Loaded<ProjectData>);
        if (kind === 'project' && !loaded) lp.invalidProjects.push({ id: stem(f), source: r?.source, issuePaths: r?.issuePaths ?? [] });
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

/** A symbolic link, whether or not its target exists (existsSync follows links and says false for a broken one). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Parses and schema-checks one document. Never throws on any input bytes. */
export function readDocument<K extends DocumentKind>(
  file: string,
  bytes: Uint8Array,
  kind: K,
  cache?: ParseCache,
): { source?: SourceFile; data?: z.output<(typeof DOCUMENT_SCHEMAS)[K]>; diagnostics: Diagnostic[]; issuePaths?: PathSegment[][] } {
  const { source, diagnostics } = parseSource(file, bytes, cache);
  if (!source || source.data === undefined) return { source, diagnostics };
  const schema = DOCUMENT_SCHEMAS[kind];
  const result = schema.safeParse(source.data);
  if (!result.success) {
    const issues = result.error.issues;
    // An unknown key is a mistake in that key, not in the object that holds it.
    const issuePaths = issues.flatMap((i) => {
      const path = i.path.filter((p): p is PathSegment => typeof p !== 'symbol');
      return i.code === 'unrecognized_keys' ? i.keys.map((k) => [...path, k]) : [path];
    });
    return { source, diagnostics: [...diagnostics, ...issuesToDiagnostics(source, schema, issues)], issuePaths };
  }
  releaseDocument(source);
  return { source, data: result.data as z.output<(typeof DOCUMENT_SCHEMAS)[K]>, diagnostics };
}

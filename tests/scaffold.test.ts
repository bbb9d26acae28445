// npm run new: the files it writes validate once the required fields are filled, carry every field of the
// schema, list the right projects with the last report's figures, and it refuses to overwrite or to take
// a bad id, year or period.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlans } from '../src/pipeline.ts';
import { newProject, newReport, ScaffoldError, writeScaffold } from '../src/scaffold/index.ts';
import { documentSchema } from '../src/scaffold/skeleton.ts';
import { SHEET_SECTIONS } from '../src/schema/sections.ts';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function seed() {
  const c = contentCopy();
  cleanups.push(c.cleanup);
  return c;
}
function demo(): { root: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'plan-demo-'));
  cpSync(join(ROOT, 'examples', 'demo'), join(root, 'demo'), { recursive: true });
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return { root, content: join(root, 'demo') };
}
const fill = (text: string, values: Record<string, string>): string =>
  Object.entries(values).reduce((t, [k, v]) => t.replace(new RegExp(`^${k}:$`, 'm'), `${k}: ${v}`), text);
const errorsOf = (content: string, root: string) =>
  loadPlans(content, root).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.message}`);

describe('npm run new -- project', () => {
  it('writes every field and sections 1–10 with the schema line and the next free order; valid once filled', () => {
    const c = seed();
    const s = newProject(c.content, '2561', 'new-system', ROOT);
    writeScaffold(s);
    expect(s.file).toBe(join(c.content, 'plans', '2561', 'projects', 'new-system.yaml'));
    const text = readFileSync(s.file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/project.schema.json');
    for (const key of Object.keys(documentSchema('project').properties!)) expect(text).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    for (const sec of SHEET_SECTIONS) expect(text).toContain(`# ─── ${sec.number}. ${sec.title} ───`);
    expect(text).toContain('# ชื่อ: ชื่อกิจกรรม/โครงการ');
    expect(text).toMatch(/^order: 5$/m);
    // As written, the required fields are empty: the check says so.
    expect(errorsOf(c.content, ROOT).some((e) => e.includes('new-system.yaml'))).toBe(true);
    writeFileSync(s.file, fill(text, { name: 'โครงการทดสอบ', budget: '50000', owner: 'monitoring-group', priority: 'high' }));
    const { model } = loadPlans(c.content, ROOT);
    expect(errorsOf(c.content, ROOT)).toEqual([]);
    const p = model!.plans[0]!.projects.find((x) => x.id === 'new-system')!;
    expect([p.order, p.name, p.budget, p.period.startKey, p.period.endKey]).toEqual([5, 'โครงการทดสอบ', 50000, '2560-10', '2561-09']);
  });

  it('refuses to overwrite, a taken or malformed id, a plan that does not exist', () => {
    const c = seed();
    const s = newProject(c.content, '2561', 'fresh', ROOT);
    writeScaffold(s);
    writeFileSync(s.file, 'kept');
    expect(() => writeScaffold(s)).toThrow(ScaffoldError);
    expect(readFileSync(s.file, 'utf8')).toBe('kept');
    expect(() => newProject(c.content, '2561', 'antivirus', ROOT)).toThrow('มีโครงการรหัส "antivirus" ในแผนปี 2561 แล้ว');
    for (const bad of ['Antivirus', 'new_system', 'ระบบใหม่', '-x', 'a--b']) expect(() => newProject(c.content, '2561', bad, ROOT)).toThrow(`รหัสโครงการ "${bad}" ใช้ไม่ได้`);
    expect(() => newProject(c.content, '2599', 'x', ROOT)).toThrow('ไม่พบแผนปี 2599');
    expect(() => newProject(c.content, '61', 'x', ROOT)).toThrow('ปี "61" ไม่ถูกต้อง');
  });

  it('the command prints the Thai reason and exits 1', () => {
    const c = seed();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'new.ts'), 'project', '2561', 'antivirus'], { env: { ...process.env, PLAN_CONTENT: c.content }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('✗ มีโครงการรหัส "antivirus" ในแผนปี 2561 แล้ว');
    const ok = spawnSync(process.execPath, [join(ROOT, 'scripts', 'new.ts'), 'project', '2561', 'made-here'], { env: { ...process.env, PLAN_CONTENT: c.content }, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(existsSync(join(c.content, 'plans', '2561', 'projects', 'made-here.yaml'))).toBe(true);
  });
});

describe('npm run new -- report', () => {
  it('lists every project active in the month with the last report\'s figures; valid once the source is filled', () => {
    const d = demo();
    const before = loadPlans(d.content, d.root).model!.plans[0]!;
    const april = before.projects.map((p) => [p.id, p.progress.find((g) => g.reportId === '2567-04')] as const);
    rmSync(join(d.content, 'plans', '2567', 'reports', '2567-05.yaml'));
    const s = newReport(d.content, '2567', '2567-05', d.root);
    writeScaffold(s);
    const text = readFileSync(s.file, 'utf8');
    expect(text).toMatch(/^month: 2567-05$/m);
    const listed = [...text.matchAll(/^ {2}- project: (\S+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(before.projects.filter((p) => p.period.startKey <= '2567-05' && p.period.endKey >= '2567-05').map((p) => p.id));
    for (const [id, g] of april) {
      if (!listed.includes(id)) continue;
      const block = text.slice(text.indexOf(`- project: ${id}\n`)).split('\n').slice(1, 3).join('\n');
      expect(block).toBe(`    status: ${g?.status ?? 'not-started'}\n    percent: ${g?.percent ?? 0}`);
    }
    for (const k of ['results', 'problems', 'solutions', 'evidence', 'kpis']) expect(text).toContain(`# ${k}:`);
    writeFileSync(s.file, fill(text, { source: 'รายงานผลการดำเนินงานประจำเดือนพฤษภาคม 2567 (ทดสอบ)' }));
    expect(errorsOf(d.content, d.root)).toEqual([]);
  });

  it('a quarter: the projects of its months, as of the month-end; a new plan year without reports starts at not-started', () => {
    const d = demo();
    rmSync(join(d.content, 'plans', '2567', 'reports', '2567-q3.yaml'));
    const s = newReport(d.content, '2567', 'q3', d.root);
    expect(s.file.endsWith(join('reports', '2567-q3.yaml'))).toBe(true);
    writeScaffold(s);
    const text = readFileSync(s.file, 'utf8');
    expect(text).toMatch(/^quarter: 3$/m);
    writeFileSync(s.file, fill(text, { source: 'รายงานไตรมาสที่ 3 (ทดสอบ)' }));
    expect(errorsOf(d.content, d.root)).toEqual([]);

    const c = seed();
    const first = newReport(c.content, '2561', '2560-11', ROOT);
    writeScaffold(first);
    const t = readFileSync(first.file, 'utf8');
    expect(t).toContain('ยังไม่เคยรายงาน');
    expect(t).toMatch(/status: not-started\n {4}percent: 0\n/);
  });

  it('a month is prefilled from the newest report before it, named by its label, not from the quarter ending in it', () => {
    const d = demo();
    const before = loadPlans(d.content, d.root).model!.plans[0]!;
    const figures = (reportId: string) => new Map(before.projects.map((p) => [p.id, p.progress.find((g) => g.reportId === reportId)] as const));
    const [may, q3] = [figures('2567-05'), figures('2567-q3')];
    // The quarter ending in June has other figures than May's: the prefill tells them apart.
    expect([...may].some(([id, g]) => g?.percent !== q3.get(id)?.percent)).toBe(true);
    rmSync(join(d.content, 'plans', '2567', 'reports', '2567-06.yaml'));
    const text = newReport(d.content, '2567', '2567-06', d.root).text;
    const listed = [...text.matchAll(/^ {2}- project: (\S+)$/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) {
      const g = may.get(id);
      const block = text.slice(text.indexOf(`- project: ${id}\n`)).split('\n').slice(1, 3).join('\n');
      expect(block, id).toBe(`    status: ${g?.status ?? 'not-started'}\n    percent: ${g?.percent ?? 0}`);
      if (g) expect(text, id).toContain(`· รายงานครั้งก่อน (รายงานประจำเดือนพฤษภาคม 2567): ${g.statusLabel}`);
    }
    expect(text).not.toContain('(มิ.ย. 67)');
  });

  it('refuses an existing period, a month outside the plan year, a bad period', () => {
    const d = demo();
    expect(() => newReport(d.content, '2567', '2567-05', d.root)).toThrow('มีรายงานงวดนี้แล้ว');
    expect(() => newReport(d.content, '2567', 'q2', d.root)).toThrow('มีรายงานงวดนี้แล้ว');
    for (const bad of ['2567-10', 'q5', 'พ.ค. 67', '2567-5']) expect(() => newReport(d.content, '2567', bad, d.root)).toThrow(`งวด "${bad}" ไม่ถูกต้อง`);
  });
});

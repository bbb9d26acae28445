// What a newcomer tried (issue 19), end to end: each mistake is made in a temporary copy of content/ and
// `npm run check` (the script, as a user runs it) must answer with one message per mistake, at the line and
// column of the mistake, in Thai, saying what to write; what the agency's own documents write (Thai digits,
// "ก.ค. ๖๑") must pass.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT, contentCopy, ROOT } from './helpers/content-copy.ts';

const PROJECTS = 'plans/2561/projects';
const ANTIVIRUS = readFileSync(join(CONTENT, PROJECTS, 'antivirus.yaml'), 'utf8');
/** The fifth project the newcomer added: antivirus.yaml under another id and order. */
const E_OFFICE = ANTIVIRUS.replace(/^order: 1$/m, 'order: 5').replace(/^name: .*$/m, 'name: โครงการสำนักงานอิเล็กทรอนิกส์');
const REPORT = (projects: string) =>
  `month: 2561-02\nsource: รายงานผลการดำเนินงานประจำเดือน (ข้อมูลทดสอบ)\nreporter: monitoring-group\nreported_on: 2561-03-05\nprojects:\n${projects}`;
const OK_ENTRY = '  - project: e-office\n    status: on-track\n    percent: 20\n    spent: 3000\n';

interface Line { file: string; line: number; column: number; severity: 'ข้อผิดพลาด' | 'คำเตือน'; message: string }

/** Runs the check on a copy of content/ with `files` replaced; returns its exit code and parsed message lines. */
function check(files: Record<string, string>): { status: number | null; errors: Line[]; warnings: Line[]; output: string } {
  const c = contentCopy({ [`${PROJECTS}/e-office.yaml`]: E_OFFICE, ...files });
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts'), c.content], { encoding: 'utf8', cwd: c.root });
    const lines = (r.stderr + r.stdout).split('\n').flatMap((l): Line[] => {
      const m = /^(content\/\S+?):(\d+):(\d+): (ข้อผิดพลาด|คำเตือน): (.*)$/.exec(l);
      return m ? [{ file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4] as Line['severity'], message: m[5]! }] : [];
    });
    return { status: r.status, errors: lines.filter((l) => l.severity === 'ข้อผิดพลาด'), warnings: lines.filter((l) => l.severity === 'คำเตือน'), output: r.stderr + r.stdout };
  } finally {
    c.cleanup();
  }
}

/** The line (1-based) of the first line of `text` matching `re`. */
const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l)) + 1;
const THAI = /[\u0E00-\u0E7F]/;
/** Messages must say it in Thai; the parser's or zod's English must not stand alone. */
const noEnglishSentence = (m: string) => !/\b(?:must|expected|Implicit|Nested|Missing|Sequence|Invalid|received)\b/i.test(m);

describe('the mistakes of issue 19, through npm run check', () => {
  it('the fifth project on its own passes', () => {
    const r = check({});
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('a report keyed by project id: one error that shows the "- project: <id>" shape', () => {
    const report = REPORT('  e-office:\n    status: on-track\n    percent: 20\n');
    const r = check({ 'plans/2561/reports/2561-02.yaml': report });
    expect(r.status).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'content/plans/2561/reports/2561-02.yaml', line: lineOf(report, /^  e-office:/), column: 3 });
    expect(r.errors[0]!.message).toContain('projects ต้องเป็นรายการ (list)');
    expect(r.errors[0]!.message).toContain('"  - project: <รหัสโครงการ>"');
  });

  it('a bad budget in a project is one error, in the project file, not also in the report that names it', () => {
    const project = E_OFFICE.replace(/^budget: .*$/m, 'budget: แปดหมื่น');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project, 'plans/2561/reports/2561-02.yaml': REPORT(OK_ENTRY) });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: `content/${PROJECTS}/e-office.yaml`, line: lineOf(project, /^budget:/), column: 9 });
    expect(r.errors[0]!.message).toContain('จำนวนเงิน "แปดหมื่น" ไม่ใช่ตัวเลข: เขียนเป็นตัวเลข เช่น 15000 หรือ 15,000');
  });

  it('budjet: for budget is one error that says "did you mean budget"', () => {
    const project = E_OFFICE.replace(/^budget:/m, 'budjet:');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: lineOf(project, /^budjet:/), column: 1 });
    expect(r.errors[0]!.message).toBe('ไม่รู้จักฟิลด์ "budjet": หมายถึง budget (งบประมาณ (บาท)) ใช่หรือไม่? แก้ชื่อฟิลด์เป็น budget: (budjet)');
  });

  it('a Thai field name is matched to the key: งบประมาณ: → budget', () => {
    const project = E_OFFICE.replace(/^budget:/m, 'งบประมาณ:');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain('หมายถึง budget (งบประมาณ (บาท)) ใช่หรือไม่?');
  });

  it('priority: สูง lists the priorities with their Thai names', () => {
    const project = E_OFFICE.replace(/^priority: .*$/m, 'priority: สูง');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: lineOf(project, /^priority:/), column: 11 });
    expect(r.errors[0]!.message).toBe('ไม่พบระดับความสำคัญ "สูง" ใน plan.yaml: ใช้รหัสหนึ่งใน high (ระดับสำคัญมาก ***), medium (ระดับสำคัญปานกลาง **), low (ระดับสำคัญน้อย *) (priority — ระดับความสำคัญ)');
  });

  it('a misspelt id gets the nearest one: priorty hihg → high, owner monitoring-grop → monitoring-group', () => {
    const project = E_OFFICE.replace(/^priority: .*$/m, 'priority: hihg').replace(/^owner: .*$/m, 'owner: monitoring-grop');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors.map((e) => e.message.split(' ใช้รหัสหนึ่งใน')[0])).toEqual([
      'ไม่พบหน่วยงาน "monitoring-grop" ใน organisation.yaml: หมายถึง monitoring-group (กลุ่มติดตามการดำเนินงานเงินทุนหมุนเวียน) ใช่หรือไม่?',
      'ไม่พบระดับความสำคัญ "hihg" ใน plan.yaml: หมายถึง high (ระดับสำคัญมาก ***) ใช่หรือไม่?',
    ]);
  });

  it('a field error does not hide the wrong ids of the same file: every mistake in one run, each once', () => {
    const project = E_OFFICE.replace(/^budget: .*$/m, 'budget: แปดหมื่น').replace(/^priority: .*$/m, 'priority: สูง').replace(/^owner: .*$/m, 'owner: monitoring-grop');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors.map((e) => [e.line, e.column, e.message.split(':')[0]])).toEqual(
      [
        [lineOf(project, /^budget:/), 9, 'จำนวนเงิน "แปดหมื่น" ไม่ใช่ตัวเลข'],
        [lineOf(project, /^owner:/), 8, 'ไม่พบหน่วยงาน "monitoring-grop" ใน organisation.yaml'],
        [lineOf(project, /^priority:/), 11, 'ไม่พบระดับความสำคัญ "สูง" ใน plan.yaml'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it('an id the schema already rejects is not reported again as an unknown id', () => {
    const project = E_OFFICE.replace(/^budget: .*$/m, 'budget: แปดหมื่น').replace(/^priority: .*$/m, 'priority: [สูง]');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors.map((e) => e.line)).toEqual([lineOf(project, /^budget:/), lineOf(project, /^priority:/)].sort((a, b) => a - b));
    expect(r.errors.find((e) => e.line === lineOf(project, /^priority:/))!.message).not.toContain('ไม่พบระดับความสำคัญ');
  });

  it('a report naming a project that is not there: the ids to use, with names', () => {
    const r = check({ 'plans/2561/reports/2561-02.yaml': REPORT(OK_ENTRY.replace('e-office', 'e-ofice')) });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/^ไม่พบโครงการ "e-ofice" ในแผนปี 2561: หมายถึง e-office \(5\. โครงการสำนักงานอิเล็กทรอนิกส์\) ใช่หรือไม่\? ใช้รหัสหนึ่งใน antivirus \(1\. โครงการจัดซื้อระบบป้องกันไวรัส\), /);
  });

  it('wrong indentation: one Thai message at the line that is off, saying how far to indent', () => {
    const project = E_OFFICE.replace(/^period: .*$/m, 'period:\n  start: 2560-10\n   end: 2561-09');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: lineOf(project, /^ {3}end:/), column: 4 });
    expect(r.errors[0]!.message).toContain('ลบช่องว่างหน้า end ให้เหลือ 2 ช่อง');
    expect(noEnglishSentence(r.errors[0]!.message)).toBe(true);
  });

  it('a field indented too far under "  - name:" is told the column of name (after the "- "), not of the dash', () => {
    const project = E_OFFICE.replace(/^( {2}- name: ดำเนินการจัดซื้อ)$/m, '$1\n     months: [2561-03]');
    expect(project).not.toBe(E_OFFICE);
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: lineOf(project, /^ {5}months:/), column: 6 });
    expect(r.errors[0]!.message).toContain('(4 ช่อง)');
    expect(r.errors[0]!.message).toContain('ลบช่องว่างหน้า months ให้เหลือ 4 ช่อง');
  });

  it('a report entry indented wrong or without its "- ": said so, in Thai', () => {
    const shifted = REPORT('  - project: e-office\n    status: on-track\n   percent: 20\n');
    const a = check({ 'plans/2561/reports/2561-02.yaml': shifted });
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ line: lineOf(shifted, /^ {3}percent:/), column: 4 });
    expect(a.errors[0]!.message).toBe('บรรทัดนี้ย่อหน้า 3 ช่อง แต่ฟิลด์ status ในบรรทัด 7 ย่อหน้า 4 ช่อง: ฟิลด์ในระดับเดียวกันต้องย่อหน้าเท่ากัน (ใช้ช่องว่าง ไม่ใช้ Tab)');
    const noDash = REPORT(`${OK_ENTRY}  project: antivirus\n    status: on-track\n`);
    const b = check({ 'plans/2561/reports/2561-02.yaml': noDash });
    expect(b.errors).toHaveLength(1);
    expect(b.errors[0]).toMatchObject({ line: lineOf(noDash, /^ {2}project: antivirus/), column: 3 });
    expect(b.errors[0]!.message).toContain('ถ้าเป็นรายการใหม่ ให้เขียน "  - project: antivirus"');
    for (const e of [...a.errors, ...b.errors]) expect(THAI.test(e.message) && noEnglishSentence(e.message), e.message).toBe(true);
  });

  it('an unclosed quote is shown where it opens', () => {
    const project = E_OFFICE.replace(/^name: (.*)$/m, 'name: "$1');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: lineOf(project, /^name:/), column: 7 });
    expect(r.errors[0]!.message).toContain('เครื่องหมายคำพูด " ที่เปิดตรงนี้ไม่ได้ปิด');
  });

  it('Thai digits are read wherever a number or a month is expected', () => {
    const project = E_OFFICE.replace(/^order: 5$/m, 'order: ๕')
      .replace(/^budget: .*$/m, 'budget: "๑๕,๐๐๐"')
      .replace(/^period: .*$/m, 'period: { start: ต.ค. ๖๐, end: ก.ย. ๒๕๖๑ }')
      .replace(/- name: ดำเนินการจัดซื้อ/, '- name: ดำเนินการจัดซื้อ\n    months: [ก.ค. ๖๑, ๒๕๖๑-๐๘]');
    const report = `quarter: ๓\nsource: รายงานผลการดำเนินงานไตรมาสที่ 3 (ข้อมูลทดสอบ)\nreporter: monitoring-group\nreported_on: ๑๐ ก.ค. ๖๑\nprojects:\n  - project: e-office\n    status: on-track\n    percent: ๔๐\n    spent: ๕,๐๐๐\n    kpis: [{ kpi: provider-satisfaction, actual: ๘๕ }]\nkey_figures: [{ label: เครื่องที่ติดตั้งแล้ว, value: ๑๘, unit: เครื่อง }]\n`;
    const plan = readFileSync(join(CONTENT, 'plans/2561/plan.yaml'), 'utf8').replace(/^fiscal_year: 2561$/m, 'fiscal_year: ๒๕๖๑').replace(/stars: 3/, 'stars: ๓');
    const kpi = project.replace('    name: ความพึงพอใจผู้ให้บริการ\n', '    name: ความพึงพอใจผู้ให้บริการ\n    target: { value: ๘๐, unit: ร้อยละ }\n');
    expect(kpi).not.toBe(project);
    const r = check({ [`${PROJECTS}/e-office.yaml`]: kpi, 'plans/2561/plan.yaml': plan, 'plans/2561/reports/2561-q3.yaml': report });
    expect(r.errors).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('a period reaching outside the fiscal year is a warning (as the README says), a scheduled month outside it an error', () => {
    const project = E_OFFICE.replace(/^period: .*$/m, 'period: { start: 2560-08, end: 2561-09 }');
    const r = check({ [`${PROJECTS}/e-office.yaml`]: project });
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((w) => w.file.endsWith('e-office.yaml') && w.message.includes('อยู่นอกปีของแผน'))).toHaveLength(1);
    const late = E_OFFICE.replace(/- name: ดำเนินการจัดซื้อ/, '- name: ดำเนินการจัดซื้อ\n    months: [2561-10]');
    expect(check({ [`${PROJECTS}/e-office.yaml`]: late }).errors.map((e) => e.message)).toEqual([expect.stringContaining('เดือน 2561-10 (ต.ค. 61) อยู่นอกปีของแผน')]);
  });
});

// The bad-input corpus: each file in tests/fixtures/bad replaces one file of a copy of the real content.
// The expected Thai message must appear at the expected line:column of that file, as an error (CASES) or,
// for content that is questionable rather than wrong, as a warning (WARNINGS).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { loadPlans } from '../src/pipeline.ts';
import { CONTENT, contentCopy } from './helpers/content-copy.ts';

const BAD = join(import.meta.dirname, 'fixtures', 'bad');
const PROJECT = 'plans/2561/projects/antivirus.yaml';
const REPORT = 'plans/2561/reports/2561-01.yaml';
const PLAN = 'plans/2561/plan.yaml';
const ORG = 'organisation.yaml';

/** file → [replaced content path, line, column, text the message must contain, (file the error is in)] */
const CASES: Record<string, [string, number, number, string, string?]> = {
  // Syntax errors point where the mistake is (the quote that opens, the line indented too far), not where the parser gave up.
  'syntax-unclosed-quote.yaml': [PROJECT, 2, 7, 'เครื่องหมายคำพูด " ที่เปิดตรงนี้ไม่ได้ปิด: ใส่ " ปิดท้ายในบรรทัดเดียวกัน'],
  'syntax-bad-indent.yaml': [PROJECT, 5, 4, 'บรรทัดนี้ย่อหน้า 3 ช่อง มากกว่าบรรทัด 4 (2 ช่อง) ซึ่งมีค่าอยู่แล้ว: ฟิลด์ในระดับเดียวกันต้องย่อหน้าเท่ากัน ลบช่องว่างหน้า end ให้เหลือ 2 ช่อง'],
  'tab-indent.yaml': [PROJECT, 4, 1, 'ห้ามใช้ Tab'],
  'duplicate-key.yaml': [PROJECT, 8, 1, 'ชื่อฟิลด์ budget ซ้ำกันในระดับเดียวกัน'],
  'wrong-type-order.yaml': [PROJECT, 1, 8, 'ลำดับที่ต้องเป็นตัวเลข'],
  'unknown-field.yaml': [PROJECT, 8, 1, 'ไม่รู้จักฟิลด์ "budjet"'],
  'bad-month.yaml': [PROJECT, 4, 32, 'เดือน "2561-13" ไม่ถูกต้อง: เขียนเป็น ปปปป-ดด (พ.ศ.) เช่น 2561-02'],
  'bad-month-thai.yaml': [PROJECT, 4, 18, 'เดือน "มี.ย. 61" ไม่ถูกต้อง'],
  'activity-month-outside-year.yaml': [PROJECT, 10, 23, 'อยู่นอกปีของแผน'],
  'activity-month-outside-period.yaml': [PROJECT, 10, 14, 'อยู่นอกระยะเวลาโครงการ'],
  'dangling-strategy.yaml': [PROJECT, 3, 30, 'ไม่พบยุทธศาสตร์ "security"'],
  'dangling-owner.yaml': [PROJECT, 6, 8, 'ไม่พบหน่วยงาน "it-group"'],
  'dangling-priority.yaml': [PROJECT, 7, 11, 'ไม่พบระดับความสำคัญ "urgent"'],
  'duplicate-kpi-id.yaml': [PROJECT, 11, 9, 'รหัสดัชนีชี้วัด "satisfaction" ซ้ำกับที่บรรทัด 9'],
  'negative-budget.yaml': [PROJECT, 5, 9, 'จำนวนเงินต้องไม่ติดลบ'],
  'budget-in-words.yaml': [PROJECT, 5, 9, 'ไม่ใช่ตัวเลข: เขียนเป็นตัวเลข เช่น 15000'],
  'empty-name.yaml': [PROJECT, 2, 7, 'ข้อความต้องไม่ว่าง'],
  'missing-budget.yaml': [PROJECT, 1, 1, 'ขาดฟิลด์ที่ต้องระบุ "budget"'],
  'period-reversed.yaml': [PROJECT, 4, 32, 'อยู่ก่อนเดือนเริ่มต้น'],
  'breakdown-mismatch.yaml': [PROJECT, 9, 3, 'รวมกันได้ 14,000 บาท ไม่เท่ากับงบประมาณ 15,000 บาท'],
  'duplicate-order.yaml': [PROJECT, 5, 8, 'ลำดับที่ 2 ซ้ำกับโครงการ', 'plans/2561/projects/infographics.yaml'],
  'bad-pdca-phase.yaml': [PROJECT, 9, 12, 'ขั้นตอนต้องเป็น plan, do, check หรือ act'],
  'not-a-mapping.yaml': [PROJECT, 1, 1, 'ไฟล์ต้องเป็นชุดของ ชื่อฟิลด์: ค่า'],
  'empty.yaml': [PROJECT, 1, 1, 'ไฟล์ว่าง'],
  'not-utf8.yaml': [PROJECT, 2, 7, 'ไม่ได้บันทึกเป็น UTF-8'],
  'alias-bomb.yaml': [PROJECT, 2, 8, 'alias'],
  'report-percent-over-100.yaml': [REPORT, 6, 14, 'ร้อยละต้องอยู่ระหว่าง 0 ถึง 100'],
  'report-unknown-project.yaml': [REPORT, 4, 14, 'ไม่พบโครงการ "firewall"'],
  'report-month-outside-year.yaml': [REPORT, 1, 8, 'เดือนรายงาน 2561-11 อยู่นอกปีของแผน'],
  'report-no-period.yaml': [REPORT, 1, 1, 'ต้องระบุ month'],
  'report-bad-status.yaml': [REPORT, 5, 13, 'สถานะต้องเป็น'],
  'spending-plan-mismatch.yaml': [PROJECT, 9, 3, 'แผนการใช้จ่ายรวม 10,000 บาท ไม่เท่างบประมาณ 15,000 บาท (ขาด 5,000 บาท)'],
  'spending-plan-mixed.yaml': [PROJECT, 10, 5, 'แผนการใช้จ่ายต้องเป็นรายไตรมาสทั้งหมดหรือรายเดือนทั้งหมด'],
  'spending-plan-duplicate-quarter.yaml': [PROJECT, 11, 14, 'ไตรมาส 2 มีในแผนการใช้จ่ายแล้ว'],
  'report-bad-reported-on.yaml': [REPORT, 4, 14, 'วันที่ "31 ก.พ. 61" ไม่ถูกต้อง: เขียนเป็น ปปปป-ดด-วว (พ.ศ.) เช่น 2561-04-10'],
  'report-evidence-javascript.yaml': [REPORT, 10, 14, 'ขึ้นต้นด้วย http:// หรือ https://'],
  'report-evidence-outside-content.yaml': [REPORT, 10, 15, 'ไฟล์หลักฐานต้องอยู่ในโฟลเดอร์ content/'],
  'report-dated-before-period-end.yaml': [REPORT, 4, 14, 'แก้ reported_on เป็นวันที่ 31 มกราคม 2561 หรือหลังจากนั้น'],
  'report-evidence-missing-file.yaml': [REPORT, 10, 15, 'ไม่พบไฟล์หลักฐาน "evidence/2561-01/acceptance.pdf": คัดลอกไฟล์ไปไว้ที่ content/evidence/2561-01/acceptance.pdf'],
  'spending-plan-month-outside-period.yaml': [PROJECT, 9, 14, 'เดือน 2560-12 (ธ.ค. 60) อยู่นอกระยะเวลาโครงการ 2561-01 ถึง 2561-09'],
  'spending-plan-month-outside-year.yaml': [PROJECT, 10, 14, 'เดือน 2561-10 (ต.ค. 61) อยู่นอกปีของแผน ปี 2561'],
  'org-bad-color.yaml': [ORG, 12, 14, 'สีต้องเป็นรหัสสีแบบ #RRGGBB'],
  'org-keep-together-thai-space.yaml': [ORG, 12, 5, 'คำไทยในรายการนี้ต้องไม่เว้นวรรค: เขียนติดกัน'],
  'org-site-url-javascript.yaml': [ORG, 11, 8, 'ขึ้นต้นด้วย http:// หรือ https:// ไม่มีช่องว่าง ไม่มี ? หรือ # เช่น http://intranet.example.go.th/plans/'],
  'org-site-url-no-scheme.yaml': [ORG, 11, 8, 'ที่อยู่เว็บไซต์ต้องเป็นที่อยู่เว็บเต็มที่ขึ้นต้นด้วย http://'],
  'plan-duplicate-strategy-id.yaml': [PLAN, 10, 9, 'รหัสยุทธศาสตร์/กลยุทธ์ "infrastructure-continuous" ซ้ำ'],
  'plan-year-mismatch.yaml': [PLAN, 1, 14, 'ไม่ตรงกับชื่อโฟลเดอร์ plans/2561'],
  'plan-thai-id.yaml': [PLAN, 10, 9, 'รหัสต้องเป็นอักษรอังกฤษตัวเล็ก'],
  'plan-ce-year.yaml': [PLAN, 1, 14, 'ไม่ใช่ ค.ศ.'],
  'budget-three-decimals.yaml': [PROJECT, 5, 9, 'จำนวนเงิน 15000.505 มีทศนิยมเกิน 2 ตำแหน่ง: สตางค์มีได้ 2 ตำแหน่ง เช่น 15000.50'],
  'budget-three-decimals-text.yaml': [PROJECT, 5, 9, 'สตางค์มีได้ 2 ตำแหน่ง'],
  'month-ce-year.yaml': [PROJECT, 4, 18, 'ปี 2018 ดูเหมือนเป็น ค.ศ.: ปี พ.ศ. คือ 2561 (ค.ศ. + 543)'],
  'report-reported-on-ce-year.yaml': [REPORT, 3, 14, 'ปี 2018 ดูเหมือนเป็น ค.ศ.: ปี พ.ศ. คือ 2561'],
  'name-invisible.yaml': [PROJECT, 2, 7, 'ข้อความต้องไม่ว่าง: มีแต่อักขระที่มองไม่เห็น'],
  'name-control-character.yaml': [PROJECT, 2, 7, 'อยู่หลัง "ระบบป้องกัน": ลบอักขระควบคุม (U+0007) ออก'],
  'unknown-tag-include.yaml': [PROJECT, 8, 12, 'ไม่รองรับแท็ก YAML !include: ลบแท็กออกแล้วเขียนค่าลงไปตรง ๆ'],
  'unknown-tag-js-function.yaml': [PROJECT, 2, 7, 'ไม่รองรับแท็ก YAML !!js/function'],
};

const ANTIVIRUS = readFileSync(join(CONTENT, PROJECT), 'utf8');
const MONTHLY = (month: string, percent: number, spent: number) =>
  `month: ${month}\nsource: รายงานผลการดำเนินงานประจำเดือน (ข้อมูลทดสอบ)\nprojects:\n  - project: antivirus\n    status: on-track\n    percent: ${percent}\n    spent: ${spent}\n`;

/** Questionable content: a positioned Thai warning, and the model is still built. The extra files are the
 *  other side of a cross-check (an earlier report, the project). */
const WARNINGS: Record<string, [string, number, number, string, Record<string, string>?]> = {
  'report-percent-down.yaml': ['plans/2561/reports/2561-02.yaml', 6, 14, 'ความก้าวหน้าร้อยละ 30 ลดลงจากร้อยละ 40 ในรายงาน 2561-01.yaml: ความก้าวหน้าเป็นยอดสะสม เขียนร้อยละตั้งแต่ 40 ขึ้นไป', { [REPORT]: MONTHLY('2561-01', 40, 5000) }],
  'report-spent-down.yaml': ['plans/2561/reports/2561-02.yaml', 7, 12, 'เบิกจ่ายสะสม 4,000 บาท ลดลงจาก 5,000 บาท ในรายงาน 2561-01.yaml: การเบิกจ่ายเป็นยอดสะสม เขียนยอดตั้งแต่ 5,000 บาท ขึ้นไป', { [REPORT]: MONTHLY('2561-01', 40, 5000) }],
  'report-done-under-100.yaml': [REPORT, 6, 14, 'สถานะ done (แล้วเสร็จ) แต่ความก้าวหน้าร้อยละ 90: ถ้าแล้วเสร็จให้เขียน percent: 100'],
  'report-not-started-above-0.yaml': [REPORT, 6, 14, 'สถานะ not-started (ยังไม่เริ่มดำเนินการ) แต่ความก้าวหน้าร้อยละ 10: ถ้าเริ่มแล้วให้เขียน status: on-track หรือ delayed ถ้ายังไม่เริ่มให้เขียน percent: 0'],
  'report-spent-over-budget.yaml': [REPORT, 7, 12, 'เบิกจ่าย 20,000 บาท เกินงบประมาณโครงการ 15,000 บาท: ตรวจยอดเบิกจ่าย'],
  'report-approval-before-reported-on.yaml': [REPORT, 7, 7, 'วันที่อนุมัติ 5 กุมภาพันธ์ 2561 อยู่ก่อนวันที่รายงาน 10 กุมภาพันธ์ 2561'],
  'report-project-not-started.yaml': [REPORT, 4, 14, 'โครงการ antivirus เริ่ม มี.ค. 61 หลังงวดของรายงานนี้ (ม.ค. 61): ลบโครงการนี้ออกจากรายงาน หรือแก้ period.start', { [PROJECT]: ANTIVIRUS.replace('start: 2560-10', 'start: 2561-03') }],
  'report-kpi-no-target.yaml': [REPORT, 10, 17, 'ดัชนีชี้วัด "provider-satisfaction" ไม่มีค่าเป้าหมายในไฟล์ projects/antivirus.yaml: ผลที่รายงาน (4.5) จึงเทียบกับเป้าหมายไม่ได้ เพิ่ม target: { value: …, unit: … }'],
  'report-kpi-no-unit.yaml': [REPORT, 10, 17, 'ค่าเป้าหมายของดัชนีชี้วัด "provider-satisfaction" (4) ไม่มีหน่วยในไฟล์ projects/antivirus.yaml: ผลที่รายงาน (4.5) จึงเทียบกับเป้าหมายไม่ได้ เพิ่ม unit ที่ target', { [PROJECT]: ANTIVIRUS.replace('    name: ความพึงพอใจผู้ให้บริการ\n', '    name: ความพึงพอใจผู้ให้บริการ\n    target: { value: 4 }\n') }],
  'report-quarter-disagrees.yaml': ['plans/2561/reports/2561-q2.yaml', 6, 14, 'ความก้าวหน้าของโครงการ antivirus ในรายงานไตรมาสนี้เป็น ร้อยละ 45 แต่รายงานประจำเดือน 2561-03.yaml ของเดือนสิ้นไตรมาสเดียวกันเป็น ร้อยละ 40: เขียนให้ตรงกับรายงาน 2561-03.yaml', { 'plans/2561/reports/2561-03.yaml': MONTHLY('2561-03', 40, 5000) }],
  'report-reporter-not-a-unit.yaml': [REPORT, 3, 11, 'ไม่พบหน่วยงาน "monitoring-grp" ใน organisation.yaml: หมายถึง monitoring-group (กลุ่มติดตามการดำเนินงานเงินทุนหมุนเวียน) ใช่หรือไม่? ใช้รหัสหนึ่งใน monitoring-group (กลุ่มติดตามการดำเนินงานเงินทุนหมุนเวียน) หรือเขียนตำแหน่งของผู้รายงาน'],
  'spending-plan-quarter-before-start.yaml': [PROJECT, 9, 16, 'ไตรมาส 1 (ต.ค. 60 – ธ.ค. 60) อยู่ก่อนโครงการเริ่ม 2561-01 ทั้งไตรมาส: ย้ายจำนวนเงินไปไว้ในไตรมาสที่โครงการดำเนินการ'],
  'spending-plan-quarter-after-end.yaml': [PROJECT, 11, 16, 'ไตรมาส 4 (ก.ค. 61 – ก.ย. 61) อยู่หลังโครงการสิ้นสุด 2561-03 ทั้งไตรมาส'],
};

describe('bad content gives a positioned Thai error', () => {
  it('every fixture file has an expectation and vice versa', () => {
    expect(readdirSync(BAD).sort()).toEqual([...Object.keys(CASES), ...Object.keys(WARNINGS)].sort());
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, [target, line, column, text, inFile]] of Object.entries(CASES)) {
    it(name, () => {
      const c = contentCopy({ [target]: readFileSync(join(BAD, name)) });
      try {
        const { model, diagnostics } = loadPlans(c.content, c.root);
        expect(model, 'no model is built when there are errors').toBeUndefined();
        const file = `content/${inFile ?? target}`;
        const errors = diagnostics.filter((d) => d.severity === 'error');
        const hit = errors.find((d) => d.file === file && d.line === line && d.column === column && d.message.includes(text));
        expect(hit, `expected "${text}" at ${file}:${line}:${column}; got:\n${errors.map(formatDiagnostic).join('\n')}`).toBeDefined();
        // Every message is Thai and says where.
        for (const d of errors) expect(d.message).toMatch(/[\u0E00-\u0E7F]/);
      } finally {
        c.cleanup();
      }
    });
  }

  it('reports every problem of a file in one run, not only the first', () => {
    const c = contentCopy({
      [PROJECT]: 'order: 1\nname: ""\nstrategies: [infrastructure]\nperiod: { start: 2561-13, end: 2561-09 }\nbudget: สามพัน\nowner: monitoring-group\npriority: high\ncolour: red\n',
    });
    try {
      const errors = loadPlans(c.content, c.root).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.line}:${d.column}`)).toEqual(['2:7', '4:18', '5:9', '8:1']);
    } finally {
      c.cleanup();
    }
  });

  it('reports problems in several files in one run', () => {
    const c = contentCopy({
      [PROJECT]: readFileSync(join(BAD, 'budget-in-words.yaml')),
      [REPORT]: readFileSync(join(BAD, 'report-percent-over-100.yaml')),
    });
    try {
      const files = new Set(loadPlans(c.content, c.root).diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
      expect(files).toEqual(new Set([`content/${PROJECT}`, `content/${REPORT}`]));
    } finally {
      c.cleanup();
    }
  });
});

describe('questionable content gives a positioned Thai warning and still builds', () => {
  for (const [name, [target, line, column, text, extra]] of Object.entries(WARNINGS)) {
    it(name, () => {
      const c = contentCopy({ ...extra, [target]: readFileSync(join(BAD, name)) });
      try {
        const { model, diagnostics } = loadPlans(c.content, c.root);
        expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
        expect(model).toBeDefined();
        // The fixture's field warnings are exactly this one (sheet gaps have no field and are the seed's own).
        const file = `content/${target}`;
        const warnings = diagnostics.filter((d) => d.severity === 'warning' && d.file === file && d.field !== undefined);
        expect(warnings.map((d) => `${d.line}:${d.column}`), warnings.map(formatDiagnostic).join('\n')).toEqual([`${line}:${column}`]);
        expect(warnings[0]!.message).toContain(text);
      } finally {
        c.cleanup();
      }
    });
  }
});

describe('the report cross-checks stay quiet on reports that agree', () => {
  it('a report dated on the last day of its period, a quarterly report matching its month-end, figures that only grow', () => {
    const dated = (yaml: string, on: string) => yaml.replace('projects:', `reporter: หัวหน้ากลุ่มติดตามการดำเนินงาน\nreported_on: ${on}\nprojects:`);
    const c = contentCopy({
      [REPORT]: dated(MONTHLY('2561-01', 40, 5000), '2561-01-31'),
      'plans/2561/reports/2561-03.yaml': dated(MONTHLY('2561-03', 50, 8000), '2561-04-05'),
      'plans/2561/reports/2561-q2.yaml': dated(MONTHLY('2561-03', 50, 8000), '2561-04-10').replace('month: 2561-03', 'quarter: 2'),
      'plans/2561/reports/2561-04.yaml': MONTHLY('2561-04', 50, 8000),
    });
    try {
      const { model, diagnostics } = loadPlans(c.content, c.root);
      expect(model).toBeDefined();
      expect(diagnostics.filter((d) => d.file.includes('/reports/')).map(formatDiagnostic)).toEqual([]);
    } finally {
      c.cleanup();
    }
  });

  it('names every figure a quarterly report gets different from its monthly report', () => {
    const c = contentCopy({
      'plans/2561/reports/2561-03.yaml': MONTHLY('2561-03', 50, 8000),
      'plans/2561/reports/2561-q2.yaml': MONTHLY('2561-03', 50, 8000).replace('month: 2561-03', 'quarter: 2').replace('on-track', 'delayed').replace('spent: 8000', 'spent: 7000'),
    });
    try {
      const warnings = loadPlans(c.content, c.root).diagnostics.filter((d) => d.file.endsWith('2561-q2.yaml'));
      expect(warnings.map((d) => `${d.line}:${d.column} ${d.message.split(':')[0]}`)).toEqual([
        '5:13 สถานะของโครงการ antivirus ในรายงานไตรมาสนี้เป็น delayed แต่รายงานประจำเดือน 2561-03.yaml ของเดือนสิ้นไตรมาสเดียวกันเป็น on-track',
        '7:12 เบิกจ่ายสะสมของโครงการ antivirus ในรายงานไตรมาสนี้เป็น 7,000 บาท แต่รายงานประจำเดือน 2561-03.yaml ของเดือนสิ้นไตรมาสเดียวกันเป็น 8,000 บาท',
      ]);
    } finally {
      c.cleanup();
    }
  });
});

describe('file references stay inside content/ and public/', () => {
  const org = readFileSync(join(import.meta.dirname, '..', 'content', 'organisation.yaml'), 'utf8');
  const withLogo = (logo: string) => org.replace('branding:\n', `branding:\n  logo: ${logo}\n`);
  const logoLine = withLogo('x').split('\n').findIndex((l) => l.startsWith('  logo:')) + 1;
  const cases: Array<[string, Record<string, string | Uint8Array>, string]> = [
    ['../../etc/passwd.png', {}, 'ต้องอยู่ในโฟลเดอร์ content/ หรือ public/'],
    ['/etc/hostname.png', {}, 'ต้องอยู่ในโฟลเดอร์ content/ หรือ public/'],
    ['logo.gif', {}, 'ต้องเป็น PNG หรือ JPEG'],
    ['missing.png', {}, 'ไม่พบไฟล์โลโก้ "missing.png"'],
    ['fake.png', { 'fake.png': 'not an image' }, 'ไม่ใช่ภาพ PNG หรือ JPEG'],
    ['truncated.png', { 'truncated.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) }, 'เสียหาย อ่านเป็นภาพไม่ได้'],
  ];
  for (const [logo, files, text] of cases) {
    it(`logo: ${logo}`, () => {
      const c = contentCopy({ [ORG]: withLogo(logo), ...files });
      try {
        const errors = loadPlans(c.content, c.root).diagnostics.filter((d) => d.severity === 'error');
        expect(errors.map((d) => [d.file, d.line, d.column])).toEqual([['content/organisation.yaml', logoLine, 9]]);
        expect(errors[0]!.message).toContain(text);
      } finally {
        c.cleanup();
      }
    });
  }
  it('accepts a PNG logo in content/', () => {
    const png = readFileSync(join(import.meta.dirname, '..', 'node_modules', '@expo-google-fonts', 'sarabun', '400Regular', 'Sarabun_400Regular.ttf.png'));
    const c = contentCopy({ [ORG]: withLogo('logo.png'), 'logo.png': png });
    try {
      expect(loadPlans(c.content, c.root).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    } finally {
      c.cleanup();
    }
  });
});

describe('site.url against SITE_BASE', () => {
  const ORG_TEXT = readFileSync(join(CONTENT, ORG), 'utf8');
  const withSite = `${ORG_TEXT.trimEnd()}\nsite:\n  url: http://intranet.example.go.th/plans/\n`;
  const warningsWith = (base: string | undefined) => {
    const saved = process.env.SITE_BASE;
    if (base === undefined) delete process.env.SITE_BASE; else process.env.SITE_BASE = base;
    const c = contentCopy({ [ORG]: withSite });
    try {
      const { model, diagnostics } = loadPlans(c.content, c.root);
      expect(model).toBeDefined();
      return diagnostics.filter((d) => d.severity === 'warning' && d.field?.startsWith('site'));
    } finally {
      c.cleanup();
      if (saved === undefined) delete process.env.SITE_BASE; else process.env.SITE_BASE = saved;
    }
  };
  const line = withSite.split('\n').findIndex((l) => l.startsWith('  url:')) + 1;

  it('warns, at site.url, in Thai, with both fixes, when the paths differ', () => {
    const [w, ...more] = warningsWith('/');
    expect(more).toEqual([]);
    expect([w!.file, w!.line, w!.column]).toEqual([`content/${ORG}`, line, 8]);
    expect(w!.message).toContain('SITE_BASE=/');
    expect(w!.message).toContain('ให้เขียน site.url เป็น http://intranet.example.go.th/ หรือสร้างด้วย SITE_BASE=/plans/');
  });

  it('says nothing when they agree (however SITE_BASE is written) or SITE_BASE is not set', () => {
    expect(warningsWith('/plans/')).toEqual([]);
    expect(warningsWith('plans')).toEqual([]);
    expect(warningsWith(undefined)).toEqual([]);
  });
});

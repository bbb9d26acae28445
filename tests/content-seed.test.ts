// The shipped FY2561 content: it validates with exactly the warnings the source's gaps explain, and the
// model carries what the book says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { markdownToPlainText, NOT_SPECIFIED } from '../src/model/index.ts';
import { loadPlans } from '../src/pipeline.ts';
import { CONTENT, ROOT } from './helpers/content-copy.ts';

const result = loadPlans(CONTENT, ROOT);

describe('FY2561 seed content', () => {
  it('validates without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(result.model).toBeDefined();
  });

  it('has exactly the expected warnings (gaps the source lost)', () => {
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.file}:${d.line} ${d.field ?? ''} ${d.message}`);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/antivirus\.yaml:\d+ procurement .*ยังไม่ระบุประเภทการจัดหา/);
    expect(warnings[1]).toMatch(/antivirus\.yaml:\d+ activities .*ยังไม่ระบุเดือน/);
    expect(warnings[2]).toMatch(/infographics\.yaml:\d+ .*9\. ดัชนีชี้วัดความสำเร็จ, 10\. การติดตามประเมินผลและรายงาน/);
    expect(warnings[3]).toMatch(/infographics\.yaml:\d+ activities .*ยังไม่ระบุเดือน/);
  });

  const plan = result.model!.plans[0]!;

  it('has the plan as the book states it', () => {
    expect(plan.fiscalYear).toBe(2561);
    expect(plan.title).toBe('แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. 2561');
    expect(plan.missions).toHaveLength(3);
    expect(plan.goals).toHaveLength(5);
    expect(plan.strategies.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(plan.strategies[2]!.tactics[0]!.number).toBe('3.1');
    expect(plan.strategies[2]!.tactics[0]!.name).toContain('ปลูกฝัง');
    expect(markdownToPlainText(plan.introduction!).split('\n\n')).toHaveLength(2);
    expect(markdownToPlainText(plan.introduction!)).toContain('ความสัมพันธ์ระหว่างโครงการ');
  });

  it('orders the four projects as the table does, with totals', () => {
    expect(plan.projects.map((p) => [p.order, p.id, p.budget, p.priority.marks])).toEqual([
      [1, 'antivirus', 15000, '***'],
      [2, 'infographics', 10000, '***'],
      [3, 'debtor-data', 50000, '**'],
      [4, 'digital-plan', 50000, '**'],
    ]);
    expect(plan.totals.budget).toBe(125000);
    expect(plan.totals.budgetWords).toBe('หนึ่งแสนสองหมื่นห้าพันบาทถ้วน');
    expect(plan.totals.byStrategy.map((g) => [g.key.id, g.budget, g.projectIds.length])).toEqual([
      ['infrastructure', 115000, 3],
      ['applications', 10000, 1],
      ['people', 0, 0],
    ]);
    expect(plan.totals.byPriority.map((g) => [g.key.id, g.budget])).toEqual([['high', 25000], ['medium', 100000], ['low', 0]]);
  });

  it('puts the fiscal months and PDCA steps on the grid', () => {
    expect(plan.months.map((m) => m.key)).toEqual([
      '2560-10', '2560-11', '2560-12', '2561-01', '2561-02', '2561-03',
      '2561-04', '2561-05', '2561-06', '2561-07', '2561-08', '2561-09',
    ]);
    expect(plan.months[2]!.labelLong).toBe('ธันวาคม 2560');
    const debtor = plan.projects.find((p) => p.id === 'debtor-data')!;
    expect(debtor.schedule).toBe('pdca');
    expect(debtor.pdca.map((s) => s.month?.labelShort)).toEqual(['ม.ค. 61', 'ก.พ. 61', 'มิ.ย. 61', 'ก.ย. 61']);
    expect(debtor.kpis[0]!.text).toBe('มีการปรับปรุงข้อมูลครบถ้วนร้อยละ 90');
    expect(plan.activeByMonth['2561-02']).toEqual(['debtor-data', 'digital-plan']);
    expect(plan.activeByMonth['2560-10']).toEqual([]);
  });

  it('keeps what the source lost unset', () => {
    const antivirus = plan.projects.find((p) => p.id === 'antivirus')!;
    expect(antivirus.procurement).toBeNull();
    expect(antivirus.schedule).toBe('none');
    expect(antivirus.activities).toHaveLength(5);
    expect(antivirus.table.expectedResults).toEqual(['มีซอฟต์แวร์ป้องกันไวรัส ป้องกันภัยคุกคามทางดิจิทัลใหม่']);
    const info = plan.projects.find((p) => p.id === 'infographics')!;
    expect(info.kpis).toEqual([]);
    expect(info.monitoring).toBeUndefined();
    expect(info.missingSections).toEqual(['9. ดัชนีชี้วัดความสำเร็จ', '10. การติดตามประเมินผลและรายงาน']);
    expect(info.fundStrategies.map((s) => s.number)).toEqual([4]);
    expect(NOT_SPECIFIED).toBe('ไม่ระบุ');
    expect(plan.reports).toEqual([]); // the book states no progress reports
  });

  it('applies every correction the domain guide lists', () => {
    const all = ['organisation.yaml', 'plans/2561/plan.yaml', ...plan.projects.map((p) => p.sourceFile.replace('content/', ''))]
      .map((f) => readFileSync(join(CONTENT, f), 'utf8').split('\n').filter((l) => !l.trim().startsWith('#')).map((l) => l.replace(/#.*$/, '')).join('\n'))
      .join('\n');
    for (const wrong of ['น้ำมัน', 'ข้าราชการครุ', 'ราคาากลาง', 'คณะกรรมาการ', 'ปลุกฝัง', 'ความสัมพันธระหว่าง', 'เชื่อมต่อจะระบบงาน', 'เป็นเป็นประจำ', 'ลูกค้า', 'มี.ย']) {
      expect(all, wrong).not.toContain(wrong);
    }
  });

  it('content files point VS Code at the JSON Schema', () => {
    for (const f of result.files) {
      expect(readFileSync(join(ROOT, f), 'utf8').split('\n')[0], f).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)*\.?\/?schemas\/\w+\.schema\.json$/);
    }
  });
});

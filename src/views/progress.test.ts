// Progress as of a month, on SYNTHETIC reports (tests/infographics/fixtures.ts: Q1 as of ธ.ค. 60, March 61).
import { describe, expect, it } from 'vitest';
import { withReports } from '../../tests/infographics/fixtures.ts';
import { monthView } from './month.ts';
import { progressNote, projectStatus, spentAsOf } from './progress.ts';

const plan = withReports().plans[0]!;
const month = (key: string) => plan.months.find((m) => m.key === key)!;
const project = (id: string) => plan.projects.find((p) => p.id === id)!;

describe('progress as of a month', () => {
  it('takes the newest report not after the month, never a later one', () => {
    expect(projectStatus(plan, project('antivirus'), month('2560-11')).basis).toBe('planned');
    const feb = projectStatus(plan, project('antivirus'), month('2561-02'));
    expect([feb.basis, feb.progress?.percent, feb.report?.id]).toEqual(['earlier', 40, 'synthetic-q1']);
    const mar = projectStatus(plan, project('antivirus'), month('2561-03'));
    expect([mar.basis, mar.progress?.percent]).toEqual(['this-month', 100]);
  });
  it('sums the newest spent figure of each project and dates it by the newest report summed', () => {
    expect(spentAsOf(plan, month('2560-11'))).toBeUndefined();
    const feb = spentAsOf(plan, month('2561-02'))!;
    expect([feb.total, feb.asOf.key, feb.label]).toEqual([0 + 2500, '2560-12', 'เบิกจ่ายสะสม ณ ธ.ค. 60']);
    expect(spentAsOf(plan, month('2561-08'))!.total).toBe(14500 + 4000 + 20000);
  });
  it('the note names the report and says when it is not the month\'s own', () => {
    expect(progressNote(plan, month('2560-11'))).toMatch(/^ข้อมูลตามแผน \(แผน\)/);
    expect(progressNote(plan, month('2561-02'))).toContain('รายงานไตรมาส 1');
    expect(progressNote(plan, month('2561-02'))).toContain('ยังไม่มีรายงานของเดือนนี้');
    expect(progressNote(plan, month('2561-03'))).not.toContain('ยังไม่มีรายงานของเดือนนี้');
  });
  it('a month view lists reported projects that are not scheduled that month', () => {
    const v = monthView(plan, month('2561-08'));
    const scheduled = new Set(v.projects.map((p) => p.project.id));
    expect(v.reportedElsewhere.every((s) => !scheduled.has(s.project.id) && s.progress)).toBe(true);
    expect(v.unscheduled.every((p) => !v.reportedElsewhere.some((s) => s.project === p))).toBe(true);
    expect(v.scheduledBudget).toBe(v.projects.reduce((a, p) => a + p.project.budget, 0));
  });
});

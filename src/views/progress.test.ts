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

import { plannedCurve, projectMonth, scheduleStatus } from '../model/progress.ts';

describe('plan against actual', () => {
  const p = project('antivirus');
  it('a quarterly spending plan spreads each quarter over its months and adds up to the budget', () => {
    const c = plannedCurve(p, [{ quarter: 1, amount: 6000 }, { quarter: 2, amount: 9000 }]);
    expect(c.basis).toBe('spending-plan');
    expect([c.cumulative[0], c.cumulative[2], c.cumulative[3], c.cumulative[11]]).toEqual([2000, 6000, 9000, 15000]);
  });
  it('a quarter is spread over its months inside the period, in whole baht, each running total the nearest', () => {
    const period = (a: number, b: number) => ({ start: plan.months[a], end: plan.months[b] });
    // ต.ค.–ธ.ค.: 850,000 over three months
    const c = plannedCurve({ ...p, period: period(0, 11) }, [{ quarter: 1, amount: 850_000 }]);
    expect(c.cumulative.slice(0, 3)).toEqual([283_333, 566_667, 850_000]);
    // a project that starts in พ.ย.: the quarter falls on พ.ย. and ธ.ค. only
    const late = plannedCurve({ ...p, period: period(1, 11) }, [{ quarter: 1, amount: 100_001 }]);
    expect(late.cumulative.slice(0, 3)).toEqual([0, 50_001, 100_001]);
    // satang stay satang
    expect(plannedCurve({ ...p, period: period(0, 11) }, [{ quarter: 2, amount: 1000.5 }]).cumulative.slice(3, 6)).toEqual([333.5, 667, 1000.5]);
    // without a plan, a budget over seven scheduled months adds up exactly
    expect(plannedCurve({ ...p, budget: 1_000_000, activeMonthIndexes: [0, 1, 2, 3, 4, 5, 6] }).cumulative.slice(0, 7)).toEqual([142_857, 285_714, 428_571, 571_429, 714_286, 857_143, 1_000_000]);
  });
  it('without a spending plan the budget follows the scheduled months', () => {
    const c = plannedCurve({ ...p, activeMonthIndexes: [2, 3] });
    expect(c.basis).toBe('schedule');
    expect([c.cumulative[1], c.cumulative[2], c.cumulative[3]]).toEqual([0, 7500, 15000]);
    expect(plannedCurve({ ...p, activeMonthIndexes: [] }).basis).toBe('period');
  });
  it('behind by more than 10 points is behind, whatever the reported status says', () => {
    expect(scheduleStatus(60, { percent: 30, status: 'delayed' })).toEqual({ kind: 'behind', points: -30 });
    expect(scheduleStatus(60, { percent: 55, status: 'on-track' })).toEqual({ kind: 'on-track', points: -5 });
    expect(scheduleStatus(20, { percent: 45, status: 'on-track' }).kind).toBe('ahead');
    expect(scheduleStatus(20, undefined).kind).toBe('no-report');
    expect(scheduleStatus(20, { percent: undefined, status: 'on-track' }).kind).toBe('no-report');
    // Reported delayed and short of the plan: behind, within the tolerance too (95 % of 100 % at the year's end).
    expect(scheduleStatus(100, { percent: 95, status: 'delayed' })).toEqual({ kind: 'behind', points: -5 });
    expect(scheduleStatus(100, { percent: 95, status: 'on-track' }).kind).toBe('on-track');
    // Cancelled: not compared, however far its plan has run on.
    expect(scheduleStatus(100, { percent: 20, status: 'cancelled' })).toEqual({ kind: 'cancelled' });
    // antivirus: reported 40 % (on-track) as of ธ.ค. 60 while its plan says 100 % spent by then.
    const m = projectMonth(p, plannedCurve(p, [{ quarter: 1, amount: 15000 }]), month('2560-12'));
    expect([m.plannedPercent, m.actual?.status, m.schedule.kind, m.schedule.points]).toEqual([100, 'on-track', 'behind', -60]);
  });
});

import { reportView } from './report.ts';

describe('a report as its outputs show it', () => {
  const march = plan.reports.find((r) => r.id === 'synthetic-2561-03')!;
  const v = reportView(plan, march);
  it('every project, figures as of the report, cumulative period', () => {
    expect(v.rows.map((r) => r.project.id)).toEqual(plan.projects.map((p) => p.id));
    expect(v.periodLabel).toContain('สะสม ต.ค. 2560 – มี.ค. 2561');
    expect(v.total.actual).toBe(14500 + 4000 + 20000);
    expect(v.total.budget).toBe(plan.totals.budget);
    expect(v.counts.reduce((a, c) => a + c.count, 0)).toBe(plan.projects.length);
  });
  it('quarters up to the report, the curve from October to its month', () => {
    expect(v.byQuarter.map((q) => [q.quarter, q.end.key])).toEqual([[1, '2560-12'], [2, '2561-03']]);
    expect(v.byQuarter[0]!.actual).toBe(0 + 2500);
    expect(v.curve.map((c) => c.actual)).toEqual([undefined, undefined, 2500, 2500, 2500, 38500]);
    expect(v.curve.every((c, i) => i === 0 || c.planned >= v.curve[i - 1]!.planned)).toBe(true);
  });
  it('behind is computed against the plan: past the tolerance whatever was reported, within it only when reported delayed', () => {
    for (const r of v.behind) expect(r.schedule.points! < -10 || (r.actual?.status === 'delayed' && r.schedule.points! < 0)).toBe(true);
    expect(v.rows.filter((r) => r.schedule.kind === 'behind' && r.actual?.status !== 'done' && r.actual?.status !== 'cancelled').length).toBe(v.behind.length);
    expect(v.rows.filter((r) => r.actual?.status === 'on-track' && r.schedule.points! < 0 && r.schedule.points! >= -10).every((r) => r.schedule.kind === 'on-track')).toBe(true);
  });
});

import { cancelledSince } from '../model/progress.ts';

describe('cancelledSince', () => {
  const p = project('antivirus');
  const months = plan.months;
  const entry = (i: number, status: 'cancelled' | 'on-track') => ({ ...p.progress[0]!, asOf: months[i]!, status });
  it('is the first report of the run of cancelled reports the progress ends with, as of a month', () => {
    const q = { ...p, progress: [entry(2, 'on-track'), entry(3, 'cancelled'), entry(4, 'cancelled')] };
    expect(cancelledSince(q)).toBe(3);
    expect(cancelledSince(q, months[2])).toBeUndefined();
    expect(cancelledSince(q, months[3])).toBe(3);
    // cancelled, then reported going again: not cancelled any more, and then cancelled anew from its later report
    const resumed = { ...p, progress: [entry(3, 'cancelled'), entry(5, 'on-track')] };
    expect(cancelledSince(resumed)).toBeUndefined();
    expect(cancelledSince(resumed, months[4])).toBe(3);
    expect(cancelledSince({ ...resumed, progress: [...resumed.progress, entry(7, 'cancelled')] })).toBe(7);
  });
});

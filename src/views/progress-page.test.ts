// The progress pages' view helpers on the demo content (a year of reports) and the S-curve geometry.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlans } from '../pipeline.ts';
import type { Model, ProjectProgress } from '../model/types.ts';
import { curveChart } from '../site/curve.ts';
import { curveShares, latestReportView, moneyShares, problemHistory, projectLine, trafficLight } from './progress-page.ts';

const root = join(import.meta.dirname, '..', '..');
const demo = (loadPlans(join(root, 'examples', 'demo'), root) as { model: Model }).model.plans[0]!;
const seed = (loadPlans(join(root, 'content'), root) as { model: Model }).model.plans[0]!;
const project = (id: string) => demo.projects.find((p) => p.id === id)!;
const entry = (status: ProjectProgress['status'], statusLabel: string) => ({ status, statusLabel }) as ProjectProgress;

describe('traffic lights', () => {
  it('red when behind the plan whatever was reported, then the reported status, with words always', () => {
    expect(trafficLight({ actual: entry('on-track', 'ตามแผน'), schedule: { kind: 'behind', points: -30 } })).toEqual({ tone: 'red', text: 'ช้ากว่าแผน 30 จุด' });
    expect(trafficLight({ actual: entry('delayed', 'ล่าช้ากว่าแผน'), schedule: { kind: 'on-track', points: -5 } })).toEqual({ tone: 'amber', text: 'ล่าช้ากว่าแผน' });
    expect(trafficLight({ actual: entry('on-track', 'ตามแผน'), schedule: { kind: 'ahead', points: 12 } })).toEqual({ tone: 'green', text: 'เร็วกว่าแผน 12 จุด' });
    expect(trafficLight({ actual: entry('done', 'แล้วเสร็จ'), schedule: { kind: 'behind', points: -20 } }).tone).toBe('blue');
    expect(trafficLight({ actual: entry('cancelled', 'ยกเลิก'), schedule: { kind: 'behind', points: -80 } })).toEqual({ tone: 'grey', text: 'ยกเลิก' });
    expect(trafficLight({ actual: undefined, schedule: { kind: 'no-report' } })).toEqual({ tone: 'grey', text: 'ยังไม่มีรายงาน' });
  });
});

describe('as of the newest report', () => {
  it('none without reports', () => {
    expect(latestReportView(seed)).toBeUndefined();
    expect(projectLine(seed, seed.projects[0]!)).toEqual([]);
  });
  it('the demo year ends 5,293,900 of 6,670,000 baht disbursed against all of it planned', () => {
    const v = latestReportView(demo)!;
    const t = moneyShares(v.total);
    expect([t.budget, t.planned, t.actual]).toEqual([6670000, 6670000, 5293900]);
    expect(t.plannedShare).toBe(1);
    expect(t.actualShare).toBeCloseTo(0.7937, 4);
    expect(moneyShares({ budget: 0, planned: 0 })).toMatchObject({ plannedShare: 0, actualShare: undefined, ofPlan: undefined });
    const c = curveShares(v);
    expect(c).toHaveLength(12);
    expect(c.at(-1)).toMatchObject({ planned: 6670000, actual: 5293900, plannedShare: 1 });
  });
  it('a project line runs October to the newest report, reported percent from the newest report by then', () => {
    const line = projectLine(demo, project('e-service-portal'));
    expect(line.map((m) => m.month.key)).toEqual(demo.months.map((m) => m.key));
    expect(line.at(-1)).toMatchObject({ plannedPercent: 100, actualPercent: 85 });
    expect(line.find((m) => m.month.key === '2567-03')).toMatchObject({ plannedPercent: 40, actualPercent: 25 });
  });
  it('problems history: only reports that gave problems or solutions, newest first', () => {
    const h = problemHistory(demo, project('e-service-portal'));
    expect(h.length).toBeGreaterThan(3);
    expect(h.every((e) => e.problems || e.solutions)).toBe(true);
    const order = h.map((e) => demo.reports.indexOf(e.report));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });
});

describe('S-curve geometry', () => {
  it('one point a month, a gap where a series has no value, ticks up to a round top', () => {
    const c = curveChart(['ต.ค.', 'พ.ย.', 'ธ.ค.'], [
      { key: 'planned', label: 'แผน', values: [10, 20, 30] },
      { key: 'actual', label: 'ผล', values: [undefined, 5, 15] },
    ], { width: 300, height: 200, left: 40, right: 10, top: 10, bottom: 30, max: 100 });
    expect(c.lines[0]!.d).toBe('M40 154L165 138L290 122');
    expect(c.lines[1]!.d.startsWith('M165')).toBe(true);
    expect(c.lines[1]!.points).toHaveLength(2);
    expect(c.yTicks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(c.yTicks.at(-1)!.y).toBe(10);
  });
});

import { monthView } from './month.ts';
import { reportView } from './report.ts';

describe('a cancelled project through the year (demo: dashboard, cancelled in the 2567-04 report)', () => {
  const month = (key: string) => demo.months.find((m) => m.key === key)!;
  it('is operating and budgeted in a month before it was cancelled, and not in the months after', () => {
    const before = monthView(demo, month('2567-03'));
    const after = monthView(demo, month('2567-05'));
    expect(demo.activeByMonth['2567-05']).toContain('dashboard');
    expect(before.projects.some((p) => p.project.id === 'dashboard') || !demo.activeByMonth['2567-03']?.includes('dashboard')).toBe(true);
    expect(after.projects.map((p) => p.project.id)).not.toContain('dashboard');
    expect(after.scheduledBudget).toBe(after.projects.reduce((a, p) => a + p.project.budget, 0));
    const shown = after.reportedElsewhere.find((s) => s.project.id === 'dashboard');
    expect(shown?.progress?.status).toBe('cancelled');
  });
  it('is neither behind nor on plan in the reports after it, and a project reported delayed short of its plan is behind', () => {
    const q4 = reportView(demo, demo.reports.find((r) => r.id === '2567-q4')!);
    expect(q4.rows.find((r) => r.project.id === 'dashboard')!.schedule.kind).toBe('cancelled');
    const delayed = q4.rows.filter((r) => r.actual?.status === 'delayed' && (r.schedule.points ?? 0) < 0).map((r) => r.project.id);
    expect(delayed.length).toBeGreaterThan(0);
    for (const id of delayed) expect(q4.behind.map((r) => r.project.id)).toContain(id);
  });
});

import { activeCounts } from './month.ts';

describe('the year strip\'s counts', () => {
  const month = (key: string) => demo.months.find((m) => m.key === key)!;
  it('count a cancelled project in the months before its cancelling report, not from it on, and only once it is known', () => {
    const planned = demo.months.map((m) => demo.activeByMonth[m.key]?.length ?? 0);
    const may = month('2567-05');
    const known = activeCounts(demo, may);
    const apr = month('2567-04').index;
    expect(known.slice(0, apr)).toEqual(planned.slice(0, apr));
    expect(known[may.index]).toBe(planned[may.index]! - 1);
    expect(known[may.index]).toBe(monthView(demo, may).projects.length);
    expect(activeCounts(demo, month('2567-03'))).toEqual(planned);
  });
});

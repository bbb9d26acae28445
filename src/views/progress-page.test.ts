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

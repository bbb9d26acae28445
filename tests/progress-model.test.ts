// Plan against actual, computed by the model and the report view from the demo content (examples/demo),
// held against figures worked out by hand from its YAML (the arithmetic is in the comments; none of it is
// taken from the code under test). And the seed content, which has no reports, shows nothing as behind.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planProgressAsOf, projectMonth, SCHEDULE_TOLERANCE } from '../src/model/progress.ts';
import type { Plan, Report } from '../src/model/types.ts';
import { loadPlans } from '../src/pipeline.ts';
import { reportView } from '../src/views/report.ts';
import { CONTENT, ROOT } from './helpers/content-copy.ts';

const demo = loadPlans(join(ROOT, 'examples', 'demo'), ROOT);
const plan: Plan = demo.model!.plans[0]!;
const report = (id: string): Report => plan.reports.find((r) => r.id === id)!;
const QUARTERLY = ['2567-q1', '2567-q2', '2567-q3', '2567-q4'];
const view = (id: string) => reportView(plan, report(id));
const BUDGET = 6_670_000;

describe('plan against actual in the demo (FY2567)', () => {
  it('sums the budget of the nine projects', () => {
    // 1,200,000 network-upgrade + 850,000 backup-system + 2,500,000 e-service-portal + 600,000 e-document
    // + 300,000 data-catalog + 150,000 open-data + 700,000 dashboard + 250,000 digital-skills
    // + 120,000 cyber-awareness = 6,670,000
    expect(view('2567-q4').total.budget).toBe(BUDGET);
  });

  it('disburses, at each quarter end, the sum of each project’s newest spent figure', () => {
    // Q1 (2566-12): 95,000 network + 48,000 backup + 0 e-service + 60,000 e-document + 0 data-catalog
    //   + 0 dashboard + 28,000 digital-skills = 231,000 (open-data and cyber-awareness not started)
    // Q2 (2567-03): 95,000 + 648,000 + 490,000 + 360,000 + 90,000 + 30,000 open-data + 0 + 108,000
    //   + 38,000 cyber = 1,859,000
    // Q3 (2567-06): 95,000 + 868,400 + 980,000 + 590,000 + 180,000 + 90,000 + 0 + 195,000 + 86,000 = 3,084,400
    // Q4 (2567-09): 1,076,000 + 868,400 + 1,960,000 + 590,000 + 285,000 + 150,000 + 0 + 246,500 + 118,000
    //   = 5,293,900
    const actual = QUARTERLY.map((id) => view(id).total.actual);
    expect(actual).toEqual([231_000, 1_859_000, 3_084_400, 5_293_900]);
    // Rates of 6,670,000: 231,000/6,670,000 = 3.46 %; 1,859,000/… = 27.87 %; 3,084,400/… = 46.24 %;
    // 5,293,900/… = 79.37 %.
    expect(actual.map((a) => Math.round((a! / BUDGET) * 10_000) / 100)).toEqual([3.46, 27.87, 46.24, 79.37]);
    // The Q4 report's own quarter columns give the same figures.
    expect(view('2567-q4').byQuarter.map((q) => [q.quarter, q.end.key, q.actual])).toEqual([
      [1, '2566-12', 231_000], [2, '2567-03', 1_859_000], [3, '2567-06', 3_084_400], [4, '2567-09', 5_293_900],
    ]);
  });

  it('plans, at each quarter end, the spending plans plus the schedule estimate of data-catalog', () => {
    // Cumulative spending plans at the ends of Q1 / Q2 / Q3 / Q4 (a quarter's amount is whole by its end):
    //   network-upgrade   100,000 / 600,000 / 1,000,000 / 1,200,000   (quarters 100k, 500k, 400k, 200k)
    //   backup-system      50,000 / 650,000 /   850,000 /   850,000   (50k, 600k, 200k)
    //   e-service-portal  250,000 / 1,000,000 / 2,000,000 / 2,500,000 (250k, 750k, 1,000k, 500k)
    //   e-document         60,000 / 360,000 /   600,000 /   600,000   (months: Dec 60k; Jan 90k, Feb 90k,
    //                                                                  Mar 120k; Apr–Jun 80k each)
    //   dashboard               0 / 200,000 /   500,000 /   700,000   (Q2 200k, Q3 300k, Q4 200k)
    //   digital-skills     30,000 / 110,000 /   200,000 /   250,000   (30k, 80k, 90k, 50k)
    //   open-data               0 /  30,000 /    90,000 /   150,000   (months: Mar 30k, Jun 60k, Sep 60k)
    //   cyber-awareness         0 /  40,000 /    90,000 /   120,000   (Q2 40k, Q3 50k, Q4 30k)
    //   sum of the eight  490,000 / 2,990,000 / 5,330,000 / 6,370,000
    // data-catalog has no spending plan: 300,000 spread evenly over its four PDCA months (ต.ค. 66, ก.พ. 67,
    // มิ.ย. 67, ก.ย. 67), 75,000 each → 75,000 / 150,000 / 225,000 / 300,000.
    // Whole plan: 565,000 / 3,140,000 / 5,555,000 / 6,670,000.
    expect(QUARTERLY.map((id) => view(id).total.planned)).toEqual([565_000, 3_140_000, 5_555_000, 6_670_000]);
    expect(view('2567-q4').byQuarter.map((q) => q.planned)).toEqual([565_000, 3_140_000, 5_555_000, 6_670_000]);
    const catalog = plan.projects.find((p) => p.id === 'data-catalog')!;
    expect(catalog.planned.basis).toBe('schedule');
    // By month: 75,000 from October, 150,000 from February, 225,000 from June, 300,000 in September.
    expect(catalog.planned.cumulative).toEqual([75, 75, 75, 75, 150, 150, 150, 150, 225, 225, 225, 300].map((k) => k * 1000));
    expect(view('2567-q4').estimated).toBe(true);
    // A quarter's amount spreads evenly over its three months in whole baht, each running total the nearest:
    // network-upgrade's Q2 500,000 runs 166,667 / 333,333 / 500,000, so at the end of January 266,667.
    const network = plan.projects.find((p) => p.id === 'network-upgrade')!;
    expect(network.planned.cumulative[3]).toBe(266_667);
    expect(network.planned.cumulative[4]).toBe(433_333);
    expect(network.planned.cumulative[5]).toBe(600_000);
  });

  it('lists network-upgrade (−20) and e-service-portal (−15) as behind at Q2', () => {
    // As of 2567-03, planned % = cumulative plan / budget, points = actual − planned:
    //   network-upgrade   600,000/1,200,000 = 50 %, actual 30 → −20 (behind)
    //   e-service-portal  1,000,000/2,500,000 = 40 %, actual 25 → −15 (behind)
    //   dashboard         200,000/700,000 = 28.57 %, actual 20 → −8.57 → −9 (within 10)
    //   backup-system 76.47 % vs 70 → −6; cyber-awareness 33.33 % vs 30 → −3; data-catalog 50 % vs 45 → −5;
    //   digital-skills 44 % vs 45 → +1; e-document 60 % vs 60 → 0; open-data 20 % vs 30 → +10 (within 10)
    const q2 = view('2567-q2');
    expect(q2.behind.map((r) => [r.project.id, r.schedule.points])).toEqual([['network-upgrade', -20], ['e-service-portal', -15]]);
    const points = Object.fromEntries(q2.rows.map((r) => [r.project.id, r.schedule.points]));
    expect(points).toEqual({
      'network-upgrade': -20, 'backup-system': -6, 'e-service-portal': -15, 'e-document': 0, 'data-catalog': -5,
      'open-data': 10, dashboard: -9, 'digital-skills': 1, 'cyber-awareness': -3,
    });
    expect(q2.rows.find((r) => r.project.id === 'open-data')!.schedule.kind).toBe('on-track');
  });

  it('lists three behind at Q3, cyber-awareness among them though reported on-track; done and cancelled are left out', () => {
    // As of 2567-06:
    //   e-service-portal  2,000,000/2,500,000 = 80 %, actual 55 → −25 (behind)
    //   network-upgrade   1,000,000/1,200,000 = 83.33 %, actual 60 → −23.33 → −23 (behind)
    //   cyber-awareness   90,000/120,000 = 75 %, actual 60 → −15 (behind, reported on-track)
    //   dashboard         500,000/700,000 = 71.43 %, actual 20, but cancelled: not compared with its plan (ไม่เทียบแผน)
    //   backup-system 100 % vs 100 (done); e-document 100 % vs 100 (done); data-catalog 225,000/300,000 = 75 %
    //   vs 75 → 0; open-data 90,000/150,000 = 60 % vs 60 → 0; digital-skills 200,000/250,000 = 80 % vs 75 → −5
    const q3 = view('2567-q3');
    expect(q3.behind.map((r) => [r.project.id, r.schedule.points])).toEqual([
      ['e-service-portal', -25], ['network-upgrade', -23], ['cyber-awareness', -15],
    ]);
    const dashboard = q3.rows.find((r) => r.project.id === 'dashboard')!;
    expect([dashboard.actual!.status, dashboard.schedule.kind, dashboard.schedule.points]).toEqual(['cancelled', 'cancelled', undefined]);
  });

  it('shows a project reported on-track while more than 10 points behind as behind', () => {
    const cyber = plan.projects.find((p) => p.id === 'cyber-awareness')!;
    const june = plan.months.find((m) => m.key === '2567-06')!;
    const m = projectMonth(cyber, cyber.planned, june);
    expect(m.actual!.status).toBe('on-track');
    // 75 % planned, 60 % reported: 15 points, more than the tolerance of 10.
    expect(m.plannedPercent).toBe(75);
    expect(75 - 60).toBeGreaterThan(SCHEDULE_TOLERANCE);
    expect(m.schedule).toEqual({ kind: 'behind', points: -15 });
  });

  it('counts the projects by status at each quarter end', () => {
    // Q1 (2566-12): seven reported on-track; open-data and cyber-awareness (start 2567-01) not yet reported.
    // Q2 (2567-03): delayed network-upgrade, e-service-portal; the other seven on-track.
    // Q3 (2567-06): done backup-system, e-document; on-track data-catalog, open-data, digital-skills,
    //   cyber-awareness; delayed network-upgrade, e-service-portal; cancelled dashboard (April).
    // Q4 (2567-09): done backup-system, e-document, data-catalog, open-data, digital-skills, cyber-awareness;
    //   delayed the two; cancelled dashboard.
    const counts = QUARTERLY.map((id) => Object.fromEntries(view(id).counts.map((c) => [c.status, c.count])));
    expect(counts).toEqual([
      { 'on-track': 7, none: 2 },
      { 'on-track': 7, delayed: 2 },
      { done: 2, 'on-track': 4, delayed: 2, cancelled: 1 },
      { done: 6, delayed: 2, cancelled: 1 },
    ]);
  });

  it('sums actuals by strategy and by priority (a project of two strategies counts in both)', () => {
    // Strategies: infrastructure = network-upgrade, backup-system, cyber-awareness; services = e-service-portal,
    // e-document; data = data-catalog, open-data, dashboard; people = digital-skills, cyber-awareness.
    // Q2: infrastructure 95,000 + 648,000 + 38,000 = 781,000; services 490,000 + 360,000 = 850,000;
    //     data 90,000 + 30,000 + 0 = 120,000; people 108,000 + 38,000 = 146,000.
    // Q4: infrastructure 1,076,000 + 868,400 + 118,000 = 2,062,400; services 1,960,000 + 590,000 = 2,550,000;
    //     data 285,000 + 150,000 + 0 = 435,000; people 246,500 + 118,000 = 364,500.
    const byStrategy = (id: string) => view(id).byStrategy.map((s) => [s.id, s.actual]);
    expect(byStrategy('2567-q2')).toEqual([['infrastructure', 781_000], ['services', 850_000], ['data', 120_000], ['people', 146_000]]);
    expect(byStrategy('2567-q4')).toEqual([['infrastructure', 2_062_400], ['services', 2_550_000], ['data', 435_000], ['people', 364_500]]);
    // Budgets: infrastructure 1,200,000 + 850,000 + 120,000 = 2,170,000; services 2,500,000 + 600,000 = 3,100,000;
    // data 300,000 + 150,000 + 700,000 = 1,150,000; people 250,000 + 120,000 = 370,000.
    expect(view('2567-q4').byStrategy.map((s) => s.budget)).toEqual([2_170_000, 3_100_000, 1_150_000, 370_000]);
    // Priorities at Q4: high = network, backup, e-service, cyber: 1,076,000 + 868,400 + 1,960,000 + 118,000
    // = 4,022,400; medium = e-document, data-catalog, dashboard, digital-skills: 590,000 + 285,000 + 0 + 246,500
    // = 1,121,500; low = open-data 150,000. Together 5,293,900.
    expect(view('2567-q4').byPriority.map((p) => [p.id, p.actual])).toEqual([['high', 4_022_400], ['medium', 1_121_500], ['low', 150_000]]);
  });

  it('draws the curve from October to the report month, an actual point wherever a report exists', () => {
    const curve = view('2567-q2').curve;
    expect(curve.map((c) => c.month.key)).toEqual(['2566-10', '2566-11', '2566-12', '2567-01', '2567-02', '2567-03']);
    // Actual at the month ends: Oct 0, Nov 0, Dec 231,000, Jan 95,000 + 48,000 + 150,000 + 28,000 = 321,000,
    // Feb 95,000 + 48,000 + 490,000 + 240,000 + 90,000 + 68,000 + 20,000 cyber = 1,051,000, Mar 1,859,000.
    expect(curve.map((c) => c.actual)).toEqual([0, 0, 231_000, 321_000, 1_051_000, 1_859_000]);
    expect(curve[2]!.planned).toBe(565_000);
    expect(curve[5]!.planned).toBe(3_140_000);
  });
});

describe('a monthly and a quarterly report ending in the same month', () => {
  it('each report shows its own figures', () => {
    for (const [q, m] of [['2567-q2', '2567-03'], ['2567-q4', '2567-09']] as const) {
      for (const id of [q, m]) {
        const rows = view(id).rows.filter((r) => r.inThisReport);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.actual?.reportId === id), id).toBe(true);
      }
    }
  });
});

describe('the seed content (no reports)', () => {
  const seed = loadPlans(CONTENT, ROOT).model!.plans[0]!;
  it('has no report, no actual and nothing behind in any month', () => {
    expect(seed.reports).toEqual([]);
    expect(planProgressAsOf(seed).spent).toBeUndefined();
    expect(planProgressAsOf(seed).latestReport).toBeUndefined();
    for (const p of seed.projects) {
      for (const m of seed.months) {
        const pm = projectMonth(p, p.planned, m);
        expect(pm.actual, `${p.id} ${m.key}`).toBeUndefined();
        expect(pm.schedule.kind, `${p.id} ${m.key}`).toBe('no-report');
      }
    }
  });
});

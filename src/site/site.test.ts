// View helpers over the real FY2561 content (loaded through the project's loader, as the site does).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlans } from '../pipeline.ts';
import type { Model, Plan } from '../model/types.ts';
import { barChart } from './chart.ts';
import { withBase } from './format.ts';
import { activityGantt, monthLoad, planGantt } from './gantt.ts';
import { markdownToHtml } from './markdown.ts';
import { now, sourceDate } from '../outputs/clock.ts';
import { currentMonth } from './now.ts';
import { planSummary } from './summary.ts';
import { actionPlanColumns, actionPlanView } from '../views/action-plan.ts';
import { budgetByPriority, budgetByStrategy } from '../views/budget.ts';
import { formatter } from '../views/format.ts';
import { statusSummary } from '../views/status.ts';
import { targetGroups } from '../views/targets.ts';
import { parseMarkdown } from '../model/markdown.ts';

const root = join(import.meta.dirname, '..', '..');
const { model } = loadPlans(join(root, 'content'), root) as { model: Model };
const org = model.organisation;
const plan = model.plans.find((p) => p.id === '2561') as Plan;

describe('format', () => {
  it('joins the base path', () => {
    expect(withBase('/', 'plans/2561/')).toBe('/plans/2561/');
    expect(withBase('/plans/', 'plans/2561/')).toBe('/plans/plans/2561/');
    expect(withBase('/x', '')).toBe('/x/');
  });
  it('writes heading digits as the organisation sets them', () => {
    const fmt = formatter(org);
    expect(fmt.heading('พ.ศ. 2561')).toBe('พ.ศ. ๒๕๖๑');
    expect(fmt.percent(0.92)).toBe('92');
    expect(fmt.percent(0.075)).toBe('7.5');
  });
});

describe('action-plan table', () => {
  const rows = actionPlanView(plan, org).rows.map((r) => r.cells);
  it('has the book’s ten columns and one row a project, in order', () => {
    expect(actionPlanColumns(org)).toHaveLength(10);
    expect(rows.map((r) => r.order.value)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r.name.projectId)).toEqual(['antivirus', 'infographics', 'debtor-data', 'digital-plan']);
  });
  it('fills every cell from the model; empty cells are empty (the renderers print ไม่ระบุ)', () => {
    const antivirus = rows[0]!;
    expect(antivirus.fundStrategies.items).toEqual([]);
    expect(antivirus.strategies.items).toEqual([{ id: 'infrastructure', number: 1, name: expect.any(String) }]);
    expect(antivirus.budget).toEqual({ type: 'money', value: 15000 });
    expect(antivirus.priority).toMatchObject({ stars: 3, marks: '***' });
    for (const r of rows) {
      for (const v of [r.name.value, r.period.label, r.owner.value, ...r.expectedResults.groups.flatMap((g) => g.items), ...r.targets.groups.flatMap((g) => g.items)]) {
        expect(v.trim()).not.toBe('');
        expect(v).not.toContain('undefined');
      }
    }
  });
  it('uses the table’s own wording (summary) and groups targets', () => {
    const debtor = rows[2]!;
    expect(debtor.targets.groups.map((g) => g.label)).toEqual(['เชิงปริมาณ', 'เชิงคุณภาพ']);
    expect(debtor.targets.groups[0]!.items[0]).toContain('ลูกหนี้');
    expect(rows[1]!.fundStrategies.items[0]!.number).toBe(4);
    expect(targetGroups(undefined)).toEqual([]);
  });
});

describe('Gantt grids', () => {
  it('plan Gantt: twelve months from ต.ค., active months from the model', () => {
    const g = planGantt(plan);
    expect(g).toHaveLength(4);
    for (const row of g) expect(row.cells.map((c) => c.month.name)[0]).toBe('ต.ค.');
    const debtor = g.find((r) => r.id === 'debtor-data')!;
    const active = debtor.cells.filter((c) => c.state === 'active').map((c) => c.month.key);
    expect(active).toEqual(['2561-01', '2561-02', '2561-06', '2561-09']);
    expect(debtor.cells.filter((c) => c.state === 'period')).toHaveLength(8);
    expect(g.find((r) => r.id === 'antivirus')!.unspecified).toBe(true);
    expect(g.every((r) => r.cells.every((c) => !c.current))).toBe(true);
  });
  it('marks the current month only while the plan year runs', () => {
    const now = currentMonth(plan, new Date(Date.UTC(2018, 1, 15)));
    expect(now?.key).toBe('2561-02');
    const g = planGantt(plan, now);
    expect(g[0]!.cells.filter((c) => c.current).map((c) => c.month.key)).toEqual(['2561-02']);
    expect(currentMonth(plan, new Date(Date.UTC(2026, 0, 1)))).toBeUndefined();
  });
  it('takes the month on Thailand\'s clock (UTC+7), not the machine\'s or UTC', () => {
    // 17:00 UTC on 28 February 2018 is already 1 March in Bangkok; 16:59 is still February.
    expect(currentMonth(plan, new Date(Date.UTC(2018, 1, 28, 17, 0)))?.key).toBe('2561-03');
    expect(currentMonth(plan, new Date(Date.UTC(2018, 1, 28, 16, 59)))?.key).toBe('2561-02');
    // The plan year ends with September in Bangkok: 30 September 17:00 UTC is October, outside it.
    expect(currentMonth(plan, new Date(Date.UTC(2018, 8, 30, 16, 59)))?.key).toBe('2561-09');
    expect(currentMonth(plan, new Date(Date.UTC(2018, 8, 30, 17, 0)))).toBeUndefined();
  });
  it('derives now from SOURCE_DATE_EPOCH', () => {
    expect(now({ SOURCE_DATE_EPOCH: '1518652800' }).toISOString()).toBe('2018-02-15T00:00:00.000Z');
    expect(now({}).getTime()).toBeGreaterThan(Date.UTC(2020, 0, 1));
    // The date written into outputs has no clock fallback: without SOURCE_DATE_EPOCH there is none.
    expect(sourceDate({ SOURCE_DATE_EPOCH: '1518652800' })?.toISOString()).toBe('2018-02-15T00:00:00.000Z');
    expect(sourceDate({})).toBeUndefined();
  });
  it('activity grid: one row an activity, unspecified when the source lost the months', () => {
    const antivirus = plan.projects.find((p) => p.id === 'antivirus')!;
    const rows = activityGantt(plan, antivirus);
    expect(rows.length).toBe(antivirus.activities.length);
    expect(rows.every((r) => r.cells.length === 12)).toBe(true);
    expect(rows.some((r) => r.unspecified)).toBe(true);
  });
  it('month load counts the model’s activeByMonth', () => {
    const load = monthLoad(plan);
    expect(load.map((l) => l.count)).toEqual(plan.months.map((m) => plan.activeByMonth[m.key]!.length));
  });
});

describe('summaries', () => {
  it('plan summary repeats the model’s totals', () => {
    const s = planSummary(plan);
    expect(s.budget).toBe(125000);
    expect(s.budgetWords).toBe(plan.totals.budgetWords);
    expect(s.projectCount).toBe(4);
    expect(statusSummary(plan)).toEqual({ counts: [{ status: 'none', label: 'ยังไม่มีรายงานความก้าวหน้า', count: 4 }], report: undefined });
  });
  it('counts each project by its latest report (synthetic progress, test only)', () => {
    const copy = structuredClone(plan);
    const asOf = copy.months[3]!;
    const report = (status: 'done' | 'delayed' | 'on-track') => ({ reportId: 'r', asOf, status, statusLabel: status, kpis: [], evidence: [] });
    copy.projects[0]!.progress.push(report('on-track'), report('done'));
    copy.projects[1]!.progress.push(report('delayed'));
    expect(statusSummary(copy).counts.map((s) => [s.status, s.count])).toEqual([['done', 1], ['delayed', 1], ['none', 2]]);
    expect(statusSummary(copy).counts[0]!.label).toBe('แล้วเสร็จ');
  });
  it('budget by strategy and by priority', () => {
    const bs = budgetByStrategy(plan).rows;
    expect(bs.map((r) => [r.short, r.budget])).toEqual([['ยุทธศาสตร์ที่ 1', 115000], ['ยุทธศาสตร์ที่ 2', 10000], ['ยุทธศาสตร์ที่ 3', 0]]);
    const fmt = formatter(org);
    const bp = budgetByPriority(plan).rows;
    expect(bp.map((r) => [r.short, fmt.num(r.budget), fmt.percent(r.share)])).toEqual([['***', '25,000', '20'], ['**', '100,000', '80'], ['*', '0', '0']]);
  });
  it('bar chart scales to the largest value and keeps zero visible', () => {
    const c = barChart([{ label: 'a', value: 100, valueText: '100' }, { label: 'b', value: 50, valueText: '50' }, { label: 'c', value: 0, valueText: '0' }]);
    expect(c.bars[0]!.width).toBe(c.plotWidth);
    expect(c.bars[1]!.width).toBeCloseTo(c.plotWidth / 2, 0);
    expect(c.bars[2]!.width).toBe(1);
    expect(c.height).toBeGreaterThan(3 * c.barHeight);
  });
});

describe('markdown', () => {
  it('renders the model’s mdast as HTML', () => {
    expect(markdownToHtml(plan.introduction)).toMatch(/^<p>แผนปฏิบัติการดิจิทัล/);
    expect(markdownToHtml(undefined)).toBe('');
  });
  it('never passes raw HTML, script URLs or outside images through', () => {
    const html = markdownToHtml(parseMarkdown('ก <script>alert(1)</script> ข\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [ok](https://intranet/) ![logo](https://cdn.example/a.png) ![in](img/a.png)'));
    expect(html).not.toMatch(/<script|onerror|javascript:|cdn\.example/i);
    expect(html).toContain('<a href="https://intranet/">ok</a>');
    expect(html).toContain('<img src="img/a.png" alt="in">');
    expect(html).toContain('logo');
  });
});

// The demo content (examples/demo, ข้อมูลตัวอย่าง): a fictional agency's year of reports. It loads with only
// the warning it was written to give, it is marked as made up everywhere, its reports agree with each other,
// and the figures worked out by hand in examples/demo/README.md follow from its data.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { loadContent } from '../src/loader/load-content.ts';
import { loadPlans } from '../src/pipeline.ts';
import type { ProjectData, ReportData } from '../src/schema/index.ts';
import { fiscalMonths, monthKey } from '../src/thai/calendar.ts';
import { ROOT } from './helpers/content-copy.ts';

const DEMO = join(ROOT, 'examples', 'demo');
const SAMPLE = 'ข้อมูลตัวอย่าง';
const result = loadPlans(DEMO, ROOT);
// The raw documents carry the report fields the model does not map yet.
const content = loadContent(DEMO, ROOT);
const lp = content.plans[0]!;
const projects = new Map(lp.projects.map((p) => [p.id, p.data]));
const monthly = lp.reports.filter((r) => r.data.month !== undefined).map((r) => r.data);
const quarterly = lp.reports.filter((r) => r.data.quarter !== undefined).map((r) => r.data);
const months = fiscalMonths(2567).map(monthKey);
const QUARTER_ENDS = ['2566-12', '2567-03', '2567-06', '2567-09'];

/** Each project's newest entry in the monthly reports at or before `month`. */
function newestAsOf(month: string): Map<string, ReportData['projects'][number]> {
  const out = new Map<string, ReportData['projects'][number]>();
  for (const r of monthly) if (r.month! <= month) for (const p of r.projects) out.set(p.project, p);
  return out;
}

/** Cumulative planned spending at the end of `month` (index into the fiscal year), from the spending plan. */
function plannedTo(p: ProjectData, month: string): number | undefined {
  if (!p.spending_plan) return undefined;
  const mi = months.indexOf(month);
  let sum = 0;
  for (const e of p.spending_plan) {
    if ('quarter' in e ? e.quarter * 3 - 1 <= mi : months.indexOf(e.month) <= mi) sum += e.amount;
  }
  return sum;
}

describe('demo content (examples/demo)', () => {
  it('loads through loadPlans with no errors and builds the model', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(result.model?.plans.map((p) => p.fiscalYear)).toEqual([2567]);
    expect(result.model!.plans[0]!.projects).toHaveLength(9);
  });

  it('warns only where it means to: backup-system spends above its budget (a warning, not an error)', () => {
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => `${d.file.split('/').pop()} ${d.message}`)).toEqual(
      ['2567-06', '2567-07', '2567-08', '2567-09', '2567-q3', '2567-q4'].map((f) => `${f}.yaml เบิกจ่าย 868,400 บาท เกินงบประมาณโครงการ 850,000 บาท: ตรวจยอดเบิกจ่าย หรือถ้าได้รับอนุมัติให้ใช้เงินเกินงบ ให้เขียนเหตุผลไว้ใน note`),
    );
    for (const d of warnings) expect(d.field).toBe('projects[1].spent — เบิกจ่ายสะสม (บาท)');
  });

  it('is marked ข้อมูลตัวอย่าง in the organisation name and every plan, project and report title', () => {
    expect(content.organisation!.data.name).toContain(SAMPLE);
    expect(lp.plan!.data.title).toContain(SAMPLE);
    expect(lp.plan!.data.parent_plan).toContain(SAMPLE);
    for (const p of lp.projects) expect(p.data.name, p.id).toContain(SAMPLE);
    for (const r of lp.reports) expect(r.data.source, r.id).toContain(SAMPLE);
  });

  it('starts every file with a $schema line that resolves to its own schemas/ (the demo ids, not the agency\'s)', () => {
    for (const file of content.sources.map((s) => join(ROOT, s.file))) {
      const first = readFileSync(file, 'utf8').split('\n')[0]!;
      const target = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(target, file).toBeDefined();
      expect(relative(ROOT, join(dirname(file), target!)), file).toMatch(/^examples\/demo\/schemas\/\w+\.schema\.json$/);
      expect(existsSync(join(dirname(file), target!)), file).toBe(true);
    }
  });

  it('has 12 monthly and 4 quarterly reports, both schedule kinds and both spending-plan kinds', () => {
    expect(monthly.map((r) => r.month)).toEqual(months);
    expect(quarterly.map((r) => r.quarter)).toEqual([1, 2, 3, 4]);
    const all = [...projects.values()];
    expect(all.filter((p) => p.pdca).length).toBeGreaterThanOrEqual(2);
    expect(all.filter((p) => p.activities?.some((a) => a.months?.length)).length).toBeGreaterThanOrEqual(2);
    const kinds = all.map((p) => (p.spending_plan ? ('quarter' in p.spending_plan[0]! ? 'quarter' : 'month') : 'none'));
    expect(kinds.filter((k) => k === 'quarter')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'month')).toHaveLength(2);
    expect([...projects].filter(([, p]) => !p.spending_plan).map(([id]) => id)).toEqual(['data-catalog']);
    expect(new Set(all.flatMap((p) => p.strategies)).size).toBe(4);
  });

  it('lists in every monthly report each project whose period has started', () => {
    for (const r of monthly) {
      const started = [...projects].filter(([, p]) => p.period.start <= r.month!).map(([id]) => id).sort();
      expect(r.projects.map((p) => p.project).sort(), r.month).toEqual(started);
    }
  });

  it('never lets percent or spent go down from one month to the next', () => {
    let previous = new Map<string, ReportData['projects'][number]>();
    for (const r of monthly) {
      for (const p of r.projects) {
        const before = previous.get(p.project);
        if (!before) continue;
        expect(p.percent!, `${r.month} ${p.project}`).toBeGreaterThanOrEqual(before.percent!);
        expect(p.spent!, `${r.month} ${p.project}`).toBeGreaterThanOrEqual(before.spent!);
      }
      previous = new Map(r.projects.map((p) => [p.project, p]));
    }
  });

  it('gives each quarterly report the figures of the monthly report of the same month-end', () => {
    for (const q of quarterly) {
      const end = monthly.find((r) => r.month === QUARTER_ENDS[q.quarter! - 1])!;
      const figures = (r: ReportData) => r.projects.map(({ project, status, percent, spent, kpis }) => ({ project, status, percent, spent, kpis }));
      expect(figures(q), `q${q.quarter}`).toEqual(figures(end));
    }
  });

  it('dates every report after its period, approves the quarterly ones, and stores staff-written dates canonically', () => {
    const nextMonthStart = (m: string) => (m.endsWith('-12') ? `${Number(m.slice(0, 4)) + 1}-01-01` : `${m.slice(0, 5)}${String(Number(m.slice(5)) + 1).padStart(2, '0')}-01`);
    for (const r of monthly) {
      expect(r.reporter).toBe('planning-division');
      expect(r.reported_on! >= nextMonthStart(r.month!), r.month).toBe(true);
    }
    for (const q of quarterly) {
      expect(q.reported_on! >= nextMonthStart(QUARTER_ENDS[q.quarter! - 1]!), `q${q.quarter}`).toBe(true);
      expect(q.approval!.on >= q.reported_on!, `q${q.quarter}`).toBe(true);
      expect(q.approval!.by).toContain('ผู้อำนวยการ');
    }
    // Written "7 ธ.ค. 66", "8 พฤษภาคม 2567" and "19 ม.ค. 67" in the files.
    expect(monthly.find((r) => r.month === '2566-11')!.reported_on).toBe('2566-12-07');
    expect(monthly.find((r) => r.month === '2567-04')!.reported_on).toBe('2567-05-08');
    expect(quarterly[0]!.approval!.on).toBe('2567-01-19');
  });

  it('tells the year it was written to tell: two delays with reasons, a cancellation, KPIs met and missed', () => {
    const q2 = newestAsOf('2567-03');
    expect([...q2].filter(([, p]) => p.status === 'delayed').map(([id]) => id)).toEqual(['network-upgrade', 'e-service-portal']);
    for (const id of ['network-upgrade', 'e-service-portal']) {
      expect(q2.get(id)!.problems, id).toBeDefined();
      expect(q2.get(id)!.solutions, id).toBeDefined();
    }
    const end = newestAsOf('2567-09');
    expect(end.get('dashboard')!.status).toBe('cancelled');
    expect(end.get('dashboard')!.note).toContain('ยกเลิกโครงการ');
    expect(monthly.find((r) => r.month === '2567-04')!.projects.find((p) => p.project === 'dashboard')!.problems).toContain('ระบบแดชบอร์ดกลาง');
    const met: string[] = [];
    const missed: string[] = [];
    for (const [id, p] of end) {
      for (const k of p.kpis ?? []) {
        const target = projects.get(id)!.kpis!.find((x) => x.id === k.kpi)!.target!.value;
        (k.actual >= target ? met : missed).push(k.kpi);
      }
    }
    expect(missed.sort()).toEqual(['coverage', 'online-services', 'pass-rate']);
    expect(met.sort()).toEqual(['backup-coverage', 'datasets', 'e-doc-rate', 'open-datasets', 'satisfaction', 'trained', 'uptime']);
    for (const r of monthly) for (const p of r.projects) if (p.status !== 'done' && p.status !== 'cancelled') expect(p.results, `${r.month} ${p.project}`).toBeDefined();
    const evidence = lp.reports.flatMap((r) => r.data.projects.flatMap((p) => p.evidence ?? []));
    expect(evidence.filter((e) => e.url).every((e) => e.url!.startsWith('http://intranet.example.go.th/'))).toBe(true);
    for (const e of evidence.filter((e) => e.file)) expect(existsSync(join(DEMO, e.file!)), e.file).toBe(true);
  });

  // The hand-worked figures of examples/demo/README.md: the model's tests assert the same values.
  it('adds up to the README figures: disbursement per quarter end and the projects behind plan at Q2', () => {
    const totalBudget = [...projects.values()].reduce((a, p) => a + p.budget, 0);
    expect(totalBudget).toBe(6_670_000);
    const disbursed = QUARTER_ENDS.map((m) => [...newestAsOf(m).values()].reduce((a, p) => a + (p.spent ?? 0), 0));
    expect(disbursed).toEqual([231_000, 1_859_000, 3_084_400, 5_293_900]);
    expect(disbursed.map((d) => Math.round((d / totalBudget) * 10_000) / 100)).toEqual([3.46, 27.87, 46.24, 79.37]);
    const planned = QUARTER_ENDS.map((m) => [...projects.values()].reduce((a, p) => a + (plannedTo(p, m) ?? 0), 0));
    expect(planned).toEqual([490_000, 2_990_000, 5_330_000, 6_370_000]);

    const q2 = newestAsOf('2567-03');
    const behind = [...projects]
      .filter(([id, p]) => {
        const plan = plannedTo(p, '2567-03');
        const actual = q2.get(id)?.percent;
        return plan !== undefined && actual !== undefined && (plan / p.budget) * 100 - actual > 10;
      })
      .map(([id]) => id);
    expect(behind.sort()).toEqual(['e-service-portal', 'network-upgrade']);
  });
});

// What the cards say about progress, and in which digits (issue 18). Reports here are SYNTHETIC (ข้อมูลตัวอย่าง):
// the real plan has no progress reports.
import { afterAll, describe, expect, it } from 'vitest';
import { listJobs, renderJob } from '../../src/infographics/index.ts';
import { loadPlans } from '../../src/pipeline.ts';
import type { Model, ProjectProgress } from '../../src/model/types.ts';
import { templates } from '../../templates/infographics/index.ts';
import { contentCopy } from '../helpers/content-copy.ts';
import { extremes, seedModel } from './fixtures.ts';

const FEBRUARY = `month: 2561-02
source: ข้อมูลตัวอย่าง (ทดสอบ)
projects:
  - project: antivirus
    status: done
    percent: 100
    spent: 14500
  - project: debtor-data
    status: on-track
    percent: 40
    spent: 17500
`;

const copy = contentCopy({ 'plans/2561/reports/2561-02.yaml': FEBRUARY });
afterAll(() => copy.cleanup());
const febOnly: Model = (() => {
  const { model, diagnostics } = loadPlans(copy.content, copy.root);
  if (!model) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return model;
})();

const plain = (s: string | undefined) => (s ?? '').replaceAll('\u200B', '');
async function cardTexts(model: Model, pick: (j: ReturnType<typeof listJobs>[number]) => boolean): Promise<string[]> {
  const r = await renderJob(model, listJobs(model).find(pick)!, templates);
  expect(r.outside).toEqual([]);
  return r.texts.map((t) => plain(t.text));
}
const monthCard = (model: Model, key: string) => cardTexts(model, (j) => j.kind === 'month' && j.key === key);

describe('the May card with only a February report', () => {
  it('dates the disbursement with the report, not with May', async () => {
    const t = await monthCard(febOnly, '2561-05');
    expect(t).toContain('เบิกจ่ายสะสม ณ ก.พ. 61');
    expect(t.join('\n')).not.toContain('ณ พ.ค. 61');
    expect(t).toContain('32,000 บาท');
  });
  it('says which report the figures come from, and that it is not this month\'s', async () => {
    const note = (await monthCard(febOnly, '2561-05')).find((s) => s.startsWith('ผลการดำเนินงานตาม'));
    expect(note).toContain('รายงานประจำเดือนกุมภาพันธ์ 2561');
    expect(note).toContain('ยังไม่มีรายงานของเดือนนี้');
  });
  it('shows the reported status of every reported project, not its planned budget', async () => {
    const t = await monthCard(febOnly, '2561-05');
    expect(t).toContain('แล้วเสร็จ');
    expect(t).toContain('ตามแผน');
    expect(t.some((s) => s.startsWith('ร้อยละ 100 (ณ ก.พ. 61)'))).toBe(true);
    // The antivirus project (done) is no longer listed with "งบ (แผน) 15,000 บาท".
    expect(t).not.toContain('งบ (แผน) 15,000 บาท');
  });
  it('labels the month\'s budget as the whole-year plan of its projects', async () => {
    const t = await monthCard(febOnly, '2561-05');
    expect(t).toContain('งบทั้งปีของโครงการเดือนนี้ (แผน)');
    expect(t).not.toContain('งบโครงการเดือนนี้ (แผน)');
  });
  it('a card before any report says the figures are the plan', async () => {
    const t = await monthCard(febOnly, '2561-01');
    expect(t.some((s) => s.startsWith('ข้อมูลตามแผน (แผน)'))).toBe(true);
    expect(t).not.toContain('แล้วเสร็จ');
  });
  it('the project card names its report', async () => {
    const t = await cardTexts(febOnly, (j) => j.kind === 'project' && j.key === 'antivirus');
    expect(t).toContain('ผลการดำเนินงานตามรายงานประจำเดือนกุมภาพันธ์ ๒๕๖๑');
  });
});

describe('a reported project is never hidden while there is room', () => {
  it('no project reported this month is behind "และอีก" while an unreported one is shown', async () => {
    const m = extremes();
    const plan = m.plans[0]!;
    const march = plan.months[5]!;
    const active = plan.projects.filter((p) => plan.activeByMonth[march.key]!.includes(p.id));
    // The last project in plan order gets a report this month too.
    const last = active.at(-1)!;
    last.progress = [{ reportId: plan.reports[1]!.id, asOf: march, status: 'delayed', statusLabel: 'ล่าช้ากว่าแผน', percent: 12, kpis: [], evidence: [] }];
    const t = await monthCard(m, march.key);
    const shown = (name: string) => t.some((s) => s.startsWith(plain(name).slice(0, 16)));
    const reported = active.filter((p) => p.progress.some((x) => x.asOf.key === march.key));
    const unreported = active.filter((p) => !reported.includes(p));
    expect(reported.length).toBeGreaterThan(2);
    if (unreported.some((p) => shown(p.name))) expect(reported.filter((p) => !shown(p.name)).map((p) => p.id)).toEqual([]);
    // Reported ones fill the first places.
    expect(shown(reported[0]!.name) && shown(reported[1]!.name)).toBe(true);
  });
});

describe('one digit style per setting on every card', () => {
  const withDigits = (body: 'thai' | 'arabic', heading: 'thai' | 'arabic'): Model => {
    const m = seedModel();
    m.organisation.display = { ...m.organisation.display, digits: body, headingDigits: heading };
    return m;
  };
  const ARABIC = /[0-9]/;
  const THAI = /[๐-๙]/;
  it.each([['thai', THAI, ARABIC], ['arabic', ARABIC, THAI]] as const)('digits %s everywhere', async (style, _want, unwanted) => {
    const m = withDigits(style, style);
    for (const job of listJobs(m).filter((j) => j.kind === 'month' && j.key === '2561-02' || j.kind !== 'month')) {
      const r = await renderJob(m, job, templates);
      const bad = r.texts.map((t) => plain(t.text)).filter((s) => unwanted.test(s));
      expect(bad, job.out).toEqual([]);
    }
  });
  it('heading digits in the header band, body digits below it', async () => {
    const t = await monthCard(withDigits('arabic', 'thai'), '2561-02');
    expect(t).toContain('กุมภาพันธ์ ๒๕๖๑');
    expect(t.some((s) => s.includes('125,000 บาท'))).toBe(true);
    expect(t.filter((s) => THAI.test(s)).every((s) => !ARABIC.test(s))).toBe(true);
  });
});

describe('the quarterly card', () => {
  it('one per quarterly report, with disbursement against the plan as of the report', async () => {
    const { withReports } = await import('./fixtures.ts');
    const m = withReports();
    const jobs = listJobs(m).filter((j) => j.kind === 'quarter');
    expect(jobs.map((j) => j.out)).toEqual(['plans/2561/infographics/synthetic-q1.png']);
    const t = await cardTexts(m, (j) => j.kind === 'quarter');
    expect(t).toContain('เบิกจ่ายสะสม ณ ธ.ค. 60');
    expect(t).toContain('2,500 บาท');
    expect(t.some((s) => s.startsWith('ผลการดำเนินงานตามรายงานไตรมาส 1'))).toBe(true);
  });
});

describe('the project card', () => {
  it('shows the owner unit\'s whole name (no ellipsis) on every seed project', async () => {
    const m = seedModel();
    for (const p of m.plans[0]!.projects) {
      const t = await cardTexts(m, (j) => j.kind === 'project' && j.key === p.id);
      expect(t, p.id).toContain(p.owner.name);
    }
  });
});

describe("the agency's own words", () => {
  it('the engine keeps organisation.yaml keep_together words whole in the U+200B hints', async () => {
    const { withBreakHints, ZWSP } = await import('../../src/thai/breaks.ts');
    const { jobElement } = await import('../../src/infographics/index.ts');
    const word = 'ติดตามการดำเนินงาน';
    const m = seedModel();
    jobElement(m, listJobs(m)[0]!, templates);
    expect(withBreakHints(`กลุ่ม${word}`).slice(6)).toContain(ZWSP);
    m.organisation.keepTogether = [word];
    jobElement(m, listJobs(m)[0]!, templates);
    expect(withBreakHints(`กลุ่ม${word}`).replace(/^กลุ่ม\u200B?/, '')).toBe(word);
    jobElement(seedModel(), listJobs(m)[0]!, templates);
  });
});

// The plan book as a reader and an evaluator would check it: contents pages match, bookmarks, metadata,
// page labels, every content string extractable, structure clean in qpdf and mupdf, same bytes twice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToPlainText, type Model, type Plan } from '../model/index.ts';
import { loadPlans } from '../pipeline.ts';
import { generateContent } from '../synthetic/generate.ts';
import { bookTheme } from '../../templates/book/theme.ts';
import { renderBook, renderProjectPdf } from './render.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'book-test-'));
let model: Model;
let plan: Plan;
let bytes: Uint8Array;
let layout: Awaited<ReturnType<typeof renderBook>>['layout'];
let file: string;

const squash = (s: string) => s.replace(/\s+/g, '');
// -raw keeps content-stream order, so a table cell's lines stay together instead of interleaving with
// the next cell's.
const pdftotext = (f: string, first?: number, last?: number) =>
  execFileSync('pdftotext', ['-raw', ...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  model = loadPlans(join(ROOT, 'content'), ROOT).model!;
  plan = model.plans[0]!;
  ({ bytes, layout } = await renderBook(model, plan, { date: new Date(Date.UTC(2017, 9, 1)) }));
  file = join(tmp, 'plan.pdf');
  writeFileSync(file, bytes);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/** How full each action-plan (landscape) page is: the lowest body text over the content height. */
function tableFills(m: Model, l: Awaited<ReturnType<typeof renderBook>>['layout']): number[] {
  const mg = bookTheme(m.organisation).landscapeMargins;
  return l.pages.filter((p) => p.width > p.height).map((p) => {
    const bottom = Math.max(...p.items.filter((it) => it.kind === 'text' && it.tag?.role !== 'Artifact').map((it) => (it as { y: number }).y));
    return (bottom - mg.top) / (p.height - mg.top - mg.bottom);
  });
}

describe('plan book (FY2561 seed)', () => {
  it('a row that does not fit continues on the next page under the repeated header (no table page but the last under 60 % full)', () => {
    const fills = tableFills(model, layout);
    expect(fills.length).toBeGreaterThan(1);
    expect(fills.slice(0, -1).every((x) => x >= 0.6), fills.map((x) => x.toFixed(2)).join(' ')).toBe(true);
  });
  it('lists chapters in สารบัญ at the pages where they start', () => {
    const tocText = pdftotext(file, 2);
    const ids = ['introduction', 'vision', 'missions', 'goals', 'strategies', 'planning', 'action-plan', 'projects', 'budget', ...plan.projects.map((p) => `project-${p.id}`)];
    const lines = tocText.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const id of ids) {
      const anchor = layout.anchors.get(id);
      expect(anchor, id).toBeDefined();
      const label = layout.pages[anchor!.pageIndex]!.label;
      const pageText = squash(pdftotext(file, anchor!.pageIndex + 1));
      expect(pageText.length).toBeGreaterThan(0);
      // the TOC line for this chapter ends with that page's printed label
      expect(lines.some((l) => l.endsWith(` ${label}`) || l.endsWith(`.${label}`)), `${id} → ${label}`).toBe(true);
    }
    // the project chapter really starts on its page: the sheet heading is there
    for (const p of plan.projects) {
      const a = layout.anchors.get(`project-${p.id}`)!;
      expect(squash(pdftotext(file, a.pageIndex + 1))).toContain(squash(`ชื่อโครงการ : ${p.name}`));
    }
  });

  it('has an outline entry for every chapter and project, pointing at its page', () => {
    const outline = execFileSync('mutool', ['show', file, 'outline'], { encoding: 'utf8' });
    for (const title of ['สารบัญ', 'บทนำ', 'วิสัยทัศน์', 'พันธกิจ', 'เป้าประสงค์', 'ยุทธศาสตร์', 'รายละเอียดโครงการ', 'สรุปงบประมาณ']) {
      expect(outline).toContain(`"${title}"`);
    }
    for (const p of plan.projects) {
      const a = layout.anchors.get(`project-${p.id}`)!;
      const line = outline.split('\n').find((l) => l.includes(p.name));
      expect(line, p.name).toBeDefined();
      expect(line).toContain(`#page=${a.pageIndex + 1}&`);
    }
  });

  it('carries title, author, subject, keywords, language and page labels', async () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. 2561/);
    expect(info).toMatch(/Author:\s+เงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู/);
    expect(info).toMatch(/Subject:\s+.*ของเงินทุนหมุนเวียน/);
    expect(info).toMatch(/Keywords:\s+แผนปฏิบัติการดิจิทัล/);
    const doc = await PDFDocument.load(bytes);
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(th-TH)');
    const labels = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pagelabels', file], { encoding: 'utf8' })).pagelabels as Array<{ index: number; label: Record<string, string> }>;
    // every printed page number (Thai digits, in the footer) is the page's label
    for (let i = 2; i < layout.pages.length; i++) {
      const label = layout.pages[i]!.label;
      expect(label).toMatch(/^[๐-๙]+$/);
      const lines = pdftotext(file, i + 1).split('\n').map((l) => l.trim());
      expect(lines, `page ${i + 1}`).toContain(label);
      expect(labels.find((l) => l.index === i)?.label['/P']).toBe(`u:${label}`);
    }
    expect(labels.find((l) => l.index === 0)?.label['/P']).toBe('u:ปก');
  });

  it('extracts every content string of the plan exactly', () => {
    const all = squash(pdftotext(file));
    const strings = [
      plan.title, plan.vision!, ...plan.missions, ...plan.goals, markdownToPlainText(plan.introduction!), markdownToPlainText(plan.actionPlanIntro!),
      ...plan.strategies.flatMap((s) => [s.name, ...s.tactics.map((t) => t.name)]),
      ...plan.priorities.map((p) => p.label),
      ...plan.projects.flatMap((p) => [
        p.name, p.owner.name, p.budgetWords, p.period.label,
        ...(p.rationale ? [markdownToPlainText(p.rationale)] : []), ...(p.scope ? [markdownToPlainText(p.scope)] : []),
        ...p.objectives, ...p.expectedResults, ...p.table.expectedResults,
        ...(p.targets ? [...p.targets.overall, ...p.targets.quantitative, ...p.targets.qualitative] : []),
        ...p.activities.map((a) => a.name), ...p.pdca.flatMap((s) => s.activities), ...p.kpis.map((k) => k.text),
        ...(p.monitoring ? [p.monitoring.label] : []), ...p.fundStrategies.map((s) => s.name),
      ]),
    ];
    const missing = strings.flatMap((s) => s.split(/\n+/)).filter((s) => !all.includes(squash(s)));
    expect(missing).toEqual([]);
    expect(all).toContain(squash('125,000'));
    expect(all).toContain('ไม่ระบุ'); // the infographic project's missing KPIs
  });

  it('is structurally clean for qpdf and mupdf', () => {
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const r = execFileSync('mutool', ['draw', '-o', '/dev/null', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r).not.toMatch(/error|warning/i);
  });

  it('prints the action-plan table on landscape pages', () => {
    const a = layout.anchors.get('action-plan')!;
    const page = layout.pages[a.pageIndex]!;
    expect(page.width).toBeGreaterThan(page.height);
    expect(layout.pages[0]!.width).toBeLessThan(layout.pages[0]!.height);
  });

  it('gives the same bytes when built twice', async () => {
    const again = await renderBook(model, plan, { date: new Date(Date.UTC(2017, 9, 1)) });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('makes a PDF per project sheet', async () => {
    const p = plan.projects.find((x) => x.id === 'debtor-data')!;
    const f = join(tmp, 'debtor.pdf');
    writeFileSync(f, await renderProjectPdf(model, plan, p.id));
    const text = squash(pdftotext(f));
    expect(text).toContain(squash(p.name));
    expect(text).toContain(squash('มีการปรับปรุงข้อมูลครบถ้วนร้อยละ 90'));
    expect(execFileSync('qpdf', ['--check', f], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });
});

describe('plan book with progress reports and many projects (synthetic)', () => {
  it('adds the progress chapter, repeats the table header and links to the web pages', async () => {
    const dir = join(tmp, 'synthetic');
    generateContent(join(dir, 'content'), { seed: 3, plans: 1, projectsPerPlan: 30, reportMonths: 3 });
    const m = loadPlans(join(dir, 'content'), dir).model!;
    m.organisation.siteUrl = 'http://intranet.example.go.th/plans/';
    const { bytes: b, layout: l } = await renderBook(m, m.plans[0]!);
    const f = join(dir, 'book.pdf');
    writeFileSync(f, b);
    const outline = execFileSync('mutool', ['show', f, 'outline'], { encoding: 'utf8' });
    expect(outline).toContain('"รายงานความก้าวหน้า"');
    const tablePages = l.pages.map((p, i) => ({ p, i })).filter(({ p }) => p.width > p.height);
    expect(tablePages.length).toBeGreaterThan(3);
    // every page of the table repeats its header; the legend, kept whole, may start a page of its own
    const legend = l.anchors.get('legend')!;
    const firstBody = (i: number) => Math.min(...l.pages[i]!.items.filter((it) => it.kind === 'text' && it.y > 60).map((it) => (it as { y: number }).y));
    for (const { i } of tablePages) if (!(legend.pageIndex === i && legend.y <= firstBody(i))) expect(squash(pdftotext(f, i + 1))).toContain(squash('ผลที่คาดว่าจะได้รับ'));
    expect(squash(pdftotext(f, legend.pageIndex + 1))).toContain(squash('หมายถึง ระดับสำคัญน้อย'));
    expect(tableFills(m, l).slice(0, -1).every((x) => x >= 0.6), tableFills(m, l).map((x) => x.toFixed(2)).join(' ')).toBe(true);
    expect(squash(pdftotext(f))).toContain('http://intranet.example.go.th/plans/plans/2561/projects/p0001/');
  });
});

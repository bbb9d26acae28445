// The presentation layer over the FY2561 seed: what the site and the book receive is the same view,
// shares are rounded once, KPI rows say met or not, the validator names the sections the sheet prints,
// and a digit setting holds for every body number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookTheme } from '../../templates/book/theme.ts';
import { bookSpec, projectSpec } from '../book/book.ts';
import type { BookContext } from '../book/sheet.ts';
import { formatDiagnostic } from '../loader/diagnostics.ts';
import { loadPlans } from '../pipeline.ts';
import type { Block, DocumentSpec, Inline, TableCell } from '../pdf/index.ts';
import type { Model, Organisation, Plan, Project, ProjectProgress } from '../model/types.ts';
import { contentCopy } from '../../tests/helpers/content-copy.ts';
import { buildSite } from '../../tests/e2e/build-site.ts';
import { actionPlanColumns, actionPlanView } from './action-plan.ts';
import { budgetByPriority, budgetByStrategy } from './budget.ts';
import { formatter } from './format.ts';
import { kpiLine, kpiRows } from './kpi.ts';
import { projectSections, SHEET_SECTIONS } from './sections.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const { model, diagnostics } = loadPlans(join(ROOT, 'content'), ROOT) as { model: Model; diagnostics: ReturnType<typeof loadPlans>['diagnostics'] };
const plan = model.plans.find((p) => p.id === '2561') as Plan;
const thaiOrg: Organisation = { ...model.organisation, display: { digits: 'thai', headingDigits: 'thai', pageNumberDigits: 'thai' } };
const ctx = (org: Organisation): BookContext => ({ org, plan, theme: bookTheme(org) });

/** Every text a spec lays out (not canvases, not link targets), with where it sits. */
function texts(spec: DocumentSpec): string[] {
  const out: string[] = [];
  const inline = (c: Inline) => (typeof c === 'string' ? out.push(c) : c.forEach((r) => r.link?.startsWith('http') || out.push(r.text)));
  const cell = (c: TableCell | string) => (typeof c === 'string' ? out.push(c) : Array.isArray(c.content) && typeof c.content[0] === 'object' && 'type' in c.content[0] ? (c.content as Block[]).forEach(block) : inline(c.content as Inline));
  const block = (b: Block): void => {
    if (b.type === 'paragraph' || b.type === 'heading') inline(b.content);
    else if (b.type === 'list') b.items.forEach((i) => (Array.isArray(i) && typeof i[0] === 'object' && 'type' in i[0] ? (i as Block[]).forEach(block) : inline(i as Inline)));
    else if (b.type === 'table') [...(b.header ?? []), ...b.rows].forEach((r) => r.cells.forEach(cell));
    else if (b.type === 'keepTogether') b.blocks.forEach(block);
  };
  spec.sections.forEach((s) => s.blocks.forEach(block));
  return out;
}

function tableOf(spec: DocumentSpec, firstHeader: string): Extract<Block, { type: 'table' }> {
  const t = spec.sections.flatMap((s) => s.blocks).find((b) => b.type === 'table' && (b.header?.[0]?.cells[0] as TableCell | undefined)?.content === firstHeader);
  return t as Extract<Block, { type: 'table' }>;
}

describe('action-plan view', () => {
  it('gives the site and the book the same ten headers, spelt once', () => {
    expect(actionPlanColumns(model.organisation).map((c) => c.header)).toEqual([
      'ลำดับที่', 'กิจกรรม/โครงการ', 'ความสอดคล้องยุทธศาสตร์ของเงินทุนหมุนเวียนฯ', 'ความสอดคล้องยุทธศาสตร์ด้านเทคโนโลยีสารสนเทศ',
      'เป้าหมาย', 'ผลที่คาดว่าจะได้รับ', 'ระยะเวลา', 'งบประมาณ (บาท)', 'ผู้รับผิดชอบ', 'ระดับความสำคัญ',
    ]);
    const book = tableOf(bookSpec(ctx(model.organisation), () => '1'), 'ลำดับที่');
    expect(book.header![0]!.cells.map((c) => (c as TableCell).content)).toEqual(actionPlanColumns(model.organisation).map((c) => c.header));
    expect(siteHeaders).toEqual(actionPlanColumns(model.organisation).map((c) => c.header));
  });
  it('heads the organisation\'s strategies by its own short name', () => {
    expect(actionPlanView(plan, { shortName: 'สำนักงานตัวอย่างฯ' }).columns[2]!.header).toBe('ความสอดคล้องยุทธศาสตร์ของสำนักงานตัวอย่างฯ');
  });
  it('keeps cells typed and raw: numbers are numbers', () => {
    const v = actionPlanView(plan, model.organisation);
    expect(v.rows[0]!.cells.budget).toEqual({ type: 'money', value: 15000 });
    expect(v.total.budget.value).toBe(plan.totals.budget);
    expect(v.total.span).toBe(7);
    for (const r of v.rows) for (const c of v.columns) expect(r.cells[c.key].type).toBe(c.type);
  });
});

describe('budget view', () => {
  it('rounds shares once: the book and the site print the same text', () => {
    const fmt = formatter(model.organisation);
    const rows = budgetByPriority(plan).rows;
    expect(rows.map((r) => fmt.percent(r.share))).toEqual(['20', '80', '0']);
    const book = tableOf(bookSpec(ctx(model.organisation), () => '1'), 'ระดับความสำคัญ');
    const bookShares = book.rows.map((r) => (r.cells[3] as TableCell).content);
    expect(bookShares).toEqual([...rows.map((r) => fmt.percent(r.share)), '100']);
    const thai = formatter(thaiOrg);
    for (const r of [...rows, ...budgetByStrategy(plan).rows]) expect(sitePlanPage).toContain(`<td class="num">${thai.percent(r.share)}</td>`);
  });
});

describe('KPI rows', () => {
  const debtor = plan.projects.find((p) => p.kpis.some((k) => k.target))!;
  const kpi = debtor.kpis.find((k) => k.target)!;
  const entry = (month: number, actual: number): ProjectProgress => ({ reportId: `r${month}`, asOf: plan.months[month]!, status: 'on-track', statusLabel: 'ตามแผน', kpis: [{ kpi, actual }], evidence: [] });
  const withProgress: Project = { ...debtor, progress: [entry(3, kpi.target!.value - 1), entry(6, kpi.target!.value)] };
  it('takes the actual from the newest report as of a month and says whether the target is met', () => {
    expect(kpiRows(debtor).find((r) => r.kpi === kpi)).toMatchObject({ actual: undefined, met: undefined });
    expect(kpiRows(withProgress, plan.months[4]).find((r) => r.kpi === kpi)).toMatchObject({ actual: { reportId: 'r3', value: kpi.target!.value - 1 }, met: false });
    const latest = kpiRows(withProgress).find((r) => r.kpi === kpi)!;
    expect(latest).toMatchObject({ actual: { reportId: 'r6', asOf: plan.months[6] }, met: true });
    expect(kpiLine(latest)).toContain(`(บรรลุเป้าหมาย) ข้อมูล ณ ${plan.months[6]!.labelLong}`);
  });
});

describe('sheet sections', () => {
  it('the validator names missing sections as the sheet heads them', () => {
    const sparse = plan.projects.find((p) => p.missingSections.length > 0)!;
    const warning = diagnostics.map(formatDiagnostic).find((d) => d.includes(`${sparse.id}.yaml`) && d.includes('ขาดหัวข้อ'))!;
    const missing = projectSections(sparse).filter((s) => s.missing);
    expect(missing.length).toBeGreaterThan(0);
    expect(warning).toContain(`ขาดหัวข้อ ${missing.map((s) => s.label).join(', ')}:`);
    // A standalone sheet: the project is H1, so its sections are H2 (a tagged PDF never skips a level).
    const headings = projectSpec(ctx(model.organisation), sparse).sections[0]!.blocks.filter((b) => b.type === 'heading' && b.level === 2).map((b) => (b as { content: Inline }).content);
    const fmt = formatter(model.organisation);
    expect(headings).toEqual(projectSections(sparse).map((s) => fmt.heading(s.label)));
    expect(headings).toHaveLength(SHEET_SECTIONS.length);
  });
  it('titles section 5 of a PDCA-only project by its PDCA table', () => {
    const pdcaOnly = plan.projects.find((p) => p.pdca.length > 0 && p.activities.length === 0)!;
    expect(projectSections(pdcaOnly)[4]!.title).toBe('กิจกรรมขั้นตอนดำเนินงาน');
    expect(projectSections(plan.projects.find((p) => p.pdca.length === 0)!)[4]!.title).toBe('แนวทางการดำเนินงาน และกำหนดการ');
  });
});

describe('one digit style per setting', () => {
  it('with digits thai the book prints no Arabic digit in its text', () => {
    const all = [...texts(bookSpec(ctx(thaiOrg), () => '๑')), ...plan.projects.flatMap((p) => texts(projectSpec(ctx(thaiOrg), p)))];
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((t) => /[0-9]/.test(t))).toEqual([]);
  });
  it('with digits thai the plan and project pages show no Arabic digit in their body text', () => {
    for (const html of [sitePlanPage, ...siteProjectPages]) {
      const body = html.slice(html.indexOf('<main')).replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ');
      expect(body.match(/[^\s]*[0-9][^\s]*/g) ?? []).toEqual([]);
    }
  });
});

// One site build with every digit setting thai (the seed's organisation.yaml, edited).
let sitePlanPage = '';
let siteProjectPages: string[] = [];
let siteHeaders: string[] = [];
const orgYaml = readFileSync(join(ROOT, 'content', 'organisation.yaml'), 'utf8').replace(/digits: arabic/g, 'digits: thai');
const copy = contentCopy({ 'organisation.yaml': orgYaml });
const { dir } = await buildSite({ name: 'views-thai-digits', content: copy.content });
copy.cleanup();
sitePlanPage = readFileSync(join(dir, 'plans', '2561', 'index.html'), 'utf8');
siteProjectPages = plan.projects.map((p) => readFileSync(join(dir, 'plans', '2561', 'projects', p.id, 'index.html'), 'utf8'));
const thead = sitePlanPage.slice(sitePlanPage.indexOf('<table class="action-plan"'));
// the header's text (compounds sit in span.nowrap: src/site/words.ts)
siteHeaders = [...thead.slice(0, thead.indexOf('</thead>')).matchAll(/<th scope="col" role="columnheader"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));

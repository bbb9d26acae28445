// The report PDF as the fund would check it, on the demo content (examples/demo): the Q2 report extracts the
// text that was set (figures worked out by hand in examples/demo/README.md), its contents link to the pages,
// page labels, outline, metadata and structure roles are right, the bytes are the same twice; a figure from
// an earlier report is dated; the registry lists one PDF per report; the plan book's chapter links to them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRef } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToPlainText, type Model, type Plan, type Project } from '../model/index.ts';
import { reportPdfs } from '../outputs/kinds/reports.ts';
import { paths } from '../paths.ts';
import { loadPlans } from '../pipeline.ts';
import type { Layout } from '../pdf/index.ts';
import { formatter } from '../views/format.ts';
import { curveText, ESTIMATED_NOTE, moneyFigures, reportView, scheduleLabel } from '../views/report.ts';
import { bookTheme } from '../../templates/book/theme.ts';
import { renderBook } from './render.ts';
import { renderReport, reportContents, reportTitle } from './report.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'report-test-'));
const DATE = new Date(Date.UTC(2024, 3, 23));
const squash = (s: string) => s.replace(/\s+/g, '');
const pdftotext = (f: string, first?: number, last?: number) =>
  execFileSync('pdftotext', ['-raw', ...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });

let model: Model;
let plan: Plan;
let bytes: Uint8Array;
let layout: Layout;
let file: string;
let text: string;
const project = (id: string): Project => plan.projects.find((p) => p.id === id)!;
const report = (id: string) => plan.reports.find((r) => r.id === id)!;

beforeAll(async () => {
  model = loadPlans(join(ROOT, 'examples', 'demo'), ROOT).model!;
  plan = model.plans[0]!;
  ({ bytes, layout } = await renderReport(model, plan, '2567-q2', { date: DATE }));
  file = join(tmp, 'q2.pdf');
  writeFileSync(file, bytes);
  text = squash(pdftotext(file));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('report PDF (demo 2567-q2)', () => {
  it('extracts the cover, the cumulative figures in figures and words, and the report\'s own text', () => {
    // As typed from examples/demo (README figures and the Q2 YAML), not recomputed.
    const set = [
      'รายงานผลการดำเนินงาน',
      'ไตรมาสที่ ๒ (ต.ค. ๒๕๖๖ – มี.ค. ๒๕๖๗)', // the cover sets headings in Thai digits (heading_digits: thai)
      'ไตรมาสที่ 2 (ต.ค. 2566 – มี.ค. 2567)', // the summary in body digits
      'ผู้รายงาน: กลุ่มนโยบายและแผน',
      'วันที่รายงาน: 17 เมษายน 2567',
      '1,859,000 บาท',
      '(หนึ่งล้านแปดแสนห้าหมื่นเก้าพันบาทถ้วน)',
      'แผนการใช้จ่ายสะสม (แผน) ณ มี.ค. 67',
      '3,140,000 บาท',
      '(สามล้านหนึ่งแสนสี่หมื่นบาทถ้วน)',
      '6,670,000 บาท',
      'ผลการเบิกจ่ายสะสมคิดเป็นร้อยละ 59.2 ของแผนการใช้จ่ายสะสม',
      'การประกวดราคาครั้งแรกมีผู้ยื่นข้อเสนอเพียง 1 ราย และไม่ผ่านคุณสมบัติด้านเทคนิค',
      'ผู้รับจ้างเพิ่มนักพัฒนา 2 คน',
      'ล่าช้ากว่าแผน 20 จุด',
      'ล่าช้ากว่าแผน 15 จุด',
      `หมายเหตุ: ${ESTIMATED_NOTE}`,
      'ผู้อำนวยการสำนักงานตัวอย่างส่งเสริมการบริการดิจิทัล',
      'วันที่อนุมัติ 23 เมษายน 2567',
      'http://intranet.example.go.th/procurement/2567/network-ebidding-1.pdf',
    ];
    expect(set.filter((s) => !text.includes(squash(s)))).toEqual([]);
  });

  it('extracts every line exactly as set, on its page', () => {
    layout.pages.forEach((p, i) => {
      const page = squash(pdftotext(file, i + 1));
      const lost = p.items.flatMap((it) => (it.kind === 'text' && !page.includes(squash(it.shaped.text)) ? [it.shaped.text] : []));
      expect(lost, `page ${i + 1}`).toEqual([]);
    });
  });

  it('sets every project\'s name, owner, results, problems and solutions, KPIs and evidence', () => {
    // A table cell split across pages reads on in its TD: join each cell's lines in reading order.
    const nodes = layout.structure;
    const cellOf = (n: number): number | undefined => {
      for (let x: number | undefined = n; x !== undefined; x = nodes[x]!.parent) if (nodes[x]!.role === 'TD') return x;
      return undefined;
    };
    const cells = new Map<number, string>();
    for (const it of layout.pages.flatMap((p) => p.items)) {
      const c = it.kind === 'text' && it.tag ? cellOf(it.tag.node) : undefined;
      if (c !== undefined && it.kind === 'text') cells.set(c, (cells.get(c) ?? '') + it.shaped.text);
    }
    const set = [text, ...[...cells.values()].map(squash)];
    const strings = plan.projects.flatMap((p) => {
      const pr = p.progress.find((x) => x.reportId === '2567-q2')!;
      return [
        p.name, p.owner.name, ...p.kpis.map((k) => k.name), ...pr.evidence.map((e) => e.title),
        ...[pr.results, pr.problems, pr.solutions].flatMap((m) => (m ? [markdownToPlainText(m)] : [])),
      ];
    });
    const missing = strings.flatMap((s) => s.split(/\n+/)).filter((s) => !set.some((t) => t.includes(squash(s))));
    expect(missing).toEqual([]);
  });

  it('keeps the form\'s order, the project table on, landscape, under its repeated header', () => {
    const order = reportContents(plan).filter((e) => e.level === 1).map((e) => layout.anchors.get(e.id)!.pageIndex);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const table = layout.pages[layout.anchors.get('projects')!.pageIndex]!;
    expect(table.width).toBeGreaterThan(table.height);
    expect(layout.pages[layout.anchors.get('summary')!.pageIndex]!.width).toBeLessThan(table.width);
    // the project table's header is repeated on each of its pages
    const tablePages = layout.pages.map((p, i) => ({ p, i })).filter(({ p }) => p.width > p.height);
    expect(tablePages.length).toBeGreaterThan(1);
    for (const { i } of tablePages.filter(({ i }) => i <= layout.anchors.get('kpis')!.pageIndex)) expect(squash(pdftotext(file, i + 1))).toContain(squash('ปัญหาอุปสรรคแนวทางแก้ไข'));
  });

  it('has one link annotation per contents entry, each to its chapter\'s page', async () => {
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPages();
    const annots = pages[1]!.node.lookup(PDFName.of('Annots'), PDFArray);
    const entries = reportContents(plan);
    expect(annots.size()).toBe(entries.length);
    const targets = annots.asArray().map((ref) => {
      const a = doc.context.lookup(ref, PDFDict);
      expect(a.get(PDFName.of('Subtype'))).toBe(PDFName.of('Link'));
      return pages.findIndex((p) => p.ref === (a.lookup(PDFName.of('Dest'), PDFArray).get(0) as PDFRef));
    });
    expect(targets).toEqual(entries.map((e) => layout.anchors.get(e.id)!.pageIndex));
    // and the printed page number after each entry's leaders is that page's label (a long project name wraps)
    const page = squash(pdftotext(file, 2)).replace(/\.{2,}/g, '');
    for (const e of entries) {
      const label = layout.pages[layout.anchors.get(e.id)!.pageIndex]!.label;
      expect(page, `${e.id} → ${label}`).toContain(squash(formatter(model.organisation).heading(e.title)) + label);
    }
  });

  it('bookmarks each project\'s row under the project table, in the table\'s order, at the page the row starts on', () => {
    const outline = execFileSync('mutool', ['show', file, 'outline'], { encoding: 'utf8' }).split('\n');
    const chapter = outline.findIndex((l) => l.includes('"ผลการดำเนินงานรายโครงการ"'));
    const fmt = formatter(model.organisation);
    plan.projects.forEach((p, i) => {
      const a = layout.anchors.get(`project-${p.id}`)!;
      expect(outline[chapter + 1 + i]).toMatch(new RegExp(`^\\|\\t\\t"${fmt.heading(`${p.order}. ${p.name}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\t#page=${a.pageIndex + 1}&`));
      // the line just below the anchor is the first line of the project's name
      const line = layout.pages[a.pageIndex]!.items.find((t) => t.kind === 'text' && Math.abs(t.x - a.x) < 0.01 && t.y > a.y && t.y - a.y < 30);
      expect(line?.kind === 'text' && squash(p.name).startsWith(squash(line.shaped.text)), p.name).toBe(true);
    });
    expect(outline[chapter + 1 + plan.projects.length]).toContain('"ผลตามตัวชี้วัดความสำเร็จ"');
  });

  it('labels pages as printed: ปก, สารบัญ, then Thai digits from ๑', () => {
    const labels = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pagelabels', file], { encoding: 'utf8' })).pagelabels as Array<{ index: number; label: Record<string, string> }>;
    expect(labels.find((l) => l.index === 0)?.label['/P']).toBe('u:ปก');
    expect(labels.find((l) => l.index === 1)?.label['/P']).toBe('u:สารบัญ');
    expect(layout.pages[2]!.label).toBe('๑');
    for (let i = 2; i < layout.pages.length; i++) {
      const label = layout.pages[i]!.label;
      expect(label).toMatch(/^[๐-๙]+$/);
      expect(pdftotext(file, i + 1).split('\n').map((l) => l.trim()), `page ${i + 1}`).toContain(label);
    }
  });

  it('carries the outline, title, author, subject, keywords and language', async () => {
    const outline = execFileSync('mutool', ['show', file, 'outline'], { encoding: 'utf8' });
    for (const t of ['สรุปผลการดำเนินงาน', 'ผลการดำเนินงานรายโครงการ', 'ผลตามตัวชี้วัดความสำเร็จ', 'หลักฐานการดำเนินงาน', 'ผู้รายงานและผู้อนุมัติ']) expect(outline).toContain(`"${t}"`);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toContain(`Title:           ${reportTitle(reportView(plan, report('2567-q2')))}`);
    expect(info).toContain('Title:           รายงานผลการดำเนินงาน ไตรมาสที่ 2 (ต.ค. 2566 – มี.ค. 2567)');
    expect(info).toMatch(/Author:\s+สำนักงานตัวอย่างส่งเสริมการบริการดิจิทัล \(ข้อมูลตัวอย่าง\)/);
    expect(info).toMatch(/Subject:\s+รายงานไตรมาส 2/);
    expect(info).toMatch(/Keywords:\s+รายงานผลการดำเนินงาน/);
    expect(info).toMatch(/CreationDate:/);
    const doc = await PDFDocument.load(bytes);
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(th-TH)');
  });

  it('tags headings, tables, the contents and the chart (with the data in words as its alt text)', () => {
    const nodes = layout.structure;
    const roles = new Set(nodes.map((n) => n.role));
    for (const r of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Link', 'TOC', 'TOCI']) expect(roles, r).toContain(r);
    expect(nodes.filter((n) => n.role === 'TOCI')).toHaveLength(reportContents(plan).length);
    expect(nodes.filter((n) => n.role === 'TH').every((n) => n.scope === 'Column')).toBe(true);
    const chart = nodes.filter((n) => n.role === 'Figure');
    expect(chart.map((n) => n.alt)).toEqual([curveText(reportView(plan, report('2567-q2')))]);
    expect(chart[0]!.alt).toContain('มี.ค. 67 แผน 3,140,000 บาท ผล 1,859,000 บาท');
    const items = layout.pages.flatMap((p) => p.items);
    expect(items.every((i) => !i.tag || (i.tag.node >= 0 && i.tag.node < nodes.length))).toBe(true);
    const h1 = items.find((i) => i.kind === 'text' && i.shaped.text === 'สรุปผลการดำเนินงาน' && i.tag?.role === 'H1');
    expect(h1).toBeDefined();
    // the running header and the page numbers are artifacts
    const furniture = layout.pages.slice(2).flatMap((p) => p.items.filter((i) => i.kind === 'text' && (i.y < 50 || i.y > p.height - 40)));
    expect(furniture.length).toBeGreaterThan(0);
    expect(furniture.every((i) => i.tag?.role === 'Artifact')).toBe(true);
  });

  it('is clean for qpdf and mupdf, and the same bytes when built twice', async () => {
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('mutool', ['draw', '-o', '/dev/null', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).not.toMatch(/error|warning/i);
    const again = await renderReport(model, plan, '2567-q2', { date: DATE });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
    const undated = await renderReport(model, plan, '2567-q2');
    expect(execFileSync('pdfinfo', ['-'], { input: Buffer.from(undated.bytes), encoding: 'utf8' })).not.toMatch(/CreationDate/);
  });
});

describe('report PDF: figures from an earlier report, missing approval', () => {
  it('dates a project\'s figures and text that come from an earlier report', async () => {
    // The demo's reports name every project from January on: leave network-upgrade out of March and Q2.
    const edited = structuredClone(plan);
    const p = edited.projects.find((x) => x.id === 'network-upgrade')!;
    p.progress = p.progress.filter((x) => x.reportId !== '2567-03' && x.reportId !== '2567-q2');
    const f = join(tmp, 'dated.pdf');
    writeFileSync(f, (await renderReport({ ...model, plans: [edited] }, edited, '2567-q2')).bytes);
    const t = squash(pdftotext(f));
    // February's figures (percent, spent and status) under ณ ก.พ. 67, and the note under the money table
    const feb = p.progress.find((x) => x.reportId === '2567-02')!;
    expect(t).toContain(squash(`${feb.percent}ณก.พ.67`));
    expect(t).toContain(squash(`ผลของโครงการที่ไม่อยู่ในรายงานนี้ (${p.name}) เป็นตัวเลขล่าสุดจากรายงานก่อนหน้า`));
  });

  it('links evidence: http(s) addresses as given, files to their copy on the site, nothing else', async () => {
    const edited = structuredClone(plan);
    const pr = edited.projects.find((x) => x.id === 'network-upgrade')!.progress.find((x) => x.reportId === '2567-q2')!;
    pr.evidence.push({ title: 'ไฟล์บนเครื่อง', url: 'file:///c:/secret.pdf' }, { title: 'ผลการทดสอบ', file: 'evidence/2567-05/backup-restore-test.md' });
    const f = join(tmp, 'evidence.pdf');
    writeFileSync(f, (await renderReport({ ...model, plans: [edited] }, edited, '2567-q2')).bytes);
    const qdf = join(tmp, 'evidence-qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', f, qdf]);
    const uris = new Set([...execFileSync('grep', ['-a', '/URI (', qdf], { encoding: 'latin1' }).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]));
    expect(uris).toContain('http://intranet.example.go.th/procurement/2567/network-ebidding-1.pdf');
    // a Markdown file is linked as its page on the site (the .md itself would download, or show as mojibake)
    expect(uris).toContain(`http://intranet.example.go.th/plans/${paths.evidencePage('evidence/2567-05/backup-restore-test.md')}`);
    expect([...uris].filter((u) => !/^https?:\/\//.test(u!))).toEqual([]);
    expect(squash(pdftotext(f))).toContain(squash('ไฟล์บนเครื่อง file:///c:/secret.pdf'));
  });

  it('flags a project that spent more than its budget, with how much more', async () => {
    const edited = structuredClone(plan);
    const p = edited.projects.find((x) => x.id === 'network-upgrade')!;
    const pr = p.progress.find((x) => x.reportId === '2567-q2')!;
    pr.spent = p.budget + 12_500;
    const f = join(tmp, 'over-budget.pdf');
    writeFileSync(f, (await renderReport({ ...model, plans: [edited] }, edited, '2567-q2')).bytes);
    const t = squash(pdftotext(f));
    expect(t).toContain(squash(`เบิกจ่ายเกินงบประมาณโครงการ ${formatter(model.organisation).baht(12_500)}`));
    writeFileSync(f, (await renderReport(model, plan, '2567-q2')).bytes);
    expect(squash(pdftotext(f))).not.toContain(squash('เบิกจ่ายเกินงบประมาณ'));
  });

  it('says ไม่ระบุ where a report gives no approval', async () => {
    const r = plan.reports.find((x) => !x.approval)!;
    expect(r).toBeDefined();
    const f = join(tmp, 'unapproved.pdf');
    writeFileSync(f, (await renderReport(model, plan, r.id)).bytes);
    expect(squash(pdftotext(f))).toContain(squash('วันที่อนุมัติ ไม่ระบุ'));
  });
});

describe('report PDFs of the whole demo year', () => {
  it('leave no page but the last less than half full', async () => {
    const theme = bookTheme(model.organisation);
    const thin: string[] = [];
    for (const r of plan.reports) {
      const { layout: l } = await renderReport(model, plan, r.id);
      l.pages.slice(2, -1).forEach((page, i) => {
        const m = page.width > page.height ? theme.landscapeMargins : theme.margins;
        const lowest = Math.max(m.top, ...page.items.flatMap((it) => (it.kind === 'text' && it.tag?.role !== 'Artifact' ? [it.y] : [])));
        const fill = (lowest - m.top) / (page.height - m.top - m.bottom);
        if (fill < 0.5) thin.push(`${r.id} page ${i + 3}: ${Math.round(fill * 100)} %`);
      });
    }
    expect(thin).toEqual([]);
  });
});

describe('report PDF with Thai digits', () => {
  it('sets no Arabic digit outside web addresses and file names when organisation.yaml says digits: thai', async () => {
    const thai = { ...model, organisation: { ...model.organisation, display: { digits: 'thai' as const, headingDigits: 'thai' as const, pageNumberDigits: 'thai' as const } } };
    const f = join(tmp, 'thai.pdf');
    writeFileSync(f, (await renderReport(thai, plan, '2567-q2')).bytes);
    const t = pdftotext(f);
    expect(t).toContain('๑,๘๕๙,๐๐๐ บาท');
    expect(t.split('\n').filter((l) => /[0-9]/.test(l.replace(/https?:\/\/\S+/g, '')))).toEqual([]);
  });
});

describe('report words (src/views/report.ts)', () => {
  it('words the schedule status and the money against the plan', () => {
    const v = reportView(plan, report('2567-q2'));
    const row = (id: string) => v.rows.find((r) => r.project.id === id)!;
    expect(scheduleLabel(row('network-upgrade').schedule)).toBe('ล่าช้ากว่าแผน 20 จุด');
    expect(scheduleLabel(row('e-document').schedule)).toBe('ตามแผน');
    expect(scheduleLabel({ kind: 'ahead', points: 12 })).toBe('เร็วกว่าแผน 12 จุด');
    expect(scheduleLabel({ kind: 'no-report' })).toBe('ยังไม่มีรายงานความก้าวหน้า');
    const f = moneyFigures(v.total);
    expect([f.actual?.amount, f.actual?.words, f.planned.amount, f.budget.amount]).toEqual([1859000, 'หนึ่งล้านแปดแสนห้าหมื่นเก้าพันบาทถ้วน', 3140000, 6670000]);
    expect(f.ofPlan).toBeCloseTo(1859000 / 3140000, 10);
    expect(moneyFigures({ budget: 100, planned: 0 })).toMatchObject({ actual: undefined, ofPlan: undefined });
    expect(curveText(v)).toMatch(/^การเบิกจ่ายสะสมเทียบแผน ต\.ค\. 66 ถึง มี\.ค\. 67 จากงบประมาณทั้งแผน 6,670,000 บาท: ต\.ค\. 66 แผน /);
  });
});

describe('report PDFs in the output registry and the plan book', () => {
  it('lists one PDF per report, monthly and quarterly, keyed by the plan, the report and the date', () => {
    const jobs = reportPdfs.jobs(model);
    expect(jobs.map((j) => j.path)).toEqual(plan.reports.map((r) => paths.reportPdf(plan, r.id)));
    expect(jobs).toHaveLength(16);
    expect(jobs[0]!.path).toBe('plans/2567/reports/2566-10.pdf');
    expect(new Set(jobs.map((j) => JSON.stringify(j.inputs))).size).toBe(16);
    const seed = loadPlans(join(ROOT, 'content'), ROOT).model!;
    expect(reportPdfs.jobs(seed)).toEqual([]);
  });

  it('the plan book\'s progress chapter summarises each report from its view and links to its PDF', async () => {
    const { bytes: b } = await renderBook(model, plan);
    const f = join(tmp, 'book.pdf');
    writeFileSync(f, b);
    const t = squash(pdftotext(f));
    for (const r of plan.reports) expect(t).toContain(squash(`http://intranet.example.go.th/plans/plans/2567/reports/${r.id}.pdf`));
    expect(t).toContain(squash('ผล 1,859,000 บาท (ร้อยละ 27.9 ของงบประมาณ) · แผน 3,140,000 บาท · ผลคิดเป็นร้อยละ 59.2 ของแผน'));
    expect(t).toContain(squash(`ล่าช้ากว่าแผน: ${project('network-upgrade').name} (20 จุด), ${project('e-service-portal').name} (15 จุด)`));
  });
});

// The product's PDFs — the plan book, a project sheet, a report — on the demo content, as a PDF/UA-1 and
// PDF/A-2u validator would check them. veraPDF cannot be installed from the registries this machine reaches, so
// the referees are qpdf, poppler and LittleCMS (tests/helpers/pdf-audit.ts): zero problems, every tagged text
// exactly once in the structure tree, no artifact in it, charts described in words, dates from the build's date.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBook, renderProjectPdf } from '../src/book/render.ts';
import { renderReport } from '../src/book/report.ts';
import type { Model } from '../src/model/index.ts';
import type { Layout } from '../src/pdf/index.ts';
import { loadPlans } from '../src/pipeline.ts';
import { auditPdf, type Audit } from './helpers/pdf-audit.ts';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'pdf-conformance-'));
const DATE = new Date(Date.UTC(2024, 8, 30, 17, 0, 0));
/** poppler's structure text reads glyphs without /ActualText: compare letters, digits and Latin (see src/pdf/tagged.test.ts) */
const skeleton = (s: string) => s.normalize('NFKC').replace(/[\s\u0e31\u0e32-\u0e3a\u0e47-\u0e4e]/g, '');
const taggedTexts = (layout: Layout) => layout.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' && i.tag && i.tag.role !== 'Artifact' ? [i.shaped.text] : [])));
const artifactTexts = (layout: Layout) => layout.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' && i.tag?.role === 'Artifact' ? [i.shaped.text] : [])));

let model: Model;
const audits: Record<string, { audit: Audit; layout?: Layout }> = {};

beforeAll(async () => {
  model = loadPlans(join(ROOT, 'examples', 'demo'), ROOT).model!;
  const plan = model.plans[0]!;
  const save = (name: string, bytes: Uint8Array) => { const f = join(dir, name); writeFileSync(f, bytes); return auditPdf(f); };
  const book = await renderBook(model, plan, { date: DATE });
  audits.book = { audit: save('book.pdf', book.bytes), layout: book.layout };
  audits.sheet = { audit: save('sheet.pdf', await renderProjectPdf(model, plan, plan.projects[0]!.id, { date: DATE })) };
  const report = await renderReport(model, plan, plan.reports.at(-1)!.id, { date: DATE });
  audits.report = { audit: save('report.pdf', report.bytes), layout: report.layout };
});

describe('PDF/UA-1 and PDF/A-2u: the plan book, a project sheet, a report', () => {
  it.each(['book', 'sheet', 'report'])('%s: no problems (structure, MCIDs, ParentTree, links, fonts, XMP = info, sRGB intent, ID)', (name) => {
    expect(audits[name]!.audit.problems).toEqual([]);
    expect(audits[name]!.audit.xmp).toContain('<xmp:CreateDate>2024-09-30T17:00:00Z</xmp:CreateDate>');
  });

  it.each(['book', 'report'])('%s: every tagged text once in the structure, no running header, footer or page number', (name) => {
    const { audit, layout } = audits[name]!;
    expect(audit.structText.filter(Boolean).map(skeleton).sort()).toEqual(taggedTexts(layout!).map(skeleton).sort());
    const structure = new Set(audit.structText);
    for (const t of artifactTexts(layout!)) if (!taggedTexts(layout!).includes(t)) expect(structure.has(t), t).toBe(false);
  });

  it('the book: contents as TOC, the action-plan table with head and body, charts described in words', () => {
    const { audit } = audits.book!;
    const roles = audit.elements.map((e) => e.role);
    expect(roles).toContain('TOC');
    expect(roles.filter((r) => r === 'THead').length).toBeGreaterThan(2);
    expect(audit.elements.filter((e) => e.role === 'TH').every((e) => e.scope === 'Column')).toBe(true);
    const figures = audit.elements.filter((e) => e.role === 'Figure').map((e) => e.alt!);
    const strategy = figures.find((a) => a.startsWith('งบประมาณจำแนกตามยุทธศาสตร์: '));
    expect(strategy).toMatch(/^งบประมาณจำแนกตามยุทธศาสตร์: ยุทธศาสตร์ที่ 1 [\d,]+ บาท, /);
    expect(figures.some((a) => /^งบประมาณจำแนกตามระดับความสำคัญ: \*\*\* ระดับสำคัญมาก [\d,]+ บาท, /.test(a))).toBe(true);
  });

  it('the sheet: its section headings sit one level under the project heading', () => {
    const headings = audits.sheet!.audit.elements.filter((e) => /^H\d$/.test(e.role)).map((e) => e.role);
    expect(headings[0]).toBe('H1');
    expect(new Set(headings.slice(1))).toEqual(new Set(['H2']));
  });
});

// Writes the plan books and per-project PDFs of every plan into an output folder (dist/ or staging),
// at the paths in src/paths.ts.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bookTheme } from '../../templates/book/theme.ts';
import type { Model, Plan } from '../model/types.ts';
import { paths } from '../paths.ts';
import { renderPdf, renderPdfWithPageRefs, type Layout } from '../pdf/index.ts';
import type { OutputCache } from '../build/cache.ts';
import { bookSpec, projectSpec } from './book.ts';
import type { BookContext } from './sheet.ts';

/** SOURCE_DATE_EPOCH, when set, is the only date written into a PDF; otherwise none is. */
export function buildDate(): Date | undefined {
  const e = process.env.SOURCE_DATE_EPOCH;
  return e && /^\d+$/.test(e) ? new Date(Number(e) * 1000) : undefined;
}

/** The logo's bytes (the model resolved its file; the validator kept it inside content/ or public/). */
export function readLogo(model: Model): Uint8Array | undefined {
  const p = model.organisation.branding.logoPath;
  return p ? readFileSync(p) : undefined;
}

export interface BookResult { plan: Plan; bytes: Uint8Array; layout: Layout; file: string }

export async function renderBook(model: Model, plan: Plan, opts: { logo?: Uint8Array; date?: Date } = {}): Promise<{ bytes: Uint8Array; layout: Layout }> {
  const ctx: BookContext = { org: model.organisation, plan, theme: bookTheme(model.organisation) };
  return renderPdfWithPageRefs((pageOf) => bookSpec(ctx, pageOf, opts));
}

export async function renderProjectPdf(model: Model, plan: Plan, projectId: string, opts: { date?: Date } = {}): Promise<Uint8Array> {
  const ctx: BookContext = { org: model.organisation, plan, theme: bookTheme(model.organisation) };
  const project = plan.projects.find((p) => p.id === projectId);
  if (!project) throw new Error(`no project ${projectId}`);
  return (await renderPdf(projectSpec(ctx, project, opts))).bytes;
}

/** Every plan book and project sheet PDF, written under outDir. Returns the files written. */
export async function renderPdfs(model: Model, outDir: string, cache?: OutputCache): Promise<string[]> {
  const logo = readLogo(model);
  const date = buildDate();
  const written: string[] = [];
  const write = (rel: string, bytes: Uint8Array) => {
    const p = join(outDir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    written.push(rel);
  };
  const logoHash = logo ? createHash('sha256').update(logo).digest('hex') : null;
  const get = (key: unknown, produce: () => Promise<Uint8Array>) => (cache ? cache.get(key, 'pdf', produce) : produce());
  for (const plan of model.plans) {
    // The key is all the book reads: the organisation, the plan, the logo and the date.
    const book = await get({ kind: 'book', org: model.organisation, plan, logoHash, date }, async () => {
      try {
        return (await renderBook(model, plan, { logo, date })).bytes;
      } catch (e) {
        if (logo && /png|jpe?g|image/i.test(String(e))) {
          throw new Error(`ไฟล์โลโก้ "${model.organisation.branding.logo}" เสียหาย อ่านเป็นภาพไม่ได้ (${String(e)}): บันทึกภาพใหม่เป็น PNG`);
        }
        throw e;
      }
    });
    write(paths.planPdf(plan), book);
    for (const project of plan.projects) {
      const sheet = await get({ kind: 'sheet', org: model.organisation, planId: plan.id, planTitle: plan.title, months: plan.months, project, date }, () =>
        renderProjectPdf(model, plan, project.id, { date }));
      write(paths.projectPdf(plan, project), sheet);
    }
  }
  return written;
}

/** The sources whose change must invalidate cached PDFs. */
export const PDF_SOURCES = ['src/pdf', 'src/book', 'src/thai', 'src/paths.ts', 'templates/book'];

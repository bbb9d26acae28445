// A plan book and a project sheet as PDF bytes. The output registry (src/outputs) lists them, keys their
// cache entries and writes them at the paths in src/paths.ts.
import { setAgencyWords } from '../thai/breaks.ts';
import { bookTheme } from '../../templates/book/theme.ts';
import type { Model, Plan } from '../model/types.ts';
import { renderPdf, renderPdfWithPageRefs, type Layout } from '../pdf/index.ts';
import { bookSpec, projectSpec } from './book.ts';
import type { BookContext } from './sheet.ts';

export async function renderBook(model: Model, plan: Plan, opts: { logo?: Uint8Array; date?: Date } = {}): Promise<{ bytes: Uint8Array; layout: Layout }> {
  setAgencyWords(model.organisation.keepTogether);
  const ctx: BookContext = { org: model.organisation, plan, theme: bookTheme(model.organisation) };
  try {
    return await renderPdfWithPageRefs((pageOf) => bookSpec(ctx, pageOf, opts));
  } catch (e) {
    if (opts.logo && /png|jpe?g|image/i.test(String(e))) {
      throw new Error(`ไฟล์โลโก้ "${model.organisation.branding.logo}" เสียหาย อ่านเป็นภาพไม่ได้ (${String(e)}): บันทึกภาพใหม่เป็น PNG`);
    }
    throw e;
  }
}

export async function renderProjectPdf(model: Model, plan: Plan, projectId: string, opts: { date?: Date } = {}): Promise<Uint8Array> {
  setAgencyWords(model.organisation.keepTogether);
  const ctx: BookContext = { org: model.organisation, plan, theme: bookTheme(model.organisation) };
  const project = plan.projects.find((p) => p.id === projectId);
  if (!project) throw new Error(`no project ${projectId}`);
  return (await renderPdf(projectSpec(ctx, project, opts))).bytes;
}

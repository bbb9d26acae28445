// The book of each earlier approved edition (plan.yaml `editions`), built from that edition's content as git
// has it and kept at a stable path; cached by the edition's commit, which never changes.
import { modelLogo } from '../../assets/logo.ts';
import { renderBook } from '../../book/render.ts';
import type { Edition, Model, Plan } from '../../model/types.ts';
import { paths } from '../../paths.ts';
import { sourceDate } from '../clock.ts';
import type { OutputKind } from '../registry.ts';
import { planById } from './pdf.ts';

export const editionBooks: OutputKind<{ plan: string; edition: Edition; date?: Date }> = {
  name: 'edition',
  title: 'PDF books of earlier editions',
  ext: 'pdf',
  modules: [new URL(import.meta.url), new URL('../../book/render.ts', import.meta.url)],
  jobs(model) {
    const date = sourceDate();
    return model.plans.flatMap((plan: Plan) =>
      plan.editions
        .filter((e) => e.model)
        .map((edition) => ({
          path: paths.editionPdf(plan, edition),
          // Everything the edition's book reads is in its commit (content and logo); the logo's hash guards a
          // logo kept outside git.
          inputs: { commit: edition.commit, logo: modelLogo(edition.model!.organisation.branding)?.hash ?? null, date },
          spec: { plan: plan.id, edition, date },
        })),
    );
  },
  async render(_model, jobs, ctx) {
    const tasks = jobs.map((j): EditionTask => ({ plan: j.spec.plan, edition: j.spec.edition.number, date: j.spec.date }));
    await ctx.pool.run(import.meta.url, 'editionPdf', tasks, (i, bytes) => ctx.emit(jobs[i]!, bytes));
  },
};

/** An edition's book by its plan's id and its number: what crosses to a render worker (src/outputs/pool.ts). */
type EditionTask = { plan: string; edition: number; date?: Date };

export async function editionPdf(model: Model, task: EditionTask): Promise<Uint8Array> {
  const m = planById(model, task.plan).editions.find((e) => e.number === task.edition)?.model;
  if (!m) throw new Error(`no edition ${task.edition} of plan ${task.plan}`);
  const logo = modelLogo(m.organisation.branding)?.bytes;
  return (await renderBook(m, m.plans[0]!, { logo, date: task.date })).bytes;
}

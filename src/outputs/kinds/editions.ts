// The book of each earlier approved edition (plan.yaml `editions`), built from that edition's content as git
// has it and kept at a stable path; cached by the edition's commit, which never changes.
import { modelLogo } from '../../assets/logo.ts';
import { renderBook } from '../../book/render.ts';
import type { Edition, Plan } from '../../model/types.ts';
import { paths } from '../../paths.ts';
import { sourceDate } from '../clock.ts';
import type { OutputKind } from '../registry.ts';

export const editionBooks: OutputKind<{ edition: Edition; date?: Date }> = {
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
          spec: { edition, date },
        })),
    );
  },
  async render(_model, jobs, ctx) {
    for (const job of jobs) {
      const m = job.spec.edition.model!;
      const logo = modelLogo(m.organisation.branding)?.bytes;
      ctx.emit(job, (await renderBook(m, m.plans[0]!, { logo, date: job.spec.date })).bytes);
    }
  },
};

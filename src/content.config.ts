// One content collection, `plans`, filled by our own loader over the project's loader and model
// (src/model) in `astro dev` and a bare `astro build` (`npm run build` hands the pages its model directly,
// src/site/content.ts): the same YAML parser, schemas, cross-checks and positioned Thai messages as `npm run check`.
// No second parser. On errors the loader throws ContentError, so `astro build` fails listing every
// file:line:column. In `astro dev` editing any YAML file reloads the data; an error keeps the last good
// pages and every page shows a banner with the positioned messages until the file is fixed.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, formatDiagnostic, type Diagnostic } from './loader/diagnostics.ts';
import { writeIfChanged } from './loader/write.ts';
import { contentLocation } from './content-dir.ts';
import { CONTENT_ERRORS_ID, MODEL_FILE_ENV, type ContentErrorsEntry, type LoadedModel, type PlanEntry } from './site/entry.ts';

function planLoader(): Loader {
  return {
    name: 'plan-loader',
    async load(context: LoaderContext): Promise<void> {
      const root = fileURLToPath(context.config.root);
      // PLAN_CONTENT selects another content folder, as every command reads it (benchmarks, tests).
      const content = contentLocation(root);
      const contentDir = content.contentDir;

      const watcher = context.watcher;
      // `npm run build` hands its model over to the pages themselves (src/site/content.ts); the collection
      // stays empty and the loading code (YAML, schemas, checks) is not even imported.
      if (!watcher && process.env[MODEL_FILE_ENV]) return;
      const pipeline = await import('./pipeline.ts');
      // Kept while the dev server runs: after an edit only the edited file is parsed again.
      const parseCache = new pipeline.ParseCache('dev');

      const load = (): { model?: LoadedModel['model']; diagnostics: Diagnostic[] } => {
        const loaded = pipeline.loadPlans(contentDir, content.root, { relativeTo: process.cwd(), parseCache });
        // In dev the editor's schemas follow the content's ids as they are edited (as `npm run check` writes
        // them); a build leaves the content folder alone.
        if (context.watcher) for (const s of loaded.editorSchemas()) writeIfChanged(s.path, s.text);
        return loaded;
      };

      /** Loads everything; returns the diagnostics when there are errors (the store then keeps the last good data). */
      const sync = (): Diagnostic[] | undefined => {
        const { model, diagnostics } = load();
        for (const d of diagnostics) {
          if (d.severity === 'warning') context.logger.warn(formatDiagnostic(d));
        }
        if (!model) return diagnostics;
        context.store.clear();
        const warnings = diagnostics.filter((d) => d.severity === 'warning');
        for (const plan of model.plans) {
          const data: PlanEntry = { organisation: model.organisation, plan, warnings };
          // The model is plain data (mdast included); the store serialises it.
          context.store.set({ id: plan.id, data: data as unknown as Record<string, unknown>, digest: context.generateDigest(JSON.stringify(plan)) });
        }
        return undefined;
      };

      const showErrors = (errors: Diagnostic[]): void => {
        // Keep the last good pages; the terminal and a banner on every page show where the error is.
        context.logger.error(new ContentError(errors).message);
        const data: ContentErrorsEntry = {
          errors: errors.filter((d) => d.severity === 'error').map((d) => ({ where: `${d.file}:${d.line}:${d.column}`, message: `${d.message}${d.field ? ` (${d.field})` : ''}` })),
        };
        context.store.set({ id: CONTENT_ERRORS_ID, data: data as unknown as Record<string, unknown> });
      };

      const initial = sync();
      // A build fails with every positioned message.
      if (initial && !watcher) throw new ContentError(initial);
      if (initial) showErrors(initial);

      if (watcher) {
        watcher.add(contentDir);
        const onChange = (file: string): void => {
          const abs = resolve(file);
          if (!abs.startsWith(contentDir) || !/\.ya?ml$/.test(abs)) return;
          const errors = sync();
          if (errors) showErrors(errors);
          else context.logger.info(`โหลดเนื้อหาใหม่: ${relative(root, abs)}`);
        };
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', onChange);
      }
    },
  };
}

export const collections = {
  plans: defineCollection({ loader: planLoader() }),
};

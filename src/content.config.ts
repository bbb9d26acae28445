// One content collection, `plans`, filled by our own loader over the project's loader and model
// (src/model): the same YAML parser, schemas, cross-checks and positioned Thai messages as `npm run check`.
// No second parser. On errors the loader throws ContentError, so `astro build` fails listing every
// file:line:column; in `astro dev` the error overlay shows them, and editing any YAML file reloads.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, formatDiagnostic } from './loader/diagnostics.ts';
import { loadPlans } from './model/index.ts';
import type { PlanEntry } from './site/entry.ts';

function planLoader(): Loader {
  return {
    name: 'plan-loader',
    async load(context: LoaderContext): Promise<void> {
      const root = fileURLToPath(context.config.root);
      const contentDir = join(root, 'content');

      const sync = (): void => {
        const { model, diagnostics } = loadPlans(contentDir, root);
        for (const d of diagnostics) {
          if (d.severity === 'warning') context.logger.warn(formatDiagnostic(d));
        }
        if (!model) throw new ContentError(diagnostics);
        context.store.clear();
        for (const plan of model.plans) {
          const data: PlanEntry = { organisation: model.organisation, plan, warnings: diagnostics.filter((d) => d.severity === 'warning') };
          // The model is plain data (mdast included); the store serialises it.
          context.store.set({ id: plan.id, data: data as unknown as Record<string, unknown>, digest: context.generateDigest(JSON.stringify(plan)) });
        }
      };

      sync();

      const watcher = context.watcher;
      if (watcher) {
        watcher.add(contentDir);
        const onChange = (file: string): void => {
          const abs = resolve(file);
          if (!abs.startsWith(contentDir) || !/\.ya?ml$/.test(abs)) return;
          try {
            sync();
            context.logger.info(`โหลดเนื้อหาใหม่: ${abs.slice(root.length + 1)}`);
          } catch (e) {
            // Keep the last good data in the store; show every positioned message in the terminal and
            // in the browser's error overlay.
            context.logger.error(e instanceof Error ? e.message : String(e));
            watcher.emit('error', e);
          }
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

// node scripts/output.ts <path>: one output of the registry (a PDF or PNG at its site path, e.g.
// plans/2561/plan-2561.pdf) written to stdout, rendered from the current content and code or taken from
// the output cache. The dev server calls this for each PDF/PNG request (astro.config.mjs), so the links
// of `npm run dev` answer with what `npm run build` would write. Exit 2: no output has that path. Exit 3:
// the content has errors; stdout then holds a Thai page (for a .pdf) or image (for a .png) listing them.
import { join, resolve } from 'node:path';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { loadPlans } from '../src/pipeline.ts';
import { outputKinds, renderPath } from '../src/outputs/index.ts';

const root = join(import.meta.dirname, '..');
const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/output.ts <site path of a PDF or PNG>');
  process.exit(2);
}
const contentDir = resolve(root, process.env.PLAN_CONTENT ?? 'content');
const { model, diagnostics } = loadPlans(contentDir, root);
if (!model) {
  const errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  for (const e of errors) console.error(e);
  console.error(`\n✗ เนื้อหามีข้อผิดพลาด: สร้าง ${path} ไม่ได้`);
  const { contentErrorImage, contentErrorPage } = await import('../src/dev/content-errors.ts');
  process.stdout.write(path.endsWith('.png') ? await contentErrorImage(path, errors) : contentErrorPage(path, errors));
  process.exitCode = 3;
} else {
  const bytes = await renderPath(outputKinds, model, path, { cacheDir: resolve(root, process.env.PLAN_OUTPUT_CACHE ?? '.cache') });
  if (!bytes) process.exit(2);
  process.stdout.write(bytes);
}

// node scripts/output.ts <path>: one output of the registry (a PDF or PNG at its site path, e.g.
// plans/2561/plan-2561.pdf) written to stdout, rendered from the current content and code or taken from
// the output cache. The dev server calls this for each PDF/PNG request (astro.config.mjs), so the links
// of `npm run dev` answer with what `npm run build` would write. Exit 2: no output has that path.
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
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  console.error('\n✗ เนื้อหามีข้อผิดพลาด: สร้างไฟล์นี้ไม่ได้');
  process.exit(1);
}
const bytes = await renderPath(outputKinds, model, path, { cacheDir: resolve(root, process.env.PLAN_OUTPUT_CACHE ?? '.cache') });
if (!bytes) process.exit(2);
process.stdout.write(bytes);

// npm run infographics: the image kinds of the output registry (monthly, overview and project cards, link
// previews, gallery thumbnails) into dist/ (dist/ alone; npm run build does this too, inside its staging folder).
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { contentLocation } from '../src/content-dir.ts';
import { loadPlans } from '../src/pipeline.ts';
import { outputKinds, runKinds } from '../src/outputs/index.ts';

const root = join(import.meta.dirname, '..');
// resolve, not join: an absolute PLAN_DIST is used as given (as npm run build does).
const out = resolve(root, process.env.PLAN_DIST ?? 'dist');
// PLAN_CONTENT, as npm run build reads it.
const content = contentLocation(root);
const { model, diagnostics } = loadPlans(content.contentDir, content.root, { relativeTo: process.cwd() });
for (const d of diagnostics) console.error(formatDiagnostic(d));
if (!model) {
  console.error('\n✗ เนื้อหามีข้อผิดพลาด: ไม่ได้สร้างภาพ');
  process.exit(1);
}
const t0 = performance.now();
const workers = process.env.INFOGRAPHICS_WORKERS ? Number(process.env.INFOGRAPHICS_WORKERS) : undefined;
const results = await runKinds(outputKinds.filter((k) => k.ext === 'png'), model, out, { workers });
const count = results.reduce((n, r) => n + r.files.length, 0);
console.log(`✓ ${count} images in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

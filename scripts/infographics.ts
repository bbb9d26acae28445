// npm run infographics: render the monthly cards, overview and project cards and link previews into dist/
// (dist/ alone; npm run build does this too, inside its staging folder).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { renderInfographics } from '../src/infographics/index.ts';
import { loadPlans } from '../src/model/index.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, process.env.PLAN_DIST ?? 'dist');
const { model, diagnostics } = loadPlans(join(root, 'content'), root);
for (const d of diagnostics) console.error(formatDiagnostic(d));
if (!model) {
  console.error('\n✗ เนื้อหามีข้อผิดพลาด: ไม่ได้สร้างภาพ');
  process.exit(1);
}
const t0 = performance.now();
const workers = process.env.INFOGRAPHICS_WORKERS ? Number(process.env.INFOGRAPHICS_WORKERS) : undefined;
const { count } = await renderInfographics(model, out, { workers });
console.log(`✓ ${count} images in ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

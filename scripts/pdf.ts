// npm run pdf: the plan books and per-project PDFs alone, into dist/.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderPdfs } from '../src/book/render.ts';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { loadPlans } from '../src/model/index.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, process.env.PLAN_DIST ?? 'dist');
const { model, diagnostics } = loadPlans(join(root, 'content'), root);
for (const d of diagnostics) console.error(formatDiagnostic(d));
if (!model) process.exit(1);
const t0 = performance.now();
const files = await renderPdfs(model, out);
console.log(`✓ ${files.length} PDF ใน ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
for (const f of files) console.log(`  ${f}`);

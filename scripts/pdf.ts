// npm run pdf: the PDF kinds of the output registry (plan books, project sheets) alone, into dist/.
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
if (!model) process.exit(1);
const t0 = performance.now();
const files = (await runKinds(outputKinds.filter((k) => k.ext === 'pdf'), model, out)).flatMap((r) => r.files);
console.log(`✓ ${files.length} PDF ใน ${((performance.now() - t0) / 1000).toFixed(1)} s → ${out}`);
for (const f of files) console.log(`  ${f}`);

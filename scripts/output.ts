// node scripts/output.ts <path>: one output of the registry (a PDF or PNG at its site path, e.g.
// plans/2561/plan-2561.pdf) written to stdout, rendered from the current content and code or taken from
// the output cache (src/dev/output.ts, which the dev server's warm render process runs too). Exit 2: no
// output has that path. Exit 3: the content has errors; stdout then holds a Thai page (for a .pdf) or image
// (for a .png) listing them.
import { join, resolve } from 'node:path';
import { contentLocation } from '../src/content-dir.ts';
import { renderOutput } from '../src/dev/output.ts';
import { loadPlans } from '../src/pipeline.ts';

const root = join(import.meta.dirname, '..');
const path = process.argv[2];
if (!path) {
  console.error('usage: node scripts/output.ts <site path of a PDF or PNG>');
  process.exit(2);
}
const { contentDir, root: contentRoot } = contentLocation(root);
const answer = await renderOutput(loadPlans(contentDir, contentRoot, { relativeTo: process.cwd() }), path, resolve(root, process.env.PLAN_OUTPUT_CACHE ?? '.cache'));
for (const e of answer.errors) console.error(e);
if (answer.status === 3) console.error(`\n✗ เนื้อหามีข้อผิดพลาด: สร้าง ${path} ไม่ได้`);
process.stdout.write(answer.bytes);
process.exitCode = answer.status;

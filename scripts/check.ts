// npm run check: validate content/ and print every error and warning as file:line:column; write the editor's
// JSON Schemas for this content (its own ids, so VS Code offers them) into <content>/schemas/.
// Exit code 1 when there is any error.
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { writeIfChanged } from '../src/loader/write.ts';
import { loadPlans } from '../src/pipeline.ts';

// Optional argument: another content folder (paths in messages are then relative to its parent).
const contentDir = process.argv[2] ? resolve(process.argv[2]) : join(import.meta.dirname, '..', 'content');
const root = dirname(contentDir);
const t0 = performance.now();
const { diagnostics, files, editorSchemas } = loadPlans(contentDir, root, { validateOnly: true });
const ms = performance.now() - t0;

for (const d of diagnostics) (d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
// Also with errors: the ids of the files that did load help to fix the others.
for (const s of editorSchemas()) if (writeIfChanged(s.path, s.text)) console.log(`เขียน ${relative(process.cwd(), s.path)} ใหม่ (ตัวช่วยของโปรแกรมแก้ไข)`);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;
const summary = `ตรวจ ${files.length} ไฟล์ใน ${ms.toFixed(0)} ms: ข้อผิดพลาด ${errors} รายการ, คำเตือน ${warnings} รายการ`;
if (errors > 0) {
  console.error(`\n✗ ${summary}`);
  process.exit(1);
}
console.log(`\n✓ ${summary}`);

// npm run check [-- --format text|github|gitlab|json] [content-folder]: validate content/ (or the folder, or
// PLAN_CONTENT) and print every
// error and warning as file:line:column (or as CI annotations, a Code Quality report, JSON).
// Exit code 1 when there is any error, whatever the format.
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CHECK_FORMATS, formatCheck, isCheckFormat } from '../src/check/formats.ts';
import { writeIfChanged } from '../src/loader/write.ts';
import { contentLocation } from '../src/content-dir.ts';
import { loadPlans } from '../src/pipeline.ts';

const { values, positionals } = parseArgs({ options: { format: { type: 'string', default: 'text' } }, allowPositionals: true });
if (!isCheckFormat(values.format)) {
  console.error(`--format ${values.format}: ใช้ได้เฉพาะ ${CHECK_FORMATS.join(', ')}`);
  process.exit(2);
}

// Optional argument: another content folder; without one, PLAN_CONTENT as every other command reads it. Paths
// in messages are relative to the working directory, so a terminal, an editor or a CI annotation (the CI runs
// from the repository root) opens them.
const { contentDir, root } = contentLocation(join(import.meta.dirname, '..'), positionals[0] ? resolve(positionals[0]) : undefined);
const t0 = performance.now();
const { diagnostics, files, editorSchemas } = loadPlans(contentDir, root, { validateOnly: true, relativeTo: process.cwd() });
const ms = performance.now() - t0;

// Also with errors: the ids of the files that did load help to fix the others. Not on stdout in the machine
// formats, whose stdout is the report alone.
const say = values.format === 'text' ? console.log : console.error;
for (const s of editorSchemas()) if (writeIfChanged(s.path, s.text)) say(`เขียน ${relative(process.cwd(), s.path)} ใหม่ (ตัวช่วยของโปรแกรมแก้ไข)`);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const out = formatCheck(values.format, diagnostics, { files: files.length, errors, warnings: diagnostics.length - errors, ms });
for (const line of out.stderr) console.error(line);
for (const line of out.stdout) console.log(line);
if (errors > 0) process.exit(1);

// npm run new -- project <year> <id>     a new project file, every field with its Thai guidance
// npm run new -- report <year> <month|qN> a report skeleton for a month (2568-03) or quarter (q2)
// Never overwrites; checks the year, the id or period against the content (src/scaffold).
import { join, relative } from 'node:path';
import { contentLocation } from '../src/content-dir.ts';
import { newProject, newReport, ScaffoldError, writeScaffold } from '../src/scaffold/index.ts';

const root = join(import.meta.dirname, '..');
const { contentDir } = contentLocation(root);
const [kind, year, arg, ...rest] = process.argv.slice(2);
const usage = 'วิธีใช้: npm run new -- project <ปี> <รหัสโครงการ>  หรือ  npm run new -- report <ปี> <เดือน เช่น 2568-03 | ไตรมาส q1–q4>';

try {
  if (!year || !arg || rest.length || (kind !== 'project' && kind !== 'report')) throw new ScaffoldError(usage);
  const s = kind === 'project' ? newProject(contentDir, year, arg, root) : newReport(contentDir, year, arg, root);
  writeScaffold(s);
  console.log(`✓ สร้าง ${relative(process.cwd(), s.file)} แล้ว: กรอกช่องที่ว่างแล้วตรวจด้วย npm run check`);
} catch (e) {
  if (!(e instanceof ScaffoldError)) throw e;
  console.error(`✗ ${e.message}`);
  process.exitCode = 1;
}

// npm run diff -- [<base> [<head>]] [--format text|markdown] [--content DIR]
// What changed in the plan between two revisions, in plan terms and in Thai. base defaults to the merge-base
// of HEAD with the main branch, head to the work tree (what is on disk now). Exit 0 when both sides were
// compared (changed or not), 1 when a side has errors (they are listed with their positions), 2 when git
// could not give a revision (the message says what to fetch).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentLocation } from '../src/content-dir.ts';
import { comparePlans, loadSide, renderChange, type DiffFormat } from '../src/diff/index.ts';
import { defaultBase, extractRevision, repoRoot, resolveCommit, RevisionError, type Extracted } from '../src/git/revisions.ts';

const { values, positionals } = parseArgs({
  options: { format: { type: 'string', default: 'text' }, content: { type: 'string' } },
  allowPositionals: true,
});
if (values.format !== 'text' && values.format !== 'markdown') {
  console.error(`--format ${values.format}: ใช้ได้เฉพาะ text, markdown`);
  process.exit(2);
}
const format: DiffFormat = values.format;
const { contentDir, root } = contentLocation(join(import.meta.dirname, '..'), values.content ? resolve(values.content) : undefined);

const extracted: Extracted[] = [];
try {
  const repo = repoRoot(contentDir);
  const side = (rev: string) => {
    const commit = resolveCommit(repo, rev);
    const x = extractRevision(repo, commit, contentDir);
    extracted.push(x);
    return loadSide(rev === commit ? commit.slice(0, 8) : `${rev} (${commit.slice(0, 8)})`, x.contentDir, x.root);
  };
  const before = side(positionals[0] ?? defaultBase(repo));
  const after = positionals[1] ? side(positionals[1]) : loadSide('ต้นฉบับปัจจุบัน', contentDir, root);
  const change = comparePlans(before, after);
  process.stdout.write(renderChange(change, format));
  process.exitCode = change.diff ? 0 : 1;
} catch (e) {
  if (!(e instanceof RevisionError)) throw e;
  console.error(e.message);
  process.exitCode = 2;
} finally {
  for (const x of extracted) x.cleanup();
}

// The README's report examples are what the check accepts: put in place of the example set's own reports of
// the same periods, the example set still has no error; its project example passes the project schema.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { formatDiagnostic } from '../src/loader/diagnostics.ts';
import { readDocument } from '../src/loader/load-content.ts';
import { loadPlans } from '../src/pipeline.ts';
import { ROOT } from './helpers/content-copy.ts';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const of = (schema: string) => blocks.filter((b) => b.startsWith(`# yaml-language-server: $schema=../../../schemas/${schema}.schema.json`));

it('the README report examples (one monthly, one quarterly) pass the check in the example set', () => {
  const reports = of('report');
  expect(reports).toHaveLength(2);
  const dir = mkdtempSync(join(tmpdir(), 'readme-demo-'));
  try {
    cpSync(join(ROOT, 'examples', 'demo'), join(dir, 'demo'), { recursive: true });
    for (const r of reports) {
      const id = /^month: (\S+)/m.exec(r)?.[1] ?? `2567-q${/^quarter: (\d)/m.exec(r)![1]}`;
      writeFileSync(join(dir, 'demo', 'plans', '2567', 'reports', `${id}.yaml`), r);
    }
    const { diagnostics } = loadPlans(join(dir, 'demo'), dir, { validateOnly: true });
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the README project example passes the project schema', () => {
  const [project] = of('project');
  expect(readDocument('README.md', new TextEncoder().encode(project!), 'project').diagnostics).toEqual([]);
});

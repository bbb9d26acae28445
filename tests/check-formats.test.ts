// `npm run check -- --format github|gitlab|json` as CI runs it: the same problems and exit codes as the text.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const bad = contentCopy({
  'plans/2561/projects/antivirus.yaml': readFileSync(join(ROOT, 'content/plans/2561/projects/antivirus.yaml'), 'utf8').replace('budget: 15000', 'budget: หนึ่งหมื่นห้าพันบาท'),
});
afterAll(() => bad.cleanup());
// From the copy's root, as CI runs from the repository's: message paths are relative to the working directory.
const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts'), ...args], { encoding: 'utf8', cwd: bad.root });
const budgetLine = readFileSync(join(bad.content, 'plans/2561/projects/antivirus.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('budget:')) + 1;

describe('npm run check --format', () => {
  const text = run([bad.content]);
  const problems = text.stderr.split('\n').filter((l) => /^content\/.+:\d+:\d+: /.test(l));

  it('github: one annotation per problem, the same exit code', () => {
    const r = run(['--format', 'github', bad.content]);
    expect(r.status).toBe(1);
    expect(text.status).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(problems.length);
    expect(annotations.some((a) => a.startsWith(`::error file=content/plans/2561/projects/antivirus.yaml,line=${budgetLine},col=9,title=ข้อผิดพลาด%3A budget`))).toBe(true);
    expect(annotations.filter((a) => a.startsWith('::error '))).toHaveLength(problems.filter((l) => l.includes(': ข้อผิดพลาด: ')).length);
  });

  it('gitlab: a Code Quality report with every documented field, on stdout alone', () => {
    const r = run(['--format', 'gitlab', bad.content]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(report).toHaveLength(problems.length);
    for (const issue of report) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(issue).toMatchObject({ description: expect.any(String), check_name: expect.any(String), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      const loc = issue.location as { path: string; lines: { begin: number } };
      expect(loc.path).toMatch(/^content\/.+\.yaml$/);
      expect(Number.isInteger(loc.lines.begin) && loc.lines.begin >= 1).toBe(true);
    }
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(report.length);
    expect(report).toContainEqual(expect.objectContaining({ severity: 'major', location: { path: 'content/plans/2561/projects/antivirus.yaml', lines: { begin: budgetLine } } }));
    expect(r.stderr).toContain('✗ ตรวจ');
  });

  it('json: the diagnostics as they are, and exit 0 on the shipped content', () => {
    const r = run(['--format', 'json', bad.content]);
    expect(r.status).toBe(1);
    const { summary, diagnostics } = JSON.parse(r.stdout) as { summary: { errors: number }; diagnostics: unknown[] };
    expect(diagnostics).toHaveLength(problems.length);
    expect(summary.errors).toBeGreaterThan(0);
    const ok = run(['--format', 'json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary).toEqual({ files: 6, errors: 0, warnings: 4 });
  });

  it('refuses an unknown format', () => {
    const r = run(['--format', 'sarif']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('github, gitlab, json');
  });
});

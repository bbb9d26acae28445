// The CI files an agency copies (templates/ci/): they parse, every `npm run X` they call exists, the formats they
// ask for are ones check and diff know, and each system gets the report it reads.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECK_FORMATS } from '../src/check/formats.ts';
import { ROOT } from './helpers/content-copy.ts';

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const load = (name: string) => parse(readFileSync(join(ROOT, 'templates/ci', name), 'utf8'), { prettyErrors: true, uniqueKeys: true }) as Record<string, unknown>;

/** Every string in a parsed document: the commands are among them, wherever the file puts them. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

/** `npm run <name> [-- args]` calls, with the arguments after `--` up to the end of the command. */
function npmRuns(doc: unknown): Array<{ name: string; args: string[] }> {
  return strings(doc).flatMap((s) =>
    [...s.matchAll(/npm run ([\w:.-]+)((?: -- [^\n|;&>]*)?)/g)].map((m) => ({ name: m[1]!, args: m[2]!.replace(/^ -- /, '').trim().split(/\s+/).filter(Boolean) })),
  );
}

/** The shell commands: GitLab's `script` lines and GitHub's `run` steps. */
function commands(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(commands);
  if (!v || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => (k === 'script' || k === 'run' ? strings(x) : commands(x)));
}

const formatOf = (args: string[]) => args[args.indexOf('--format') + 1];

describe.each(['gitlab-ci.yml', 'github-workflow.yml'])('templates/ci/%s', (file) => {
  const doc = load(file);
  const runs = npmRuns(doc);

  it('calls only npm scripts that exist, with formats they accept', () => {
    expect(runs.length).toBeGreaterThan(3);
    for (const r of runs) expect(Object.keys(scripts), `npm run ${r.name}`).toContain(r.name);
    expect(new Set(runs.map((r) => r.name))).toEqual(new Set(['check', 'diff', 'build']));
    for (const r of runs.filter((x) => x.args.includes('--format'))) {
      expect(r.name === 'check' ? CHECK_FORMATS : ['text', 'markdown'], `npm run ${r.name} ${r.args.join(' ')}`).toContain(formatOf(r.args));
    }
    // Every command is valid shell (bash -n parses without running).
    for (const c of commands(doc)) expect(spawnSync('bash', ['-n', '-c', c], { encoding: 'utf8' }).stderr, c).toBe('');
    expect(commands(doc).length).toBeGreaterThan(5);
    // Every install is npm ci: the committed lockfile exactly, never rewritten on the runner (README: Two commands).
    const installs = strings(doc).filter((x) => /npm (install|ci|i)\b/.test(x));
    expect(installs.length).toBeGreaterThan(1);
    for (const s of installs) expect(s).toBe('npm ci --no-audit --no-fund');
  });
});

describe('GitLab CI', () => {
  const doc = load('gitlab-ci.yml') as Record<string, { script?: string[]; artifacts?: { reports?: { codequality?: string } }; rules?: Array<{ if: string }> }>;

  it('hands the Code Quality report it writes to the merge request widget', () => {
    const check = doc.check!;
    const report = check.artifacts!.reports!.codequality!;
    expect(check.script!.some((s) => s.includes(`npm run check -- --format gitlab > ${report}`))).toBe(true);
    expect(check.rules![0]!.if).toContain('merge_request_event');
  });

  it('fetches the whole history for the diff, and publishes only from the default branch', () => {
    expect((doc.variables as unknown as Record<string, string>).GIT_DEPTH).toBe('0');
    for (const job of ['publish-intranet', 'pages']) expect(doc[job]!.rules![0]!.if).toContain('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH');
  });
});

describe('GitHub Actions', () => {
  const doc = load('github-workflow.yml') as { on: Record<string, unknown>; jobs: Record<string, { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> }> };

  it('annotates with the check, summarises the diff with the whole history checked out', () => {
    const steps = doc.jobs.review!.steps;
    expect(steps.some((s) => s.run === 'npm run check -- --format github')).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))!.with!['fetch-depth']).toBe(0);
    expect(steps.some((s) => s.run?.includes('>> "$GITHUB_STEP_SUMMARY"'))).toBe(true);
    expect(Object.keys(doc.on)).toEqual(['pull_request', 'push']);
  });
});

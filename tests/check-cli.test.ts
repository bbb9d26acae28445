// `npm run check` as a user runs it: prints positioned Thai messages, exits 1 on errors, 0 otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const run = (contentDir?: string, opts: { cwd?: string; args?: string[]; env?: Record<string, string> } = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts'), ...(opts.args ?? []), ...(contentDir ? [contentDir] : [])], {
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    // The shipped content unless a test says otherwise, whatever the shell running the tests has set.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'PLAN_CONTENT')), ...opts.env },
  });
/** The file of every positioned message line. */
const positioned = (out: string) => out.split('\n').flatMap((l) => /^(\S+?):\d+:\d+: /.exec(l)?.[1] ?? []);

describe('npm run check', () => {
  it('passes on the shipped content and prints its warnings', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('content/plans/2561/projects/antivirus.yaml:');
    expect(r.stdout).toMatch(/ข้อผิดพลาด 0 รายการ, คำเตือน 4 รายการ/);
  });

  it('another folder: message paths open from the working directory (examples/demo/plans/…, not demo/plans/…)', () => {
    const files = positioned(run('examples/demo').stderr);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f).toMatch(/^examples\/demo\/plans\//);
      expect(existsSync(join(ROOT, f)), f).toBe(true);
    }
    // The CI formats carry the same paths: the CI runs from the repository root.
    const annotations = run('examples/demo', { args: ['--format', 'github'] }).stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBe(files.length);
    for (const a of annotations) expect(a).toMatch(/ file=examples\/demo\/plans\//);
    // From a subfolder, the paths climb out of it as a terminal there needs them.
    const sub = join(ROOT, 'examples');
    for (const f of positioned(run(join(ROOT, 'examples', 'demo'), { cwd: sub }).stderr)) expect(existsSync(join(sub, f)), f).toBe(true);
  });

  it('reads PLAN_CONTENT like every other command when no folder is given; the argument wins', () => {
    const demo = run(undefined, { env: { PLAN_CONTENT: 'examples/demo' } });
    expect(positioned(demo.stderr).length).toBeGreaterThan(0);
    for (const f of positioned(demo.stderr)) expect(f).toMatch(/^examples\/demo\//);
    const given = run('content', { env: { PLAN_CONTENT: 'examples/demo' } });
    for (const f of positioned(given.stderr)) expect(f).toMatch(/^content\//);
  });

  it('exits 1 with a Thai message at the line when a budget is written in words', () => {
    const c = contentCopy({
      'plans/2561/projects/antivirus.yaml': readFileSync(join(ROOT, 'content/plans/2561/projects/antivirus.yaml'), 'utf8').replace('budget: 15000', 'budget: หนึ่งหมื่นห้าพันบาท'),
    });
    try {
      const r = run(c.content);
      expect(r.status).toBe(1);
      const line = readFileSync(join(c.content, 'plans/2561/projects/antivirus.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('budget:')) + 1;
      expect(r.stderr).toContain(`content/plans/2561/projects/antivirus.yaml:${line}:9: ข้อผิดพลาด: จำนวนเงิน "หนึ่งหมื่นห้าพันบาท" ไม่ใช่ตัวเลข`);
    } finally {
      c.cleanup();
    }
  });
});

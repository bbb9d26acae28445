// `npm run check` as a user runs it: prints positioned Thai messages, exits 1 on errors, 0 otherwise.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentCopy, ROOT } from './helpers/content-copy.ts';

const run = (contentDir?: string) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts'), ...(contentDir ? [contentDir] : [])], { encoding: 'utf8' });

describe('npm run check', () => {
  it('passes on the shipped content and prints its warnings', () => {
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('content/plans/2561/projects/antivirus.yaml:');
    expect(r.stdout).toMatch(/ข้อผิดพลาด 0 รายการ, คำเตือน 4 รายการ/);
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

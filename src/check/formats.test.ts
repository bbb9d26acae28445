import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../loader/diagnostics.ts';
import { codeQuality, formatCheck, githubAnnotation } from './formats.ts';

const d = (over: Partial<Diagnostic> = {}): Diagnostic => ({
  severity: 'error', file: 'content/plans/2561/projects/a.yaml', line: 21, column: 9, message: 'จำนวนเงินไม่ใช่ตัวเลข', field: 'budget — งบประมาณ (บาท)', ...over,
});

describe('GitHub workflow commands', () => {
  it('writes file, line, col and title, and escapes as the runner reads them', () => {
    expect(githubAnnotation(d())).toBe('::error file=content/plans/2561/projects/a.yaml,line=21,col=9,title=ข้อผิดพลาด%3A budget — งบประมาณ (บาท)::จำนวนเงินไม่ใช่ตัวเลข');
    const tricky = githubAnnotation(d({ severity: 'warning', file: 'content/a,b:c%.yaml', message: 'บรรทัด 1\nร้อยละ 100%, เช่น a:b', field: undefined }));
    expect(tricky).toBe('::warning file=content/a%2Cb%3Ac%25.yaml,line=21,col=9,title=คำเตือน::บรรทัด 1%0Aร้อยละ 100%25, เช่น a:b');
    // One annotation is one line, and the only unescaped "::" pair is the one before the message.
    expect(tricky).not.toContain('\n');
    expect(tricky).toMatch(/^::(error|warning) (?:[a-z]+=[^,:]*)(?:,[a-z]+=[^,:]*)*::[^\n]*$/);
  });
});

describe('GitLab Code Quality', () => {
  it('has the documented fields, and a fingerprint that ignores the line and tells repeats apart', () => {
    const [a, b, c, e] = codeQuality([d(), d({ line: 40, field: 'activities[2].months[0] — เดือน' }), d({ line: 41, field: 'activities[3].months[1] — เดือน' }), d({ severity: 'warning' })]);
    expect(a).toEqual({
      description: 'จำนวนเงินไม่ใช่ตัวเลข (budget — งบประมาณ (บาท))',
      check_name: 'budget',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'content/plans/2561/projects/a.yaml', lines: { begin: 21 } },
    });
    expect(b!.check_name).toBe('activities[].months[]');
    // The same problem in another list item is a second occurrence, not the same fingerprint.
    expect(new Set([a, b, c, e].map((i) => i!.fingerprint)).size).toBe(4);
    expect(e!.severity).toBe('minor');
    // Lines added above a problem do not change its fingerprint.
    expect(codeQuality([d({ line: 99 })])[0]!.fingerprint).toBe(a!.fingerprint);
    expect(codeQuality([d({ message: 'อื่น' })])[0]!.fingerprint).not.toBe(a!.fingerprint);
  });

  it('keeps stdout for the report alone', () => {
    const out = formatCheck('gitlab', [d()], { files: 1, errors: 1, warnings: 0, ms: 3 });
    expect(JSON.parse(out.stdout.join('\n'))).toHaveLength(1);
    expect(out.stderr.join('')).toContain('ข้อผิดพลาด 1 รายการ');
  });
});

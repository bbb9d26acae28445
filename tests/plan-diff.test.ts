// `npm run diff` on a real git history: a small repository in a temporary folder with the approved plan, a
// revision that changes a budget and moves a PDCA step, and a commit that only reformats the YAML.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/thai/width.ts';
import { CONTENT, ROOT } from './helpers/content-copy.ts';

const repo = mkdtempSync(join(tmpdir(), 'plan-diff-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const git = (...args: string[]) => {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const file = join(repo, 'content/plans/2561/projects/debtor-data.yaml');
const edit = (f: (s: string) => string) => writeFileSync(file, f(readFileSync(file, 'utf8')));
const commit = (message: string) => {
  git('add', '-A');
  git('-c', 'user.name=ทดสอบ', '-c', 'user.email=t@example.go.th', 'commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
};

git('init', '-q', '-b', 'main');
cpSync(CONTENT, join(repo, 'content'), { recursive: true });
const approved = commit('แผนที่อนุมัติ');
git('checkout', '-q', '-b', 'revision');
edit((s) => s.replace('budget: 50000', 'budget: 65000').replace('month: 2561-06   # source: "มี.ย 61"', 'month: 2561-07   # source: "มี.ย 61"'));
const revised = commit('ปรับงบประมาณและเลื่อนการตรวจสอบ');
// Only the way it is written: quoted amount with a separator, keys reordered, flow → block style, comments.
edit((s) =>
  s
    .replace('budget: 65000\nowner: monitoring-group\n', 'owner: monitoring-group   # ฝ่ายติดตาม\nbudget: "65,000"\n')
    .replace('period: { start: 2560-10, end: 2561-09 }', 'period:\n  end: ก.ย. 61\n  start: 2560-10')
    .replace(/^# Row 3.*$/m, '# แถวที่ 3 ของตาราง'),
);
const reformatted = commit('จัดรูปแบบ YAML');

const diff = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/diff.ts'), '--content', join(repo, 'content'), ...args], { cwd: repo, encoding: 'utf8' });

describe('npm run diff', () => {
  it('reports the revision in plan terms: the budget with its difference, the totals, the moved step', () => {
    const r = diff(approved, revised);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  • งบประมาณรวม 125,000 บาท → 140,000 บาท (เพิ่มขึ้น 15,000 บาท)');
    expect(lines).toContain('  • โครงการที่เพิ่ม 0 โครงการ, นำออก 0 โครงการ, เปลี่ยนแปลง 1 โครงการ');
    expect(lines).toContain('โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว (debtor-data)');
    expect(lines).toContain('  งบประมาณ: 50,000 บาท → 65,000 บาท (เพิ่มขึ้น 15,000 บาท)');
    expect(lines).toContain('  กำหนดการ: 3. ตรวจสอบ (Check): มิ.ย. 61 → ก.ค. 61');
    expect(lines).toContain('  ยุทธศาสตร์ที่ 1 พัฒนา/ปรับปรุงโครงสร้างพื้นฐานด้านดิจิทัลให้มีประสิทธิภาพและใช้ทรัพยากรอย่างคุ้มค่า: 115,000 บาท → 130,000 บาท (เพิ่มขึ้น 15,000 บาท)');
    // No other project and no section text is reported changed.
    expect(r.stdout).not.toContain('แก้ไขข้อความ');
    expect(r.stdout).not.toContain('(antivirus)');
  });

  it('lists only the strategy and priority totals that changed, under headings underlined to their display width', () => {
    const r = diff(approved, revised);
    const lines = r.stdout.split('\n');
    const at = (heading: string) => lines.slice(lines.indexOf(heading) + 1, lines.indexOf('', lines.indexOf(heading) + 1));
    expect(at('งบประมาณตามยุทธศาสตร์')).toEqual(['  ยุทธศาสตร์ที่ 1 พัฒนา/ปรับปรุงโครงสร้างพื้นฐานด้านดิจิทัลให้มีประสิทธิภาพและใช้ทรัพยากรอย่างคุ้มค่า: 115,000 บาท → 130,000 บาท (เพิ่มขึ้น 15,000 บาท)']);
    expect(lines.slice(lines.indexOf('งบประมาณตามระดับความสำคัญ') + 1).filter((l) => l.startsWith('  '))).toEqual(['  ** ระดับสำคัญปานกลาง: 100,000 บาท → 115,000 บาท (เพิ่มขึ้น 15,000 บาท)']);
    expect(r.stdout).not.toContain('0 บาท → 0 บาท');
    // A terminal gives Thai vowels above and below and tone marks no column: the rule ends where the heading does.
    const underlined = lines.flatMap((l, i) => (/^=+$/.test(lines[i + 1] ?? '') ? [[l, lines[i + 1]!] as const] : []));
    expect(underlined.map(([h]) => h)).toEqual([`การเปลี่ยนแปลงของแผน: ${approved.slice(0, 8)} → ${revised.slice(0, 8)}`, 'แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. 2561']);
    for (const [heading, rule] of underlined) expect(rule.length, heading).toBe(displayWidth(heading));
    expect(underlined[1]![1]).toBe('='.repeat(34)); // 43 characters, 9 of them marks above or below
  });

  it('writes the same as Markdown for a merge-request comment', () => {
    const r = diff(approved, revised, '--format', 'markdown');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`## การเปลี่ยนแปลงของแผน: ${approved.slice(0, 8)} → ${revised.slice(0, 8)}`);
    expect(r.stdout).toContain('#### โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว (debtor-data)');
    expect(r.stdout).toContain('| รายการ | เดิม | ใหม่ | ผลต่าง |\n|---|---|---|---|\n| งบประมาณ | 50,000 บาท | 65,000 บาท | เพิ่มขึ้น 15,000 บาท |\n| กำหนดการ: 3. ตรวจสอบ (Check) | มิ.ย. 61 | ก.ค. 61 |  |');
    // Priority marks are escaped, so they stay stars and do not become emphasis.
    expect(r.stdout).toContain('| \\*\\* ระดับสำคัญปานกลาง | 100,000 บาท | 115,000 บาท | เพิ่มขึ้น 15,000 บาท |');
  });

  it('finds no change in a commit that only reformats the YAML', () => {
    const r = diff(revised, reformatted);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('  ไม่มีการเปลี่ยนแปลงเนื้อหาของแผน');
    expect(diff(revised, reformatted, '--format', 'markdown').stdout).toContain('\n\nไม่มีการเปลี่ยนแปลงเนื้อหาของแผน\n');
  });

  it('defaults to the merge-base with main and the work tree, and reports an invalid side by its positions', () => {
    expect(diff().stdout).toContain('  งบประมาณ: 50,000 บาท → 65,000 บาท (เพิ่มขึ้น 15,000 บาท)');
    edit((s) => s.replace('budget: "65,000"', 'budget: หกหมื่นห้าพันบาท'));
    try {
      const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('budget:')) + 1;
      const r = diff();
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`เปรียบเทียบไม่ได้: ต้นฉบับปัจจุบัน มีข้อผิดพลาด 1 รายการ`);
      expect(r.stdout).toContain(`  • content/plans/2561/projects/debtor-data.yaml:${line}:9: ข้อผิดพลาด: จำนวนเงิน "หกหมื่นห้าพันบาท" ไม่ใช่ตัวเลข`);
    } finally {
      git('checkout', '-q', '--', '.');
    }
  });

  it('says what to fetch in a shallow clone', () => {
    const shallow = join(repo, 'shallow');
    git('clone', '-q', '--depth', '1', '--branch', 'revision', `file://${repo}`, shallow);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/diff.ts'), '--content', join(shallow, 'content'), approved], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`ไม่พบรุ่น "${approved}" ใน repository นี้ สำเนานี้เป็น shallow clone`);
    expect(r.stderr).toContain('git fetch --unshallow');
    expect(r.stderr).toContain('fetch-depth: 0');
  });
});

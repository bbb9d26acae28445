// A revised plan (แผนฉบับปรับปรุง) in a real git history: the approved plan tagged, a revision that raises a budget
// and names the tag as its earlier edition. The book says ฉบับปรับปรุง ครั้งที่ 1 on its cover and has the comparison
// chapter; the earlier edition's book is at its stable path, the same bytes in two builds; the revision page links
// it; a shallow clone without the tag says what to fetch.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlans } from '../src/pipeline.ts';
import { contentCopy, CONTENT, ROOT } from './helpers/content-copy.ts';
import { launch, offlineContext, openPage, seriousAxeViolations } from './e2e/browser.ts';
import { serve } from './e2e/server.ts';

const repo = mkdtempSync(join(tmpdir(), 'plan-editions-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const git = (...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=ทดสอบ', '-c', 'user.email=t@example.go.th', ...args], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const content = join(repo, 'content');
const REVISION = `
revision:
  number: 1
  approved_on: 2561-03-15
  approved_by: ผู้อำนวยการสำนักงาน
  reason: ปรับงบประมาณกลางปีตามจำนวนลูกหนี้ที่เพิ่มขึ้น
  projects:
    debtor-data: ลูกหนี้เพิ่มขึ้นจากการโอนย้ายสังกัด
editions:
  - { number: 0, ref: plan-2561-approved, approved_on: 2560-09-20 }
`;

function build(name: string): string {
  const dist = join(repo, name);
  const env: Record<string, string | undefined> = {
    ...process.env, SOURCE_DATE_EPOCH: '1518652800', PLAN_CONTENT: content, PLAN_DIST: dist,
    PLAN_OUTPUT_CACHE: join(repo, `${name}-cache`), PLAN_CACHE_DIR: join(repo, `${name}-vite`),
  };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'SITE_BASE', 'PLAN_FAULT', 'PLAN_NO_CACHE', 'PLAN_FORCE']) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return dist;
}

const pdftotext = (file: string) => {
  const r = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`pdftotext (Debian poppler-utils) is needed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
};

let first: string;
let second: string;
beforeAll(() => {
  git('init', '-q', '-b', 'main');
  cpSync(CONTENT, content, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'แผนที่อนุมัติ');
  git('tag', 'plan-2561-approved');
  const p = join(content, 'plans/2561/projects/debtor-data.yaml');
  writeFileSync(p, readFileSync(p, 'utf8').replace('budget: 50000', 'budget: 65000'));
  appendFileSync(join(content, 'plans/2561/plan.yaml'), REVISION);
  git('commit', '-q', '-am', 'แผนฉบับปรับปรุง ครั้งที่ 1');
  first = build('dist-1');
  second = build('dist-2');
}, 240_000);

describe('a revised plan', () => {
  it('the book: ฉบับปรับปรุง ครั้งที่ ๑ on the cover, the comparison chapter with the figures before and after', () => {
    const text = pdftotext(join(first, 'plans/2561/plan-2561.pdf'));
    const cover = text.split('\f')[0]!.split('\n');
    expect(cover.slice(0, 4)).toEqual(['แผนปฏิบัติการดิจิทัล', 'ประจำปีบัญชี พ.ศ. ๒๕๖๑', 'ของเงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู', 'ฉบับปรับปรุง ครั้งที่ ๑']);
    expect(text).toMatch(/^ตารางเปรียบเทียบแผนเดิมกับแผนฉบับปรับปรุง \. \. .* ๑๖$/m);
    const chapter = text.slice(text.search(/(?<=^|\f)ตารางเปรียบเทียบแผนเดิมกับแผนฉบับปรับปรุง$/m));
    expect(chapter.slice(0, chapter.indexOf('\nแผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. ๒๕๖๑\n'))).toBe([
      'ตารางเปรียบเทียบแผนเดิมกับแผนฉบับปรับปรุง',
      'แผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. 2561 ฉบับปรับปรุง ครั้งที่ 1 อนุมัติเมื่อ',
      '15 มีนาคม 2561 โดย ผู้อำนวยการสำนักงาน เปรียบเทียบกับแผนฉบับเดิม (อนุมัติ',
      'เมื่อ 20 กันยายน 2560)',
      'เหตุผลในการปรับปรุง: ปรับงบประมาณกลางปีตามจำนวนลูกหนี้ที่เพิ่มขึ้น',
      'โครงการ รายการ แผนเดิม',
      'แผนฉบับ',
      'ปรับปรุง',
      'ผลต่าง เหตุผล',
      'โครงการปรับปรุง',
      'ข้อมูลพื้นฐานลูกหนี้',
      'รายตัว',
      'งบประมาณ 50,000 บาท 65,000 บาท เพิ่มขึ้น',
      '15,000 บาท',
      'ลูกหนี้เพิ่มขึ้น',
      'จากการ',
      'โอนย้ายสังกัด',
      'รวมงบประมาณทั้งสิ้น 125,000 บาท 140,000 บาท เพิ่มขึ้น',
      '15,000 บาท',
    ].join('\n'));
  });

  it('the earlier edition: its own book at a stable path, the same bytes in two builds, linked from the revision page', () => {
    const path = 'plans/2561/editions/plan-2561-edition-0.pdf';
    const bytes = readFileSync(join(first, path));
    expect(bytes.equals(readFileSync(join(second, path)))).toBe(true);
    const text = pdftotext(join(first, path));
    expect(text.split('\f')[0]).not.toContain('ฉบับปรับปรุง');
    expect(text).not.toContain('ตารางเปรียบเทียบ');
    // The approved budget, as it was.
    expect(text).toContain('งบประมาณรวมทั้งสิ้น 125,000 บาท');
    const page = readFileSync(join(first, 'plans/2561/revisions/index.html'), 'utf8');
    expect(page).toContain(`href="/${path}"`);
    expect(page).toContain('ฉบับปัจจุบัน: ฉบับปรับปรุง ครั้งที่ 1');
    // The same row as the book's, read as text (compounds sit in no-wrap spans).
    const row = /<tr>\s*<th scope="row">(.*?)<\/tr>/s.exec(page)![1]!.replace(/<\/t[hd]>/g, ' | ').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
    expect(row).toBe('โครงการปรับปรุงข้อมูลพื้นฐานลูกหนี้รายตัว | งบประมาณ | 50,000 บาท | 65,000 บาท | เพิ่มขึ้น 15,000 บาท | ลูกหนี้เพิ่มขึ้นจากการโอนย้ายสังกัด |');
    expect(readFileSync(join(first, 'plans/2561/index.html'), 'utf8')).toContain('href="/plans/2561/revisions/"');
  });

  it('the revision page passes axe in Chromium', async () => {
    const server = await serve(first);
    const browser = await launch();
    try {
      const ctx = await offlineContext(browser, []);
      const page = await openPage(ctx, `${server.url}plans/2561/revisions/`);
      expect(await page.locator('h1').innerText()).toBe('ประวัติการปรับปรุงแผนปฏิบัติการดิจิทัล ประจำปีบัญชี พ.ศ. ๒๕๖๑');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await ctx.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('a ref git could read as an option is refused by the schema, at its line', () => {
    const c = contentCopy({ 'plans/2561/plan.yaml': `${readFileSync(join(CONTENT, 'plans/2561/plan.yaml'), 'utf8')}\neditions:\n  - { number: 0, ref: --upload-pack=touch }\n` });
    try {
      const e = loadPlans(c.content).diagnostics.find((d) => d.severity === 'error')!;
      expect(e.field).toMatch(/^editions\[0\]\.ref/);
      expect(e.message).toContain('ref ต้องเป็นชื่อ tag, branch หรือ commit ของ git');
    } finally {
      c.cleanup();
    }
  });

  it('a shallow clone without the tag: an error at the ref that says what to fetch', () => {
    const shallow = join(repo, 'shallow');
    git('clone', '-q', '--depth', '1', '--no-tags', `file://${repo}`, shallow);
    const r = loadPlans(join(shallow, 'content'));
    expect(r.model).toBeUndefined();
    const line = readFileSync(join(shallow, 'content/plans/2561/plan.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('ref: plan-2561-approved')) + 1;
    const e = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(e).toMatchObject({ file: 'content/plans/2561/plan.yaml', line });
    expect(e.message).toContain('แผนฉบับเดิม: ไม่พบรุ่น "plan-2561-approved" ใน repository นี้ สำเนานี้เป็น shallow clone');
    expect(e.message).toContain('git fetch origin plan-2561-approved');
  });
});

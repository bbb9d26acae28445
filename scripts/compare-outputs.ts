// npm run compare -- <baseRev> [<headRev>] [--out DIR]
// Builds two revisions (head defaults to this checkout's working tree) on the same inputs and lists every
// difference in what they publish: files added or removed, page text and HTML, PDF text, page count and page
// images, PNG pixels. A review tool: it writes <out>/report.md and diff images under <out>/diff/, prints a
// summary and exits 0 whatever it found (1 only when it could not build).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const repo = join(import.meta.dirname, '..');
/** 15 Feb 2018: inside the seed plan's year, so "this month" is the same on both sides. */
const EPOCH = process.env.SOURCE_DATE_EPOCH ?? '1518652800';
const SYNTHETIC = { seed: 7, plans: 2, projectsPerPlan: 8, reportMonths: 3 };
/** Lines of a diff quoted in the report; the whole diff is kept beside it. */
const QUOTE_LINES = 40;

interface Side {
  label: string;
  /** The commit, or undefined for the working tree. */
  sha?: string;
  dir: string;
}

interface Finding {
  file: string;
  notes: string[];
  /** Quoted diffs: a title and its unified diff. */
  diffs: { title: string; text: string }[];
}

function git(args: string[], cwd = repo): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

function run(cmd: string, args: string[], options: { cwd?: string } = {}): string {
  const r = spawnSync(cmd, args, { ...options, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** A revision checked out into a temporary worktree that shares this checkout's node_modules (hard links). */
function checkout(rev: string, tmp: string, name: string): Side {
  const sha = git(['rev-parse', '--verify', `${rev}^{commit}`]);
  const dir = join(tmp, name);
  git(['worktree', 'add', '--detach', dir, sha]);
  run('cp', ['-al', join(repo, 'node_modules'), join(dir, 'node_modules')]);
  return { label: `${rev} (${sha.slice(0, 10)})`, sha, dir };
}

/** The revision's own `npm run build`, on fixed inputs and with every cache off; the log goes to a file. */
function build(side: Side, content: string, dist: string, log: string): number {
  const t0 = performance.now();
  const env: Record<string, string | undefined> = {
    ...process.env,
    SOURCE_DATE_EPOCH: EPOCH,
    ASTRO_TELEMETRY_DISABLED: '1',
    PLAN_NO_CACHE: '1',
    PLAN_FORCE: '1',
    PLAN_CONTENT: content,
    PLAN_DIST: dist,
    // Caches kept out of node_modules (hard-linked with this checkout's) and apart per build.
    PLAN_OUTPUT_CACHE: `${dist}-cache`,
    PLAN_CACHE_DIR: `${dist}-astro-cache`,
  };
  // Variables that would change what a build does, when this runs under vitest or with a fault set.
  for (const k of ['PLAN_FAULT', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[k];
  mkdirSync(dirname(log), { recursive: true });
  const fd = openSync(log, 'w');
  const r = spawnSync('npm', ['run', 'build'], { cwd: side.dir, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (r.status !== 0) throw new Error(`build of ${side.label} on ${content} failed: see ${log}`);
  return (performance.now() - t0) / 1000;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Unified diff of two texts (empty when equal). */
function unifiedDiff(a: string, b: string, name: string, tmp: string): string {
  const fa = join(tmp, 'a.txt');
  const fb = join(tmp, 'b.txt');
  writeFileSync(fa, a);
  writeFileSync(fb, b);
  const r = spawnSync('diff', ['-u', '--label', `base/${name}`, '--label', `head/${name}`, fa, fb], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status === 2) throw new Error(`diff failed: ${r.stderr}`);
  return r.stdout;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK = /^(p|div|h[1-6]|li|ul|ol|tr|td|th|table|thead|tbody|section|article|header|footer|nav|aside|figure|figcaption|dl|dt|dd|br|hr|details|summary|caption|blockquote|pre|form|label|option)$/i;

/** What a reader sees in <main> (the body when there is none), a line per block, whitespace collapsed. */
function mainText(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? /<body\b[^>]*>([\s\S]*?)<\/body>/i.exec(html)?.[1] ?? html;
  return main
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?([a-z][\w-]*)\b[^>]*>/gi, (_, tag: string) => (BLOCK.test(tag) ? '\n' : ''))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Raw HTML with Vite's content hashes in asset names blanked, one tag per line so a diff can point at it. */
function normaliseHtml(html: string): string {
  return html.replace(/(\/_astro\/[^"'\s)?#]*?)\.[A-Za-z0-9_-]{8}(\.[a-z0-9]+)/g, '$1.HASH$2').replace(/>\s*</g, '>\n<');
}

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(file));
}

/** Differing pixels of two PNGs (exact, and beyond pixelmatch's default threshold); the diff image when any. */
function comparePng(a: string, b: string, diffOut: string): string {
  const pa = readPng(a);
  const pb = readPng(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return `size ${pa.width}×${pa.height} → ${pb.width}×${pb.height}`;
  const diff = new PNG({ width: pa.width, height: pa.height });
  const exact = pixelmatch(pa.data, pb.data, diff.data, pa.width, pa.height, { threshold: 0, includeAA: true });
  if (exact === 0) return '';
  const visible = pixelmatch(pa.data, pb.data, undefined, pa.width, pa.height, { threshold: 0.1 });
  mkdirSync(dirname(diffOut), { recursive: true });
  writeFileSync(diffOut, PNG.sync.write(diff));
  const share = ((100 * exact) / (pa.width * pa.height)).toFixed(2);
  return `${exact} pixels differ (${share} %; ${visible} beyond pixelmatch threshold 0.1) — ${diffOut}`;
}

function pdfPages(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1] ?? 0);
}

function pdfImages(file: string, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  run('pdftoppm', ['-r', '50', '-png', file, join(dir, 'p')]);
  return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => join(dir, f));
}

function comparePdf(a: string, b: string, f: Finding, diffDir: string, tmp: string): void {
  const text = unifiedDiff(run('pdftotext', ['-raw', a, '-']), run('pdftotext', ['-raw', b, '-']), `${f.file}.txt`, tmp);
  if (text) f.diffs.push({ title: 'pdftotext -raw', text });
  const [na, nb] = [pdfPages(a), pdfPages(b)];
  if (na !== nb) f.notes.push(`page count ${na} → ${nb}`);
  const ia = pdfImages(a, join(tmp, 'pa'));
  const ib = pdfImages(b, join(tmp, 'pb'));
  for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
    const d = comparePng(ia[i]!, ib[i]!, join(diffDir, `${f.file}.page-${i + 1}.png`));
    if (d) f.notes.push(`page ${i + 1}: ${d}`);
  }
  rmSync(join(tmp, 'pa'), { recursive: true, force: true });
  rmSync(join(tmp, 'pb'), { recursive: true, force: true });
  if (!text && na === nb && f.notes.length === 0) f.notes.push('bytes differ; text, page count and page images at 50 dpi are the same');
}

function compareHtml(a: string, b: string, f: Finding, tmp: string): void {
  const [ha, hb] = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
  const text = unifiedDiff(mainText(ha), mainText(hb), `${f.file} <main> text`, tmp);
  if (text) f.diffs.push({ title: '<main> text', text });
  const raw = unifiedDiff(normaliseHtml(ha), normaliseHtml(hb), f.file, tmp);
  if (raw) f.diffs.push({ title: 'HTML (asset hashes blanked, a tag per line)', text: raw });
  if (!text && !raw) f.notes.push('differs only in hashed asset names');
}

interface SetResult {
  name: string;
  added: string[];
  removed: string[];
  /** Pagefind's content-hashed index files that changed names (added + removed): one count, not a list. */
  searchIndexReplaced: number;
  same: number;
  findings: Finding[];
}

/** Pagefind names its index files by their content: a changed page renames some of them. */
const PAGEFIND_HASHED = /^pagefind\/.*[._][0-9a-f]{7,}\.pf_[a-z]+$/;

function compareDists(name: string, da: string, db: string, out: string, tmp: string): SetResult {
  const [fa, fb] = [listFiles(da), listFiles(db)];
  const inB = new Set(fb);
  const inA = new Set(fa);
  const added = fb.filter((f) => !inA.has(f));
  const removed = fa.filter((f) => !inB.has(f));
  const result: SetResult = {
    name,
    added: added.filter((f) => !PAGEFIND_HASHED.test(f)),
    removed: removed.filter((f) => !PAGEFIND_HASHED.test(f)),
    searchIndexReplaced: [...added, ...removed].filter((f) => PAGEFIND_HASHED.test(f)).length,
    same: 0,
    findings: [],
  };
  const diffDir = join(out, 'diff', name);
  for (const file of fa.filter((f) => inB.has(f))) {
    const [a, b] = [join(da, file), join(db, file)];
    if (sha256(a) === sha256(b)) {
      result.same++;
      continue;
    }
    const f: Finding = { file, notes: [], diffs: [] };
    if (file.endsWith('.html')) compareHtml(a, b, f, tmp);
    else if (file.endsWith('.pdf')) comparePdf(a, b, f, diffDir, tmp);
    else if (file.endsWith('.png')) f.notes.push(comparePng(a, b, join(diffDir, file)) || 'bytes differ, pixels are the same');
    else f.notes.push('bytes differ');
    for (const d of f.diffs) {
      const keep = join(diffDir, `${file}.${d.title.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}.diff`);
      mkdirSync(dirname(keep), { recursive: true });
      writeFileSync(keep, d.text);
    }
    result.findings.push(f);
  }
  return result;
}

function quote(text: string): string {
  const lines = text.split('\n');
  const shown = lines.slice(0, QUOTE_LINES).join('\n');
  return '```diff\n' + shown + (lines.length > QUOTE_LINES ? `\n… ${lines.length - QUOTE_LINES} more lines` : '') + '\n```';
}

function report(base: Side, head: Side, sets: SetResult[], timings: string[], warnings: string[]): string {
  const md = [`# Output comparison`, '', `- base: ${base.label}`, `- head: ${head.label}`, `- SOURCE_DATE_EPOCH=${EPOCH}, PLAN_NO_CACHE=1; synthetic content: ${JSON.stringify(SYNTHETIC)} from the head's generator, the same files for both builds`];
  for (const t of timings) md.push(`- ${t}`);
  for (const w of warnings) md.push(`- ⚠ ${w}`);
  for (const s of sets) {
    md.push('', `## ${s.name}`, '', `${s.same} files identical, ${s.findings.length} differ, ${s.added.length} added, ${s.removed.length} removed.`);
    if (s.searchIndexReplaced) md.push('', `Search index: ${s.searchIndexReplaced} content-hashed Pagefind files added or removed (they follow the page text).`);
    if (s.added.length) md.push('', '### Added', '', ...s.added.map((f) => `- ${f}`));
    if (s.removed.length) md.push('', '### Removed', '', ...s.removed.map((f) => `- ${f}`));
    for (const f of s.findings) {
      md.push('', `### ${f.file}`, '', ...f.notes.map((n) => `- ${n}`));
      for (const d of f.diffs) md.push('', `${d.title}:`, '', quote(d.text));
    }
  }
  return md.join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = resolve(outAt >= 0 ? args.splice(outAt, 2)[1]! : join(repo, '.cache', 'compare'));
  const [baseRev, headRev] = args;
  if (!baseRev) {
    console.error('usage: npm run compare -- <baseRev> [<headRev>] [--out DIR]   (head: the working tree)');
    process.exit(2);
  }
  const t0 = performance.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'compare-outputs-'));
  const worktrees: string[] = [];
  try {
    const base = checkout(baseRev, tmp, 'base');
    worktrees.push(base.dir);
    const head: Side = headRev ? checkout(headRev, tmp, 'head') : { label: `working tree of ${repo} (HEAD ${git(['rev-parse', '--short=10', 'HEAD'])})`, dir: repo };
    if (head.sha) worktrees.push(head.dir);

    const warnings: string[] = [];
    const lock = (s: Side) => (s.sha ? run('git', ['show', `${s.sha}:package-lock.json`], { cwd: repo }) : readFileSync(join(repo, 'package-lock.json'), 'utf8'));
    if (lock(base) !== lock(head)) warnings.push("package-lock.json differs: both builds used this checkout's node_modules");
    const seedDiff = head.sha ? git(['diff', '--stat', base.sha!, head.sha, '--', 'content']) : git(['diff', '--stat', base.sha!, '--', 'content']);
    if (seedDiff) warnings.push(`content/ differs between the revisions (each builds its own seed content):\n\n  ${seedDiff.split('\n').join('\n  ')}`);

    const synthetic = join(tmp, 'synthetic-content');
    const { generateContent } = (await import(join(head.dir, 'src', 'synthetic', 'generate.ts'))) as {
      generateContent: (dir: string, o: typeof SYNTHETIC) => void;
    };
    generateContent(synthetic, SYNTHETIC);

    const sets: SetResult[] = [];
    const timings: string[] = [];
    for (const [name, content] of [['seed', (s: Side) => join(s.dir, 'content')], ['synthetic', () => synthetic]] as const) {
      const dists = [base, head].map((side, i) => {
        const dist = join(tmp, 'dist', name, i === 0 ? 'base' : 'head');
        const seconds = build(side, content(side), dist, join(out, 'logs', `${name}-${i === 0 ? 'base' : 'head'}.log`));
        timings.push(`build ${name} ${i === 0 ? 'base' : 'head'}: ${seconds.toFixed(1)} s`);
        return dist;
      });
      const t = performance.now();
      sets.push(compareDists(name, dists[0]!, dists[1]!, out, tmp));
      timings.push(`compare ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    timings.push(`total: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    writeFileSync(join(out, 'report.md'), report(base, head, sets, timings, warnings));

    console.log(`base ${base.label}\nhead ${head.label}`);
    for (const w of warnings) console.log(`⚠ ${w.split('\n')[0]}`);
    for (const s of sets) {
      const none = !s.findings.length && !s.added.length && !s.removed.length && !s.searchIndexReplaced;
      const counts = `${s.findings.length} differ, ${s.added.length} added, ${s.removed.length} removed, ${s.searchIndexReplaced} hashed search-index files renamed`;
      console.log(`${s.name}: ${none ? 'no differences' : counts} (${s.same} identical)`);
      for (const f of s.findings.slice(0, 15)) console.log(`  ${f.file}: ${[...f.diffs.map((d) => d.title), ...f.notes].join('; ').slice(0, 160)}`);
      if (s.findings.length > 15) console.log(`  … ${s.findings.length - 15} more`);
    }
    console.log(`${timings.at(-1)}; report: ${join(out, 'report.md')}`);
  } finally {
    for (const w of worktrees) if (existsSync(w)) git(['worktree', 'remove', '--force', w]);
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

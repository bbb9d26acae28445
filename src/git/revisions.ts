// Reading the content as it was at a revision, with git itself: `git archive <commit> -- <paths>` into a
// temporary folder, unpacked by tar. git is already there wherever the plan is edited or checked (the
// content lives in it), reads every repository the user's git reads (packs, shallow and partial clones, any
// object format), and archive touches neither the index nor the work tree. simple-git would only wrap the same
// commands; isomorphic-git re-implements git and would be one more dependency that lags it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** A git problem the user can act on, in Thai, saying what to run. */
export class RevisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RevisionError';
  }
}

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string; bytes: Buffer } {
  const r = spawnSync('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new RevisionError(`เรียก git ไม่ได้ (${r.error.message}): ติดตั้ง git ก่อน`);
  return { ok: r.status === 0, out: r.stdout.toString('utf8').trim(), err: r.stderr.toString('utf8').trim(), bytes: r.stdout };
}

export function repoRoot(dir: string): string {
  const r = git(dir, ['rev-parse', '--show-toplevel']);
  if (!r.ok) throw new RevisionError(`${dir} ไม่อยู่ใน git repository: ${r.err}`);
  return r.out;
}

export const isShallow = (repo: string): boolean => git(repo, ['rev-parse', '--is-shallow-repository']).out === 'true';

/** What to fetch when a revision is not in this clone, for a terminal and for the two CI systems. */
export function fetchHint(ref: string): string {
  return (
    `ดึงประวัติที่ต้องใช้ก่อน: git fetch --unshallow origin (หรือ git fetch origin ${ref}); ` +
    'ใน GitLab CI ตั้ง GIT_DEPTH: "0", ใน GitHub Actions ตั้ง actions/checkout ด้วย fetch-depth: 0'
  );
}

/** The commit a revision names; a revision this clone lacks gets the fetch to run. */
export function resolveCommit(repo: string, rev: string): string {
  // --end-of-options: a revision that starts with "-" is a name to look up, never an option.
  const r = git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (r.ok) return r.out;
  const shallow = isShallow(repo) ? ' สำเนานี้เป็น shallow clone จึงไม่มีประวัติครบ' : '';
  throw new RevisionError(`ไม่พบรุ่น "${rev}" ใน repository นี้${shallow}: ${fetchHint(rev)}`);
}

/**
 * Where the change started: the merge-base of HEAD with the branch it will be merged into (the merge request's
 * target when CI names it, else origin's default branch, else main or master).
 */
export function defaultBase(repo: string, env: NodeJS.ProcessEnv = process.env): string {
  const target = env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME || env.GITHUB_BASE_REF;
  const candidates = [...(target ? [`origin/${target}`, target] : []), 'origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'];
  const branch = candidates.find((c) => git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${c}^{commit}`]).ok);
  if (!branch) throw new RevisionError(`ไม่พบสาขาหลัก (${candidates.join(', ')}): ระบุรุ่นที่จะเทียบเอง เช่น npm run diff -- main หรือ ${fetchHint(target ?? 'main')}`);
  const base = git(repo, ['merge-base', 'HEAD', branch]);
  if (!base.ok) {
    const shallow = isShallow(repo) ? ' (สำเนานี้เป็น shallow clone)' : '';
    throw new RevisionError(`หาจุดแยกสาขาของ HEAD กับ ${branch} ไม่พบ${shallow}: ${fetchHint(branch.replace(/^origin\//, ''))}`);
  }
  return base.out;
}

/** A folder for a commit's files that is kept: written whole under another name first, then renamed. */
export function extractCached(repo: string, commit: string, contentDir: string, cacheDir: string): Omit<Extracted, 'cleanup' | 'top'> {
  const rel = relative(repo, contentDir).split(sep).join('/');
  const dir = join(cacheDir, commit);
  const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  if (!existsSync(dir)) {
    mkdirSync(cacheDir, { recursive: true });
    const x = extractRevision(repo, commit, contentDir, cacheDir);
    try {
      renameSync(x.top, dir);
    } catch (e) {
      // Another build stored the same commit meanwhile: theirs is as good.
      x.cleanup();
      if (!existsSync(dir)) throw e;
    }
  }
  return { contentDir: join(dir, rel), root: join(dir, parent) };
}

export interface Extracted {
  /** The content folder at that revision, at the same path below `root` as in the repository. */
  contentDir: string;
  root: string;
  /** The temporary folder holding both. */
  top: string;
  cleanup: () => void;
}

/**
 * Writes the content folder (and public/ beside it, where a logo may be) as they are at `commit` into a new
 * temporary folder, so messages name the same `content/…` paths as in the work tree.
 */
export function extractRevision(repo: string, commit: string, contentDir: string, under: string = tmpdir()): Extracted {
  const rel = relative(repo, contentDir).split(sep).join('/');
  if (rel.startsWith('..')) throw new RevisionError(`${contentDir} อยู่นอก repository ${repo}`);
  const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const wanted = [rel, parent ? `${parent}/public` : 'public'];
  const present = wanted.filter((p) => git(repo, ['cat-file', '-e', `${commit}:${p}`]).ok);
  const tmp = mkdtempSync(join(under, 'plan-rev-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  try {
    if (present.length) {
      const archive = git(repo, ['archive', '--format=tar', commit, '--', ...present]);
      if (!archive.ok) throw new RevisionError(`git archive ${commit}: ${archive.err}`);
      const tar = spawnSync('tar', ['-x', '-C', tmp], { input: archive.bytes });
      if (tar.status !== 0) throw new RevisionError(`tar: ${tar.stderr.toString('utf8').trim()}`);
    }
    return { contentDir: join(tmp, rel), root: join(tmp, parent), top: tmp, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

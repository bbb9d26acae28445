// Publishing a build's folder as the output folder (dist/): one build at a time per output folder (a lock
// file beside it), each build in its own staging folder beside the real target (same filesystem, so the
// final rename is atomic), and a swap whose failure is rolled back or reported as it really is.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A failure whose message is already the whole story for the user (Thai, no stack trace). */
export class PublishError extends Error {}

/** Where a build into `dist` really lands: the final target of a symlink chain (the link itself stays). */
export function realTarget(dist: string): string {
  let p = resolve(dist);
  for (let i = 0; i < 40; i++) {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw new PublishError(`✗ ${dist} เป็นลิงก์ที่วนกลับมาที่ตัวเอง: แก้ลิงก์ก่อนสร้างใหม่`);
}

/** True while a process with this pid runs (EPERM: it runs, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The kernel's start time of a process (Linux /proc), so a reused pid is not taken for the lock's owner. */
function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

interface LockInfo { pid: number; started: string; procStart?: string }

function lockHolderRuns(info: LockInfo): boolean {
  if (info.pid === process.pid || !alive(info.pid)) return false;
  const now = procStart(info.pid);
  return info.procStart === undefined || now === undefined || now === info.procStart;
}

/** "2026-12-01 16:55:04" in local time. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Takes the output folder's lock (`<target>.lock`, created exclusively, holding our pid and start time) or
 * throws a PublishError naming the build that holds it. A lock left by a process that no longer runs is
 * removed (and said so). Returns the release function; it is also run at process exit.
 */
export function lockOutput(target: string, log: (line: string) => void = console.log): () => void {
  const lock = `${target}.lock`;
  const mine: LockInfo = { pid: process.pid, started: new Date().toISOString(), procStart: procStart(process.pid) };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lock, 'utf8') === JSON.stringify(mine)) unlinkSync(lock);
        } catch {
          // already gone
        }
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let text: string;
    try {
      text = readFileSync(lock, 'utf8');
    } catch {
      continue; // released meanwhile
    }
    let info: LockInfo | undefined;
    try {
      info = JSON.parse(text) as LockInfo;
    } catch {
      // A lock being written this instant is empty for a moment; one that stays unreadable is a crash's.
    }
    if (info && typeof info.pid === 'number' && lockHolderRuns(info)) {
      throw new PublishError(
        `✗ มีการสร้างอีกชุดหนึ่งกำลังเขียน ${target} อยู่ (PID ${info.pid}, เริ่มเมื่อ ${localTime(info.started)}): ` +
          `รอให้เสร็จแล้วสั่งใหม่ — ไม่ได้สร้างอะไร และไม่ได้แตะ ${basename(target)}/\n` +
          `  (ถ้าแน่ใจว่าไม่มีการสร้างนั้นแล้ว ลบ ${lock} ได้)`,
      );
    }
    if (!info && Date.now() - statSync(lock).mtimeMs < 2000) continue;
    // Stale: remove it only if it is still the one judged stale, then race for it again.
    if (readFileSync(lock, 'utf8') === text) {
      unlinkSync(lock);
      log(`  ล็อกที่ค้างจากการสร้างที่ไม่ได้ทำงานแล้ว${info ? ` (PID ${info.pid}, เริ่มเมื่อ ${localTime(info.started)})` : ''} ถูกลบ`);
    }
  }
  throw new PublishError(`✗ ไม่สามารถจองโฟลเดอร์ผลลัพธ์ ${target} ได้ (${lock}): ลองสั่งใหม่อีกครั้ง`);
}

const previousOf = (target: string) => `${target}.previous`;
const stagingPrefix = (target: string) => `${basename(target)}.staging`;

/** A fresh staging folder name beside the target: `<target>.staging-<pid>-<random>`. */
export function stagingFor(target: string): string {
  return `${target}.staging-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Under the lock: what an interrupted or failed earlier build left beside the target. A `<target>.previous`
 * with no target means a swap was cut between its two renames: the old site is put back. Staging folders
 * of processes that no longer run are removed.
 */
export function recoverLeftovers(target: string, log: (line: string) => void = console.log): void {
  const previous = previousOf(target);
  if (existsSync(previous)) {
    if (!existsSync(target)) {
      renameSync(previous, target);
      log(`  กู้คืน ${target} จาก ${basename(previous)} ที่การสร้างครั้งก่อนทิ้งไว้`);
    } else rmSync(previous, { recursive: true, force: true });
  }
  const dir = dirname(target);
  const prefix = stagingPrefix(target);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === prefix) {
      rmSync(join(dir, name), { recursive: true, force: true }); // the fixed name of older builds
      continue;
    }
    const m = name.startsWith(`${prefix}-`) ? /^(\d+)-/.exec(name.slice(prefix.length + 1)) : null;
    if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Moves a folder; across filesystems (EXDEV) by copy then delete. `rename` is injectable for tests. */
export function moveDir(from: string, to: string, rename: (a: string, b: string) => void = renameSync): void {
  try {
    rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Replaces target with staging: target → target.previous, staging → target, previous removed. If the
 * second rename fails the old site is renamed back; the PublishError says which state target is in.
 * `fault(point)` lets tests fail a point ('retire': the first rename, 'swap', 'rollback').
 */
export function swapIn(staging: string, target: string, fault: (point: string) => void = () => {}): void {
  const previous = previousOf(target);
  rmSync(previous, { recursive: true, force: true });
  const hadOld = existsSync(target);
  if (hadOld) {
    try {
      fault('retire');
      renameSync(target, previous);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A mount point (or a folder held by another program) cannot be moved; nothing was changed yet.
      if (code === 'EBUSY' || code === 'EXDEV') {
        throw new PublishError(`✗ ย้าย ${target} ไม่ได้ (${code}: เป็นจุดเมานต์หรือมีโปรแกรมอื่นใช้อยู่): ${target} เดิมยังอยู่เหมือนเดิม — ให้ PLAN_DIST ชี้ไปที่โฟลเดอร์ย่อยข้างในแทน`);
      }
      throw e;
    }
  }
  try {
    fault('swap');
    renameSync(staging, target);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (!hadOld) throw new PublishError(`✗ ย้ายผลลัพธ์ใหม่เข้าที่ ${target} ไม่สำเร็จ (${why}): ยังไม่มี ${target} — สั่ง npm run build ใหม่`);
    try {
      fault('rollback');
      renameSync(previous, target);
    } catch (e2) {
      const why2 = e2 instanceof Error ? e2.message : String(e2);
      throw new PublishError(
        `✗ แทนที่ ${target} ไม่สำเร็จ (${why}) และย้ายฉบับเดิมกลับไม่ได้ (${why2}): ตอนนี้ไม่มี ${target} — ` +
          `ฉบับเดิมอยู่ที่ ${previous}; สั่ง npm run build อีกครั้งจะกู้คืนหรือแทนที่ให้เอง`,
      );
    }
    throw new PublishError(`✗ แทนที่ ${target} ไม่สำเร็จ (${why}): ย้ายฉบับเดิมกลับเข้าที่แล้ว ${target} ยังเป็นผลลัพธ์ก่อนหน้าครบทุกไฟล์`);
  }
  rmSync(previous, { recursive: true, force: true });
}

/** ENOSPC / EDQUOT anywhere in an error's cause chain: the path it was writing, or '' when unknown. */
export function diskFull(e: unknown): string | undefined {
  for (let x = e, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    const code = (x as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') return (x as NodeJS.ErrnoException).path ?? '';
  }
  return undefined;
}

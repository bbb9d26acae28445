// The output folder's lock, leftover recovery and cross-filesystem move, without a whole build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockOutput, moveDir, PublishError, realTarget, recoverLeftovers, swapIn } from './publish.ts';

const work = mkdtempSync(join(tmpdir(), 'publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('lockOutput', () => {
  const target = join(work, 'dist');

  it('is exclusive while the holder runs, and released after', () => {
    const release = lockOutput(target);
    expect(JSON.parse(readFileSync(`${target}.lock`, 'utf8')).pid).toBe(process.pid);
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: process.ppid, started: '2026-12-01T08:00:00Z' }));
    expect(() => lockOutput(target)).toThrow(PublishError);
    expect(() => lockOutput(target)).toThrow(`PID ${process.ppid}, เริ่มเมื่อ`);
    // Not ours any more: release leaves it.
    release();
    expect(existsSync(`${target}.lock`)).toBe(true);
    rmSync(`${target}.lock`);
    lockOutput(target)();
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  it('takes over a lock whose process is gone, or one left unreadable', () => {
    const dead = deadPid();
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: dead, started: '2026-12-01T08:00:00Z' }));
    const lines: string[] = [];
    const release = lockOutput(target, (l) => lines.push(l));
    expect(lines.join()).toContain(`PID ${dead}`);
    release();
    // A pid that runs again, but as another process (container restarts reuse small pids).
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: process.ppid, started: '2026-12-01T08:00:00Z', procStart: '1' }));
    if (existsSync(`/proc/${process.ppid}/stat`)) lockOutput(target, () => {})();
    writeFileSync(`${target}.lock`, '');
    const old = new Date(Date.now() - 10_000);
    spawnSync('touch', ['-d', old.toISOString(), `${target}.lock`]);
    lockOutput(target, () => {})();
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});

describe('recoverLeftovers', () => {
  it('puts back an old site a cut swap left as .previous, and removes dead builds\' staging', () => {
    const target = join(work, 'site');
    mkdirSync(`${target}.previous`);
    writeFileSync(join(`${target}.previous`, 'index.html'), 'old');
    mkdirSync(`${target}.staging-${deadPid()}-abcd1234`);
    mkdirSync(`${target}.staging-${process.pid}-abcd1234`);
    recoverLeftovers(target, () => {});
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
    expect(existsSync(`${target}.previous`)).toBe(false);
    expect(existsSync(`${target}.staging-${process.pid}-abcd1234`)).toBe(true);
    expect(spawnSync('sh', ['-c', `ls -d ${target}.staging-*`], { encoding: 'utf8' }).stdout.trim().split('\n')).toHaveLength(1);
  });
});

describe('moveDir', () => {
  it('copies when rename crosses filesystems', () => {
    const from = join(work, 'from');
    mkdirSync(join(from, 'a'), { recursive: true });
    writeFileSync(join(from, 'a', 'x.txt'), 'x');
    moveDir(from, join(work, 'to'), () => {
      throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
    });
    expect(readFileSync(join(work, 'to', 'a', 'x.txt'), 'utf8')).toBe('x');
    expect(existsSync(from)).toBe(false);
  });
});

describe('swapIn', () => {
  it('says the output is unchanged when it cannot be moved (a mount point: EBUSY)', () => {
    const target = join(work, 'mounted');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'old');
    const staging = join(work, 'mounted.staging-1-00000000');
    mkdirSync(staging);
    const busy = (point: string) => {
      if (point === 'retire') throw Object.assign(new Error('EBUSY: resource busy'), { code: 'EBUSY' });
    };
    expect(() => swapIn(staging, target, busy)).toThrow(new PublishError(`✗ ย้าย ${target} ไม่ได้ (EBUSY: เป็นจุดเมานต์หรือมีโปรแกรมอื่นใช้อยู่): ${target} เดิมยังอยู่เหมือนเดิม — ให้ PLAN_DIST ชี้ไปที่โฟลเดอร์ย่อยข้างในแทน`));
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
    expect(existsSync(`${target}.previous`)).toBe(false);
  });
});

describe('realTarget', () => {
  it('follows a chain of links, relative ones too, and refuses a loop', () => {
    mkdirSync(join(work, 'real'));
    symlinkSync('real', join(work, 'l1'));
    symlinkSync(join(work, 'l1'), join(work, 'l2'));
    expect(realTarget(join(work, 'l2'))).toBe(join(work, 'real'));
    symlinkSync('dangling-target', join(work, 'l3'));
    expect(realTarget(join(work, 'l3'))).toBe(join(work, 'dangling-target'));
    symlinkSync('loop-b', join(work, 'loop-a'));
    symlinkSync('loop-a', join(work, 'loop-b'));
    expect(() => realTarget(join(work, 'loop-a'))).toThrow(PublishError);
  });
});

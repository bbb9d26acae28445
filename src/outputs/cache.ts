// Reuse of unchanged outputs (PDFs, PNGs) between builds, keyed by a hash of everything that shapes them:
// the model data they read, and the code, templates and fonts that draw them. A changed template or a
// package upgrade changes the version, so stale outputs cannot be served.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Hash of every file under the given paths (sorted; relative to root or absolute), plus the lockfile. */
export function sourceVersion(root: string, paths: string[], extra = ''): string {
  const h = createHash('sha256');
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) if (!f.endsWith('.test.ts')) walk(join(p, f));
    } else {
      h.update(relative(root, p));
      h.update(readFileSync(p));
    }
  };
  for (const p of [...paths, 'package-lock.json']) if (existsSync(resolve(root, p))) walk(resolve(root, p));
  h.update(extra);
  return h.digest('hex');
}

export function hashKey(version: string, key: unknown): string {
  return createHash('sha256').update(version).update(JSON.stringify(key)).digest('hex').slice(0, 32);
}

export interface CacheStats { hits: number; misses: number }

/** A folder of outputs named by their key hash. Entries not used by a build are pruned at its end. */
export class OutputCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private readonly used = new Set<string>();
  private readonly dir: string;
  private readonly version: string;
  private readonly enabled: boolean;

  constructor(dir: string, version: string, enabled = process.env.PLAN_NO_CACHE !== '1') {
    this.dir = dir;
    this.version = version;
    this.enabled = enabled;
    if (enabled) mkdirSync(dir, { recursive: true });
  }

  keyOf(key: unknown): string {
    return hashKey(this.version, key);
  }

  /** The cached bytes for a key, or undefined (and the entry is marked as used either way). */
  lookup(key: unknown, ext: string): Uint8Array | undefined {
    if (!this.enabled) return undefined;
    const name = `${this.keyOf(key)}.${ext}`;
    this.used.add(name);
    const file = join(this.dir, name);
    if (existsSync(file)) {
      this.stats.hits++;
      return readFileSync(file);
    }
    this.stats.misses++;
    return undefined;
  }

  store(key: unknown, ext: string, bytes: Uint8Array): void {
    if (!this.enabled) return;
    const name = `${this.keyOf(key)}.${ext}`;
    this.used.add(name);
    const file = join(this.dir, name);
    // Write then rename, so a crash never leaves a half-written entry that a later build would trust.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  }

  async get(key: unknown, ext: string, produce: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const hit = this.lookup(key, ext);
    if (hit) return hit;
    const bytes = await produce();
    this.store(key, ext, bytes);
    return bytes;
  }

  /** Removes entries this build did not use (old versions, deleted projects). */
  prune(): void {
    if (!this.enabled) return;
    for (const f of readdirSync(this.dir)) if (!this.used.has(f)) rmSync(join(this.dir, f), { force: true });
  }
}

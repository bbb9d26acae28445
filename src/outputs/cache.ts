// Reuse of unchanged outputs (PDFs, PNGs) between builds, keyed by a hash of everything that shapes them:
// the model data they read, and the code, templates and fonts that draw them. A changed template or a
// package upgrade changes the version, so stale outputs cannot be served.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeWhole } from '../files.ts';
import { alive } from './publish.ts';

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

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries whose bytes no longer match the hash recorded when they were stored: deleted, re-rendered. */
  corrupt: number;
}

const bytesHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/**
 * A folder of outputs named `<key hash>.<bytes hash>.<ext>`: the second hash, taken at store time, is checked
 * on every reuse, so a damaged entry is re-rendered instead of published. Entries not used by a build are
 * pruned at its end.
 */
export class OutputCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, corrupt: 0 };
  private readonly used = new Set<string>();
  private readonly dir: string;
  private readonly version: string;
  private readonly enabled: boolean;
  /** key hash → entry names, read once from the folder. */
  private index?: Map<string, string[]>;

  constructor(dir: string, version: string, enabled = process.env.PLAN_NO_CACHE !== '1') {
    this.dir = dir;
    this.version = version;
    this.enabled = enabled;
    if (enabled) mkdirSync(dir, { recursive: true });
  }

  keyOf(key: unknown): string {
    return hashKey(this.version, key);
  }

  private entries(k: string): string[] {
    if (!this.index) {
      this.index = new Map();
      for (const f of readdirSync(this.dir)) {
        const m = /^([0-9a-f]{32})\.[0-9a-f]{32}\.[a-z0-9]+$/.exec(f);
        if (m) this.index.set(m[1]!, [...(this.index.get(m[1]!) ?? []), f]);
      }
    }
    return this.index.get(k) ?? [];
  }

  /** The cached bytes for a key if they are intact, or undefined. */
  lookup(key: unknown, ext: string): Uint8Array | undefined {
    return this.find(key, ext)?.bytes;
  }

  /** The cache file holding a key's intact bytes (checked now), or undefined: a build links it into place. */
  lookupFile(key: unknown, ext: string): string | undefined {
    return this.find(key, ext)?.file;
  }

  private find(key: unknown, ext: string): { file: string; bytes: Uint8Array } | undefined {
    if (!this.enabled) return undefined;
    const k = this.keyOf(key);
    for (const name of this.entries(k)) {
      if (!name.endsWith(`.${ext}`)) continue;
      const file = join(this.dir, name);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch {
        continue; // pruned by another process meanwhile
      }
      if (name === `${k}.${bytesHash(bytes)}.${ext}`) {
        this.used.add(name);
        this.stats.hits++;
        return { file, bytes };
      }
      this.stats.corrupt++;
      rmSync(file, { force: true });
    }
    this.stats.misses++;
    return undefined;
  }

  store(key: unknown, ext: string, bytes: Uint8Array): void {
    if (!this.enabled) return;
    const name = `${this.keyOf(key)}.${bytesHash(bytes)}.${ext}`;
    this.used.add(name);
    // Whole, so a crash never leaves a half-written entry under a trusted name.
    writeWhole(join(this.dir, name), bytes);
  }

  async get(key: unknown, ext: string, produce: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const hit = this.lookup(key, ext);
    if (hit) return hit;
    const bytes = await produce();
    this.store(key, ext, bytes);
    return bytes;
  }

  /** Removes entries this build did not use (old versions, deleted projects), but not another live process's half-written one. */
  prune(): void {
    if (!this.enabled) return;
    for (const f of readdirSync(this.dir)) {
      if (this.used.has(f)) continue;
      const tmp = /\.(\d+)\.tmp$/.exec(f);
      if (tmp && Number(tmp[1]) !== process.pid && alive(Number(tmp[1]))) continue;
      rmSync(join(this.dir, f), { force: true });
    }
  }
}


// The plain data of YAML files parsed before, by the hash of their bytes: after one file is edited, a load
// parses that one file instead of all of them (10 plans × 100 projects: parsing is half of the ~1.3 s load).
// Only a file that parsed without any message is kept, so a file from the cache reports nothing, as it did
// when it was parsed; positions for later checks are found again from its text (source.ts), as for any file.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeWhole } from '../files.ts';

const sum = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class ParseCache {
  /** Files found (hits) and parsed and kept (misses) in this object's loads. */
  readonly stats = { hits: 0, misses: 0 };
  /** v8-serialised data by hash: each hit is deserialised afresh, so no two loads share objects. */
  private readonly earlier: Map<string, Buffer>;
  private readonly used = new Map<string, Buffer>();
  private added = false;
  private readonly version: string;
  private readonly file: string | undefined;

  /**
   * `version` names the parsing code (the build passes a hash of src/loader and the lockfile): a cache
   * written by other code is not read. Without a `file` the cache lives as long as the object (`astro dev`).
   */
  constructor(version: string, file?: string) {
    this.version = version;
    this.file = file;
    this.earlier = new Map();
    if (!file || !existsSync(file)) return;
    try {
      // The checksum, taken when it was written, keeps a damaged file from handing out wrong data.
      const saved = deserialize(readFileSync(file)) as { version: string; sum: string; entries: Buffer };
      if (saved.version === version && sum(saved.entries) === saved.sum) this.earlier = deserialize(saved.entries) as Map<string, Buffer>;
    } catch {
      // unreadable (damaged, another Node's format): the files are parsed again and it is rewritten
    }
  }

  static key(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('base64');
  }

  get(key: string): unknown {
    const hit = this.used.get(key) ?? this.earlier.get(key);
    if (hit === undefined) return undefined;
    this.stats.hits++;
    this.used.set(key, hit);
    return deserialize(hit);
  }

  set(key: string, data: unknown): void {
    this.used.set(key, serialize(data));
    this.stats.misses++;
    this.added = true;
  }

  /** Writes the entries this load used (files since deleted or changed drop out); nothing when all were hits. */
  save(): void {
    if (!this.file || (!this.added && this.used.size === this.earlier.size)) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const entries = serialize(this.used);
    // Whole: builds into other folders share the cache.
    writeWhole(this.file, serialize({ version: this.version, sum: sum(entries), entries }));
  }
}

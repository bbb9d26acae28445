// The output registry's machinery: what an output kind is, and running kinds for a model into a folder,
// reusing cached files whose declared inputs and code version are unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { linkOrCopy, writeWhole } from '../files.ts';
import { sarabunFiles } from '../assets/fonts.ts';
import type { Model } from '../model/types.ts';
import { OutputCache } from './cache.ts';
import { RenderPool } from './pool.ts';
import { codeVersion } from './version.ts';

export interface OutputJob<S = unknown> {
  /** Where the file goes, relative to the site root: always from src/paths.ts. */
  path: string;
  /** Everything the file is drawn from besides code: the model parts it reads (or their digest()),
   *  asset hashes, the date. Its JSON and the kind's code version make the cache key. */
  inputs: unknown;
  /** What render needs to tell which output this is. */
  spec: S;
}

export interface RenderContext<S = unknown> {
  /** Hands over one job's bytes: written at job.path and stored in the cache. Once per job. */
  emit(job: OutputJob<S>, bytes: Uint8Array): void;
  /** Another output's bytes (in a build: written by a kind listed earlier in the registry). */
  read(path: string): Promise<Uint8Array>;
  /** Worker threads for kinds that use a pool of their own (undefined: one per core). */
  workers?: number;
  /** The run's worker threads (ctx.workers of them), shared by the kinds of one runKinds. */
  pool: RenderPool;
  /** What this kind noted about the file at `path` when it last made it (note): a hint for making it again
   *  faster (a card's detail level), never an input of the file. */
  noted(path: string): unknown;
  note(path: string, value: unknown): void;
}

export interface OutputKind<S = unknown> {
  /** Id: the cache folder's name. */
  name: string;
  /** Shown as the build step (PLAN_FAULT matches its start). */
  title: string;
  /** File extension of every job's path. */
  ext: string;
  /** Entry modules: their relative-import graph, the fonts and the lockfile are the kind's code version. */
  modules: (string | URL)[];
  jobs(model: Model): OutputJob<S>[];
  /** Renders the jobs that were not in the cache (maybe none), in batch, calling ctx.emit for each. */
  render(model: Model, jobs: OutputJob<S>[], ctx: RenderContext<S>): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

const versions = new WeakMap<object, string>();

/** The kind's code version (computed once per process). */
export function kindVersion(kind: Pick<OutputKind, 'modules'>): string {
  let v = versions.get(kind);
  if (v === undefined) versions.set(kind, (v = codeVersion(kind.modules, { root, files: sarabunFiles() })));
  return v;
}

const digests = new WeakMap<object, string>();

/** sha256 of a value's JSON, once per object: keeps keys small when many jobs read one big part. */
export function digest(value: object): string {
  let d = digests.get(value);
  if (d === undefined) digests.set(value, (d = createHash('sha256').update(JSON.stringify(value)).digest('hex')));
  return d;
}

export interface RunOptions {
  /** Folder of the output cache (one subfolder per kind); undefined: render everything. */
  cacheDir?: string;
  workers?: number;
  /** Worker threads to render in, made for the same model (runKinds passes its own to every kind); undefined: started for this kind. */
  pool?: RenderPool;
  /** Wraps each kind's run: the build script times it and injects faults (PLAN_FAULT). */
  step?: (title: string, run: () => Promise<void>) => Promise<void>;
}

export interface KindResult {
  /** The kind's name. */
  name: string;
  /** Every job's path, in job order. */
  files: string[];
  made: number;
  reused: number;
  /** Cache entries found damaged and rendered again (counted in made). */
  corrupt: number;
}

/** Runs one kind: every job's file is written under outDir, from the cache or freshly rendered. */
export async function runKind<S>(kind: OutputKind<S>, model: Model, outDir: string, opts: RunOptions = {}): Promise<KindResult> {
  const jobs = kind.jobs(model);
  const seen = new Set<string>();
  for (const j of jobs) {
    if (!j.path.endsWith(`.${kind.ext}`)) throw new Error(`output ${kind.name}: ${j.path} is not .${kind.ext}`);
    if (seen.has(j.path)) throw new Error(`output ${kind.name}: two jobs write ${j.path}`);
    seen.add(j.path);
  }
  const cache = opts.cacheDir ? new OutputCache(join(opts.cacheDir, kind.name), kindVersion(kind)) : undefined;
  const dirs = new Set<string>();
  /** The file at path, emptied of whatever was there: never written through, since it may be a link into the cache. */
  const fresh = (path: string): string => {
    const file = join(outDir, path);
    const dir = dirname(file);
    if (!dirs.has(dir)) mkdirSync(dir, { recursive: true });
    dirs.add(dir);
    rmSync(file, { force: true });
    return file;
  };
  const write = (path: string, bytes: Uint8Array) => writeFileSync(fresh(path), bytes);
  const todo: OutputJob<S>[] = [];
  for (const job of jobs) {
    const hit = cache?.lookupFile(job.inputs, kind.ext);
    if (hit) linkOrCopy(hit, fresh(job.path));
    else todo.push(job);
  }
  const pending = new Set(todo);
  const pool = opts.pool ?? new RenderPool(model, opts.workers);
  const notes = new Notes(cache && join(opts.cacheDir!, `${kind.name}.notes.json`));
  try {
    await kind.render(model, todo, {
      noted: (path) => notes.get(path),
      note: (path, value) => notes.set(path, value),
      emit(job, bytes) {
        if (!pending.delete(job)) throw new Error(`output ${kind.name}: ${job.path} emitted twice or not asked for`);
        write(job.path, bytes);
        cache?.store(job.inputs, kind.ext, bytes);
      },
      read: (path) => readFile(join(outDir, path)),
      workers: opts.workers,
      pool,
    });
  } finally {
    if (pool !== opts.pool) await pool.close();
  }
  if (pending.size) throw new Error(`output ${kind.name}: not rendered: ${[...pending].map((j) => j.path).join(', ')}`);
  cache?.prune();
  notes.save(new Set(jobs.map((j) => j.path)));
  return { name: kind.name, files: jobs.map((j) => j.path), made: todo.length, reused: jobs.length - todo.length, corrupt: cache?.stats.corrupt ?? 0 };
}

/** A kind's notes, by path, kept beside its cache folder (which keeps only outputs) between runs. */
class Notes {
  private readonly values = new Map<string, unknown>();
  private changed = false;
  private readonly file: string | undefined;
  constructor(file: string | undefined) {
    this.file = file;
    if (!file || !existsSync(file)) return;
    try {
      for (const [k, v] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)) this.values.set(k, v);
    } catch {
      // A damaged file holds only hints: start without them.
    }
  }
  get(path: string): unknown {
    return this.values.get(path);
  }
  set(path: string, value: unknown): void {
    if (this.values.get(path) === value) return;
    this.values.set(path, value);
    this.changed = true;
  }
  /** Written when something changed, keeping only the paths of this run's jobs. */
  save(paths: ReadonlySet<string>): void {
    if (!this.file || !this.changed) return;
    const kept = Object.fromEntries([...this.values].filter(([k]) => paths.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeWhole(this.file, JSON.stringify(kept));
  }
}

/**
 * Runs the kinds in order (a kind may read what an earlier one wrote). The kinds that render in the pool
 * share its workers, started when the first of them needs one and stopped at the end.
 */
export async function runKinds(kinds: OutputKind[], model: Model, outDir: string, opts: RunOptions = {}): Promise<KindResult[]> {
  const results: KindResult[] = [];
  const step = opts.step ?? ((_t, run) => run());
  const pool = opts.pool ?? new RenderPool(model, opts.workers);
  try {
    for (const kind of kinds) {
      await step(kind.title, async () => {
        const r = await runKind(kind, model, outDir, { ...opts, pool });
        results.push(r);
        console.log(`    ${r.files.length} ${kind.ext.toUpperCase()} (reused ${r.reused}, made ${r.made}${r.corrupt ? `, ${r.corrupt} damaged in the cache and made again` : ''})`);
      });
    }
  } finally {
    if (pool !== opts.pool) await pool.close();
  }
  return results;
}

/**
 * One output by its path, without writing anything (the dev server): the kind that lists the path renders
 * that job alone, or the cache has it. Undefined when no kind lists the path.
 */
export async function renderPath(kinds: OutputKind[], model: Model, path: string, opts: Pick<RunOptions, 'cacheDir'> = {}): Promise<Uint8Array | undefined> {
  for (const kind of kinds) {
    const job = kind.jobs(model).find((j) => j.path === path);
    if (!job) continue;
    const cache = opts.cacheDir ? new OutputCache(join(opts.cacheDir, kind.name), kindVersion(kind)) : undefined;
    const hit = cache?.lookup(job.inputs, kind.ext);
    if (hit) return hit;
    let bytes: Uint8Array | undefined;
    await kind.render(model, [job], {
      emit(j, b) {
        if (j !== job) throw new Error(`output ${kind.name}: ${j.path} not asked for`);
        bytes = b;
      },
      read: async (p) => {
        const other = await renderPath(kinds, model, p, opts);
        if (!other) throw new Error(`output ${kind.name}: no output ${p}`);
        return other;
      },
      workers: 0,
      pool: new RenderPool(model, 0),
      noted: () => undefined,
      note: () => {},
    });
    if (!bytes) throw new Error(`output ${kind.name}: not rendered: ${path}`);
    cache?.store(job.inputs, kind.ext, bytes);
    return bytes;
  }
  return undefined;
}

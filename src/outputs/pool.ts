// Worker threads for output kinds that render file by file (the PDFs): each worker is handed the model once,
// then tasks that name a module's exported function and its argument. One pool serves every kind of a run,
// so the model is copied and the fonts load once per worker, not once per kind.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Model } from '../model/types.ts';

/** What a pool runs: `(model, arg) => bytes`, exported by a module the worker imports by URL. */
export type TaskFn<A> = (model: Model, arg: A) => Promise<Uint8Array> | Uint8Array;

interface Queued {
  module: string;
  fn: string;
  arg: unknown;
  done: (bytes: Uint8Array) => void;
  fail: (e: Error) => void;
}

/**
 * A worker's heap (old generation), MB. Without a limit V8 let each PDF worker's heap grow to ~500 MB of mostly
 * garbage (the PDF kinds alone of 10 × 100 peaked at 1,280 MiB); with 384 at ~1,000 MiB, as fast. A 100-project
 * book needs under 192. A task that does not fit is done again on this thread (see died).
 */
const WORKER_HEAP_MB = 384;

/**
 * Tasks that must be waiting before one more worker starts. A worker costs ~1 s of CPU to start (the model's
 * copy, imports, fonts), more than a sheet or a report: a rebuild with one book and one sheet to make used to
 * start two workers and took that second core from Astro.
 */
const START_ANOTHER = 3;

export class RenderPool {
  readonly size: number;
  private readonly model: Model;
  private readonly heapMb: number;
  private readonly workers: Worker[] = [];
  private readonly queue: Queued[] = [];
  /** Each worker's tasks, in the order it was sent them (it does them in turn). */
  private readonly sent = new Map<Worker, Queued[]>();
  private closed = false;

  /** size: worker threads (undefined: one per core); 0 runs every task on this thread, in order. */
  constructor(model: Model, size?: number, opts: { heapMb?: number } = {}) {
    this.model = model;
    this.size = Math.max(0, size ?? availableParallelism());
    this.heapMb = opts.heapMb ?? WORKER_HEAP_MB;
  }

  /**
   * Calls `fn` of `module` on each arg, handing each result to `done` with the arg's index as it comes (in
   * any order across workers). Rejects with the first task's error; the others of this call are dropped.
   */
  async run<A>(module: string | URL, fn: string, args: A[], done: (i: number, bytes: Uint8Array) => void): Promise<void> {
    if (this.closed) throw new Error('render pool: closed');
    if (this.size === 0) {
      for (const [i, arg] of args.entries()) done(i, await this.here(String(module), fn, arg));
      return;
    }
    if (!args.length) return;
    await new Promise<void>((resolve, reject) => {
      let left = args.length;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        for (let q = this.queue.length - 1; q >= 0; q--) if (mine.includes(this.queue[q]!)) this.queue.splice(q, 1);
        reject(e);
      };
      const mine: Queued[] = args.map((arg, i) => ({
        module: String(module),
        fn,
        arg,
        done: (bytes) => {
          if (failed) return;
          // What the caller does with a result (writing it: a full disk) fails this run, not the process.
          try {
            done(i, bytes);
          } catch (e) {
            fail(e);
            return;
          }
          if (--left === 0) resolve();
        },
        fail,
      }));
      this.queue.push(...mine);
      this.pump();
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const w = this.pick();
      if (!w) return;
      const task = this.queue.shift()!;
      this.sent.get(w)!.push(task);
      w.postMessage({ module: task.module, fn: task.fn, arg: task.arg });
    }
  }

  /**
   * An idle worker, else a new one, else, while more tasks wait than there are workers, a busy one with
   * nothing sent ahead: a worker then starts its next task at once instead of waiting for this thread to take
   * the last result (1,000 sheets of ~20 ms each). Near the end nothing is sent ahead, so no worker is left
   * with two tasks while another has none.
   */
  private pick(): Worker | undefined {
    const idle = this.workers.find((w) => this.sent.get(w)!.length === 0);
    if (idle) return idle;
    if (this.workers.length < this.size && (this.workers.length === 0 || this.queue.length >= START_ANOTHER)) return this.start();
    if (this.queue.length <= this.workers.length) return undefined;
    return this.workers.find((w) => this.sent.get(w)!.length === 1);
  }

  private start(): Worker {
    const w = new Worker(new URL('./pool-worker.ts', import.meta.url), { workerData: { model: this.model }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    this.workers.push(w);
    this.sent.set(w, []);
    w.on('message', (m: { bytes?: Uint8Array; error?: string; stack?: string }) => {
      const task = this.sent.get(w)!.shift()!;
      if (m.bytes) task.done(m.bytes);
      else task.fail(Object.assign(new Error(m.error), { stack: m.stack }));
      this.pump();
    });
    // A worker out of memory hands its tasks to this thread, whose heap has no such limit, and the others go
    // on; one that dies otherwise (an uncaught error) fails its tasks and every task waiting.
    const died = (e: Error) => {
      const i = this.workers.indexOf(w);
      if (i < 0) return;
      this.workers.splice(i, 1);
      const had = this.sent.get(w)!;
      this.sent.delete(w);
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && !this.closed) {
        this.pump();
        void this.doHere(had);
        return;
      }
      for (const q of [...had, ...this.queue.splice(0)]) q.fail(e);
    };
    w.on('error', died);
    w.on('exit', (code) => died(new Error(`render pool: a worker stopped (exit code ${code})`)));
    return w;
  }

  private async here(module: string, fn: string, arg: unknown): Promise<Uint8Array> {
    return ((await import(module))[fn] as TaskFn<unknown>)(this.model, arg);
  }

  private async doHere(tasks: Queued[]): Promise<void> {
    for (const t of tasks) {
      try {
        t.done(await this.here(t.module, t.fn, t.arg));
      } catch (e) {
        t.fail(e as Error);
      }
    }
  }
}

// A render pool's worker (src/outputs/pool.ts): the model comes once (workerData), then tasks naming a module
// and its function; a module is imported once per worker, so its fonts and caches are kept between tasks.
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '../model/types.ts';
import type { TaskFn } from './pool.ts';

const { model } = workerData as { model: Model };
const modules = new Map<string, Promise<Record<string, unknown>>>();

// Tasks are done one at a time, in the order they came (the pool matches results to tasks by that order).
let last: Promise<void> = Promise.resolve();

parentPort!.on('message', (msg: { module: string; fn: string; arg: unknown }) => {
  let mod = modules.get(msg.module);
  if (!mod) modules.set(msg.module, (mod = import(msg.module) as Promise<Record<string, unknown>>));
  const m = mod;
  last = last.then(() => m.then((x) => (x[msg.fn] as TaskFn<unknown>)(model, msg.arg))).then(
    (bytes) => {
      const own = bytes.slice(); // its own ArrayBuffer, whole: safe to transfer
      parentPort!.postMessage({ bytes: own }, [own.buffer]);
    },
    (e: unknown) => parentPort!.postMessage(e instanceof Error ? { error: e.message, stack: e.stack } : { error: String(e) }),
  );
});

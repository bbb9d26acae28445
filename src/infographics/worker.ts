// A render worker: receives the model once (workerData), then jobs; fonts load once per worker.
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '../model/types.ts';
import { renderJob, type Job } from './jobs.ts';

const { model } = workerData as { model: Model };

parentPort!.on('message', (msg: { id: number; job: Job }) => {
  renderJob(model, msg.job).then(
    (r) => {
      const png = new Uint8Array(r.png); // own ArrayBuffer, safe to transfer
      parentPort!.postMessage({ id: msg.id, png, fit: r.fit, outside: r.outside.length }, [png.buffer]);
    },
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});

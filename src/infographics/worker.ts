// A render worker: receives the model and the templates' module URL once (workerData), then jobs; fonts
// and templates load once per worker.
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '../model/types.ts';
import { importTemplates, renderJob, type Job } from './jobs.ts';

const { model, templates: url } = workerData as { model: Model; templates: string };
const templates = importTemplates(url);

parentPort!.on('message', (msg: { id: number; job: Job }) => {
  templates.then((set) => renderJob(model, msg.job, set)).then(
    (r) => {
      const png = new Uint8Array(r.png); // own ArrayBuffer, safe to transfer
      parentPort!.postMessage({ id: msg.id, png, fit: r.fit, outside: r.outside.length }, [png.buffer]);
    },
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});

// A render worker: receives the model and the templates' module URL once (workerData), then jobs; fonts
// and templates load once per worker.
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '../model/types.ts';
import { importTemplates, renderJob, type Job } from './jobs.ts';

const { model, templates: url } = workerData as { model: Model; templates: string };
const templates = importTemplates(url);

parentPort!.on('message', (msg: { id: number; job: Job; thumbnail?: number }) => {
  templates.then((set) => renderJob(model, msg.job, set, { thumbnail: msg.thumbnail })).then(
    (r) => {
      const png = new Uint8Array(r.png); // own ArrayBuffer, safe to transfer
      const thumbnail = r.thumbnail && new Uint8Array(r.thumbnail);
      parentPort!.postMessage({ id: msg.id, png, thumbnail, fit: r.fit, outside: r.outside.length }, thumbnail ? [png.buffer, thumbnail.buffer] : [png.buffer]);
    },
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});

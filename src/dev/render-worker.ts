// The dev server's warm render process, forked by renderer.ts: it loads the content once and again only when
// a file under the content folder (or the logo's public/) changed, checked at each request so the request
// right after a save sees the save, and answers {id, path} messages with renderOutput. Without the parent it
// has nothing to do: it exits when the IPC channel closes. Message paths are relative to the working
// directory, as in the banner of the pages (src/content.config.ts).
import { logoDirs } from '../assets/logo.ts';
import { loadPlans, type PlanLoadResult } from '../pipeline.ts';
import { renderOutput } from './output.ts';
import type { WorkerAnswer, WorkerOptions, WorkerRequest } from './renderer.ts';
import { treeStamp } from './stamp.ts';

const opts = JSON.parse(process.argv[2]!) as WorkerOptions;
const watched = logoDirs(opts.contentDir, opts.root);
let loaded: { stamp: string; result: PlanLoadResult } | undefined;

/** The content as it is now: the stamp is taken before loading, so a save during the load reloads next time. */
function current(): PlanLoadResult {
  const stamp = treeStamp(watched);
  if (loaded?.stamp !== stamp) loaded = { stamp, result: loadPlans(opts.contentDir, opts.root, { relativeTo: process.cwd() }) };
  return loaded.result;
}

current();
process.on('message', (m: WorkerRequest) => {
  void (async (): Promise<WorkerAnswer> => {
    try {
      return { id: m.id, ...(await renderOutput(current(), m.path, opts.cacheDir)) };
    } catch (e) {
      // A crash while rendering is a bug in the code: the dev server answers 500 with it.
      return { id: m.id, status: 1, bytes: new Uint8Array(), errors: [e instanceof Error ? (e.stack ?? e.message) : String(e)] };
    }
  })().then((a) => process.send!(a));
});
process.on('disconnect', () => process.exit(0));

// The build's search index in a thread of its own (scripts/build.ts): Pagefind indexes in a child process that
// this thread talks to, so the PDFs the main thread renders meanwhile do not hold up its messages.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from '../src/site/search-index.ts';

parentPort!.postMessage(await buildSearchIndex((workerData as { outDir: string }).outDir));

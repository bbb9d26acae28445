// The dev server's outputs (astro.config.mjs): one warm render process (render-worker.ts) instead of a
// fresh `node scripts/output.ts` per request, which spent about 0.75 s of each request starting Node and
// loading the content. The worker reloads the content itself when it changes; this side restarts the
// worker when the code it runs changed (any file of its module graph, or the lockfile), checked at each
// request. At most two requests at once (the gallery asks for many); one path asked twice is rendered once.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleGraph } from '../outputs/version.ts';
import type { OutputAnswer } from './output.ts';
import { treeStamp } from './stamp.ts';

export interface WorkerOptions {
  contentDir: string;
  /** The logo's root (content-dir.ts). */
  root: string;
  /** The output cache folder. */
  cacheDir: string;
}

export interface WorkerRequest {
  id: number;
  path: string;
}

/** status 1: the render threw (a bug); errors holds its stack. */
export type WorkerAnswer = { id: number } & (OutputAnswer | { status: 1; bytes: Uint8Array; errors: string[] });

export interface DevRendererOptions extends WorkerOptions {
  /** The repository root, where the lockfile is. */
  projectRoot: string;
  /** Told when the worker is restarted because the code changed. */
  log?: (message: string) => void;
}

export interface DevRenderer {
  render(path: string): Promise<Omit<WorkerAnswer, 'id'>>;
  close(): void;
}

const WORKER = fileURLToPath(new URL('./render-worker.ts', import.meta.url));
const AT_ONCE = 2;

interface Worker {
  child: ChildProcess;
  files: string[];
  stamp: string;
  pending: Map<number, (a: Omit<WorkerAnswer, 'id'>) => void>;
  retired: boolean;
}

export function devRenderer(o: DevRendererOptions): DevRenderer {
  const { contentDir, root, cacheDir } = o;
  let worker: Worker | undefined;
  let nextId = 0;

  const start = (): Worker => {
    const files = [...moduleGraph([WORKER]), join(o.projectRoot, 'package-lock.json')];
    const stamp = treeStamp(files);
    const opts: WorkerOptions = { contentDir, root, cacheDir };
    // 'advanced': the bytes cross as a Uint8Array, not as JSON.
    const child = fork(WORKER, [JSON.stringify(opts)], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const w: Worker = { child, files, stamp, pending: new Map(), retired: false };
    // A failed send: the exit that follows answers what was pending.
    child.on('error', () => child.kill());
    child.on('message', (a: WorkerAnswer) => {
      const { id, ...answer } = a;
      w.pending.get(id)?.(answer);
      w.pending.delete(id);
      if (w.retired && !w.pending.size) child.kill();
    });
    child.on('exit', (code, signal) => {
      if (worker === w) worker = undefined;
      for (const done of w.pending.values()) done({ status: 1, bytes: new Uint8Array(), errors: [`render worker exited (${signal ?? code})`] });
      w.pending.clear();
    });
    return w;
  };

  /** The worker running the code as it is now; one on older code finishes what it has, then stops. */
  const current = (): Worker => {
    // A worker that crashed (its exit event may still be on its way) is replaced.
    if (worker && !worker.child.connected) worker = undefined;
    if (worker && treeStamp(worker.files) !== worker.stamp) {
      o.log?.('โค้ดเปลี่ยน: เริ่มตัวสร้างไฟล์ใหม่ (code changed: render worker restarted)');
      worker.retired = true;
      if (!worker.pending.size) worker.child.kill();
      worker = undefined;
    }
    return (worker ??= start());
  };

  const ask = (path: string): Promise<Omit<WorkerAnswer, 'id'>> =>
    new Promise((resolve) => {
      const w = current();
      const id = nextId++;
      w.pending.set(id, resolve);
      w.child.send({ id, path } satisfies WorkerRequest);
    });

  const running = new Map<string, Promise<Omit<WorkerAnswer, 'id'>>>();
  const queue: Array<() => void> = [];
  let active = 0;
  const pump = (): void => {
    while (active < AT_ONCE && queue.length) {
      active++;
      queue.shift()!();
    }
  };

  // Warm from the start: the first link followed does not wait for Node and the content either.
  worker = start();
  return {
    render(path) {
      let p = running.get(path);
      if (!p) {
        p = new Promise<Omit<WorkerAnswer, 'id'>>((resolve) => {
          queue.push(() => void ask(path).then(resolve).finally(() => {
            active--;
            pump();
          }));
          pump();
        }).finally(() => running.delete(path));
        running.set(path, p);
      }
      return p;
    },
    close() {
      worker?.child.kill();
      worker = undefined;
    },
  };
}

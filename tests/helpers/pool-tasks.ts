// Tasks for the render pool's tests (src/outputs/pool.test.ts), run inside its workers.
import { threadId } from 'node:worker_threads';
import type { Model } from '../../src/model/types.ts';

let calls = 0;

/** The thread it ran on, this module's call count there, and the arg: which worker did what, and in what order. */
export function whoAmI(model: Model, arg: { n: number }): Uint8Array {
  calls++;
  return new TextEncoder().encode(JSON.stringify({ thread: threadId, calls, n: arg.n, plans: model.plans.length }));
}

export function failing(_model: Model, arg: { n: number }): Uint8Array {
  throw new Error(`งานที่ ${arg.n} ล้มเหลว`);
}

/** Holds about `mb` MB of live objects at once, then says where it ran. */
export function hog(_model: Model, arg: { mb: number }): Uint8Array {
  const held: number[][] = [];
  for (let i = 0; i < arg.mb * 8; i++) held.push(Array.from({ length: 16_384 }, (_, k) => k + i + 0.5));
  return new TextEncoder().encode(JSON.stringify({ thread: threadId, held: held.length }));
}

// What the `plans` content collection holds per entry: one plan, with the organisation that publishes it.
import { existsSync, readFileSync } from 'node:fs';
import { writeWhole } from '../files.ts';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../pipeline.ts';
import type { Model, Organisation, Plan } from '../model/types.ts';

export interface PlanEntry {
  organisation: Organisation;
  plan: Plan;
  /** Warnings from the checks (missing sections etc.), shown to editors in dev. */
  warnings: Diagnostic[];
}

/** In dev, after an edit that broke the content: the positioned messages, shown on every page. */
export const CONTENT_ERRORS_ID = '__content-errors';
export interface ContentErrorsEntry { errors: Array<{ where: string; message: string }> }

/**
 * `npm run build` has loaded the content before it starts Astro: it hands the model over in a file named by
 * PLAN_MODEL_FILE, and the content loader reads it instead of loading the YAML a second time. v8's format
 * keeps everything the content store keeps (Maps, undefined, objects shared between plans).
 */
export const MODEL_FILE_ENV = 'PLAN_MODEL_FILE';
export interface LoadedModel {
  model: Model;
  diagnostics: Diagnostic[];
  /** Plans whose pages the build copies from its last output instead of rendering (src/site/page-reuse.ts). */
  reusedPlans?: string[];
}

/** Written whole under another name and renamed: the loader may be waiting for the file to appear. */
export function writeModelFile(file: string, loaded: LoadedModel): void {
  writeWhole(file, serialize(loaded));
}

/**
 * The model once the build has written it: Astro is started before the content is loaded, so its own start-up
 * overlaps the loading, and its loader waits here. Stops waiting if the build that started Astro has gone.
 */
export async function waitForModelFile(file: string, timeoutMs = 10 * 60_000): Promise<LoadedModel> {
  const parent = process.ppid;
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error(`${MODEL_FILE_ENV}: the build that started Astro stopped before writing ${file}`);
    if (Date.now() > until) throw new Error(`${MODEL_FILE_ENV}: ${file} was not written within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return readModelFile(file);
}

export function readModelFile(file: string): LoadedModel {
  return deserialize(readFileSync(file)) as LoadedModel;
}

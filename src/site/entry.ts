// What the `plans` content collection holds per entry: one plan, with the organisation that publishes it.
import type { Diagnostic } from '../pipeline.ts';
import type { Organisation, Plan } from '../model/types.ts';

export interface PlanEntry {
  organisation: Organisation;
  plan: Plan;
  /** Warnings from the checks (missing sections etc.), shown to editors in dev. */
  warnings: Diagnostic[];
}

/** In dev, after an edit that broke the content: the positioned messages, shown on every page. */
export const CONTENT_ERRORS_ID = '__content-errors';
export interface ContentErrorsEntry { errors: Array<{ where: string; message: string }> }

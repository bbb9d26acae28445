// The one schema module: Astro's content loader, the scripts and the tests all validate with these.
export { z } from 'zod';
export * from './primitives.ts';
export * from './organisation.ts';
export * from './plan.ts';
export * from './project.ts';
export * from './report.ts';
export { FIELD_LABELS, field } from './labels.ts';

import { Organisation } from './organisation.ts';
import { Plan } from './plan.ts';
import { Project } from './project.ts';
import { Report } from './report.ts';

/** Every kind of content file, by name; the loader picks one from the file's place in content/. */
export const DOCUMENT_SCHEMAS = {
  organisation: Organisation,
  plan: Plan,
  project: Project,
  report: Report,
} as const;
export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS;

// The engine's front door: content folder in, model and diagnostics out. Every renderer starts here.
import { join } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../loader/diagnostics.ts';
import { loadContent } from '../loader/load-content.ts';
import { checkContent } from '../validate/checks.ts';
import { buildModel } from './build.ts';
import type { Model } from './types.ts';

export * from './types.ts';
export { buildFiscalMonths, CADENCE_LABELS, PDCA_LABELS, PROCUREMENT_LABELS, STATUS_LABELS } from './build.ts';
export { markdownToPlainText, parseMarkdown } from './markdown.ts';

export interface PlanLoadResult {
  /** Present only when there are no errors. */
  model?: Model;
  diagnostics: Diagnostic[];
  /** Files read, for watch mode and cache keys. */
  files: string[];
}

/**
 * Loads, validates and (unless `validateOnly`) builds the model. Cross-checks run on every file that
 * passed its schema, so one run reports everything it can.
 */
export function loadPlans(contentDir: string, root: string = join(contentDir, '..'), opts: { validateOnly?: boolean } = {}): PlanLoadResult {
  const content = loadContent(contentDir, root);
  const diagnostics = sortDiagnostics([...content.diagnostics, ...checkContent(content)]);
  const files = content.sources.map((s) => s.file);
  if (hasErrors(diagnostics) || opts.validateOnly) return { diagnostics, files };
  return { model: buildModel(content), diagnostics, files };
}
export { planProgressAsOf, progressAsOf, reportAsOf, type PlanProgress } from './progress.ts';
export { inPeriod } from './period.ts';

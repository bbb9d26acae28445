// The engine's front door: content folder in, model and diagnostics out (loader → schema → checks → model).
// Every script and the site start here; it sits above the layers it composes, so the model never imports
// the checks.
import { contentRoot } from './content-dir.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from './loader/diagnostics.ts';
import { loadContent } from './loader/load-content.ts';
import type { ParseCache } from './loader/parse-cache.ts';
import { buildModel } from './model/build.ts';
import type { Model } from './model/types.ts';
import { checkContent } from './validate/checks.ts';
import { loadEditions } from './editions/load.ts';
import { editorSchemas } from './validate/editor-schemas.ts';

export { formatDiagnostic, type Diagnostic } from './loader/diagnostics.ts';
export { ParseCache } from './loader/parse-cache.ts';

export interface PlanLoadResult {
  /** Present only when there are no errors. */
  model?: Model;
  diagnostics: Diagnostic[];
  /** Files read, for watch mode and cache keys. */
  files: string[];
  /** The editor's JSON Schemas for this content (its own ids filled in), computed on demand. */
  editorSchemas: () => Array<{ path: string; text: string }>;
}

/**
 * Loads, validates and (unless `validateOnly`) builds the model. Cross-checks run on every file that
 * passed its schema, so one run reports everything it can. Message paths are relative to `relativeTo`
 * (default `root`); the commands pass the working directory, so `examples/demo/plans/…` opens from there.
 * A `parseCache` skips the parsing of files it has seen (the caller saves it).
 */
export function loadPlans(
  contentDir: string,
  root: string = contentRoot(contentDir),
  opts: { validateOnly?: boolean; editions?: boolean; relativeTo?: string; parseCache?: ParseCache } = {},
): PlanLoadResult {
  const content = loadContent(contentDir, root, opts.relativeTo, opts.parseCache);
  const diagnostics = sortDiagnostics([...content.diagnostics, ...checkContent(content)]);
  const files = content.sources.map((s) => s.file);
  const schemas = () => editorSchemas(content);
  if (hasErrors(diagnostics) || opts.validateOnly) return { diagnostics, files, editorSchemas: schemas };
  const model = buildModel(content);
  // Earlier editions (plan.yaml `editions`) come from git; `editions: false` when loading one of them.
  if (opts.editions === false) return { model, diagnostics, files, editorSchemas: schemas };
  const editions = loadEditions(model, content, (dir, r) => loadPlans(dir, r, { editions: false }));
  if (editions.length) return { diagnostics: sortDiagnostics([...diagnostics, ...editions]), files, editorSchemas: schemas };
  return { model, diagnostics, files, editorSchemas: schemas };
}

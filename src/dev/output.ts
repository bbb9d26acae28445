// One output of the registry by its site path (plans/2561/plan-2561.pdf), from loaded content: what the dev
// server answers for a PDF, PNG or data link. Used by the dev server's warm render process (render-worker.ts)
// and by `node scripts/output.ts <path>`, so both answer as `npm run build` would write.
import { formatDiagnostic, type PlanLoadResult } from '../pipeline.ts';
import { outputKinds, renderPath } from '../outputs/index.ts';
import { contentErrorImage, contentErrorPage } from './content-errors.ts';

/** 0: the file. 2: no output has that path. 3: the content has errors; `bytes` is a Thai page (for a PDF or
 *  data link) or image (for a PNG) listing them, `errors` the formatted messages. */
export interface OutputAnswer {
  status: 0 | 2 | 3;
  bytes: Uint8Array;
  errors: string[];
}

export async function renderOutput(loaded: Pick<PlanLoadResult, 'model' | 'diagnostics'>, path: string, cacheDir: string): Promise<OutputAnswer> {
  if (!loaded.model) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    const bytes = path.endsWith('.png') ? await contentErrorImage(path, errors) : new TextEncoder().encode(contentErrorPage(path, errors));
    return { status: 3, bytes, errors };
  }
  const bytes = await renderPath(outputKinds, loaded.model, path, { cacheDir });
  return bytes ? { status: 0, bytes, errors: [] } : { status: 2, bytes: new Uint8Array(), errors: [] };
}

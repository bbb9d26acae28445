// The earlier approved editions a plan names (plan.yaml `editions`), read from git: each ref's commit, its
// content kept under the output cache by commit (a commit never changes, so it is extracted once), and its model
// loaded by the same loader, checks and model as the current plan. A ref this clone lacks (a shallow CI clone) is
// an error at the ref's line that says what to fetch.
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../loader/diagnostics.ts';
import type { LoadedContent } from '../loader/load-content.ts';
import { locate } from '../loader/source.ts';
import type { Model } from '../model/types.ts';
import { extractCached, repoRoot, resolveCommit, RevisionError } from '../git/revisions.ts';

/** Loads a content folder without its editions (an edition's own editions are not needed). */
export type LoadEdition = (contentDir: string, root: string) => { model?: Model; diagnostics: Diagnostic[] };

/** Where extracted editions are kept: beside the output cache. */
export const editionsCacheDir = (repo: string): string => join(process.env.PLAN_OUTPUT_CACHE ?? join(repo, '.cache'), 'editions');

/** Fills in each edition's commit and model; returns the problems, positioned at the edition's ref. */
export function loadEditions(model: Model, content: LoadedContent, load: LoadEdition): Diagnostic[] {
  const out: Diagnostic[] = [];
  let repo: string | undefined;
  for (const plan of model.plans) {
    const source = content.plans.find((lp) => lp.year === plan.id)?.plan?.source;
    if (!source || plan.editions.length === 0) continue;
    plan.editions.forEach((edition, i) => {
      const at = (message: string) =>
        out.push({ severity: 'error', file: source.file, ...locate(source, ['editions', i, 'ref']), message, field: `editions[${i}].ref — git ref ของฉบับ` });
      try {
        repo ??= repoRoot(content.contentDir);
        const commit = resolveCommit(repo, edition.ref);
        const x = extractCached(repo, commit, content.contentDir, editionsCacheDir(repo));
        const loaded = load(x.contentDir, x.root);
        const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
        const then = loaded.model?.plans.find((p) => p.fiscalYear === plan.fiscalYear);
        if (errors.length) at(`${edition.label} (${edition.ref}) มีข้อผิดพลาด ${errors.length} รายการ เช่น ${formatDiagnostic(errors[0]!)}`);
        else if (!then) at(`${edition.label} (${edition.ref}) ไม่มีแผนปี ${plan.fiscalYear}: ตรวจว่า ref ถูกต้อง`);
        else {
          edition.commit = commit;
          edition.model = { organisation: loaded.model!.organisation, plans: [then] };
        }
      } catch (e) {
        if (!(e instanceof RevisionError)) throw e;
        at(`${edition.label}: ${e.message}`);
      }
    });
  }
  return out;
}

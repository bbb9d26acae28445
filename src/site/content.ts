// The pages' one way into the data, typed. (Astro-only; view helpers stay pure.)
// - `npm run build` hands its model over in a file (PLAN_MODEL_FILE): the pages read it here, so Astro's own
//   start-up and bundling overlap the content loading instead of waiting for it in the content layer, and a
//   model of many plans is not copied into the content store and back.
// - Otherwise (`astro dev`, a bare `astro build`) the `plans` collection, filled by the loader in content.config.ts.
import { getCollection } from 'astro:content';
import { CONTENT_ERRORS_ID, MODEL_FILE_ENV, waitForModelFile, type ContentErrorsEntry, type PlanEntry } from './entry.ts';

let handedOver: Promise<PlanEntry[]> | undefined;

function handedOverEntries(file: string): Promise<PlanEntry[]> {
  return (handedOver ??= waitForModelFile(file).then(({ model, diagnostics }) => {
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    return model.plans.map((plan) => ({ organisation: model.organisation, plan, warnings }));
  }));
}

export async function getPlanEntries(): Promise<PlanEntry[]> {
  const file = import.meta.env.DEV ? undefined : process.env[MODEL_FILE_ENV];
  const entries = file
    ? await handedOverEntries(file)
    : (await getCollection('plans')).filter((e) => e.id !== CONTENT_ERRORS_ID).map((e) => e.data as unknown as PlanEntry);
  return [...entries].sort((a, b) => a.plan.fiscalYear - b.plan.fiscalYear);
}

/** Content errors found after an edit in `astro dev` (never present in a build: the build fails instead). */
export async function getContentErrors(): Promise<ContentErrorsEntry['errors']> {
  const entries = await getCollection('plans');
  const e = entries.find((x) => x.id === CONTENT_ERRORS_ID);
  return e ? (e.data as unknown as ContentErrorsEntry).errors : [];
}

/** Static paths of the per-plan pages: one page per plan, each given its entry and the list of all plans. */
export async function planPagePaths(): Promise<Array<{ params: { plan: string }; props: { entry: PlanEntry; plans: PlanEntry['plan'][] } }>> {
  const entries = await getPlanEntries();
  const plans = entries.map((e) => e.plan);
  return entries.map((entry) => ({ params: { plan: entry.plan.id }, props: { entry, plans } }));
}

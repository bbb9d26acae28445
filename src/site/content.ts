// The pages' one way into the data, typed. (Astro-only; view helpers stay pure.)
// - `npm run build` hands its model over in a file (PLAN_MODEL_FILE): the pages read it here, so Astro's own
//   start-up and bundling overlap the content loading instead of waiting for it in the content layer, and a
//   model of many plans is not copied into the content store and back.
// - Otherwise (`astro dev`, a bare `astro build`) the `plans` collection, filled by the loader in content.config.ts.
import { getCollection } from 'astro:content';
import { siteNav, type SiteNav } from './nav.ts';
import { CONTENT_ERRORS_ID, MODEL_FILE_ENV, waitForModelFile, type ContentErrorsEntry, type PlanEntry } from './entry.ts';

let handedOver: Promise<{ entries: PlanEntry[]; reused: ReadonlySet<string> }> | undefined;

function handedOverEntries(file: string): Promise<{ entries: PlanEntry[]; reused: ReadonlySet<string> }> {
  return (handedOver ??= waitForModelFile(file).then(({ model, diagnostics, reusedPlans }) => {
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    return { entries: model.plans.map((plan) => ({ organisation: model.organisation, plan, warnings })), reused: new Set(reusedPlans) };
  }));
}

const modelFile = (): string | undefined => (import.meta.env.DEV ? undefined : process.env[MODEL_FILE_ENV]);

/** Every plan, in fiscal-year order. */
export async function getPlanEntries(): Promise<PlanEntry[]> {
  const file = modelFile();
  const entries = file
    ? (await handedOverEntries(file)).entries
    : (await getCollection('plans')).filter((e) => e.id !== CONTENT_ERRORS_ID).map((e) => e.data as unknown as PlanEntry);
  return [...entries].sort((a, b) => a.plan.fiscalYear - b.plan.fiscalYear);
}

/**
 * The plans whose pages this build renders, and the site menu. `npm run build` leaves out the plans whose pages it
 * copies from its last output because nothing they show changed (src/site/page-reuse.ts); otherwise every plan.
 */
export async function renderedPlans(): Promise<{ entries: PlanEntry[]; nav: SiteNav }> {
  const all = await getPlanEntries();
  const file = modelFile();
  const reused = file ? (await handedOverEntries(file)).reused : new Set<string>();
  return { entries: all.filter((e) => !reused.has(e.plan.id)), nav: siteNav(all.map((e) => e.plan)) };
}

/** Content errors found after an edit in `astro dev` (never present in a build: the build fails instead). */
export async function getContentErrors(): Promise<ContentErrorsEntry['errors']> {
  const entries = await getCollection('plans');
  const e = entries.find((x) => x.id === CONTENT_ERRORS_ID);
  return e ? (e.data as unknown as ContentErrorsEntry).errors : [];
}

/** Static paths of the per-plan pages: one page per plan this build renders, each given its entry and the menu. */
export async function planPagePaths(): Promise<Array<{ params: { plan: string }; props: { entry: PlanEntry; nav: SiteNav } }>> {
  const { entries, nav } = await renderedPlans();
  return entries.map((entry) => ({ params: { plan: entry.plan.id }, props: { entry, nav } }));
}

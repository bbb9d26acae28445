// The pages' one way into the data: the `plans` collection, typed. (Astro-only; view helpers stay pure.)
import { getCollection } from 'astro:content';
import { CONTENT_ERRORS_ID, type ContentErrorsEntry, type PlanEntry } from './entry.ts';

export async function getPlanEntries(): Promise<PlanEntry[]> {
  const entries = await getCollection('plans');
  return entries
    .filter((e) => e.id !== CONTENT_ERRORS_ID)
    .map((e) => e.data as unknown as PlanEntry)
    .sort((a, b) => a.plan.fiscalYear - b.plan.fiscalYear);
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

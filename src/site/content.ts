// The pages' one way into the data: the `plans` collection, typed. (Astro-only; view helpers stay pure.)
import { getCollection } from 'astro:content';
import type { PlanEntry } from './entry.ts';

export async function getPlanEntries(): Promise<PlanEntry[]> {
  const entries = await getCollection('plans');
  return entries
    .map((e) => e.data as unknown as PlanEntry)
    .sort((a, b) => a.plan.fiscalYear - b.plan.fiscalYear);
}

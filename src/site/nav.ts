// The site menu, made once from every plan. A page's menu is all it shows of the other plans, so a plan's pages
// depend on the other plans only through this (the build reuses a plan's pages while it and this are unchanged:
// src/site/page-reuse.ts). Base.astro reads nothing else of them.
import type { Plan } from '../model/types.ts';
import { paths } from '../paths.ts';

export interface SiteNav {
  /** The three newest plans, newest first, as the menu lists them. */
  recent: Array<{ id: string; fiscalYear: number; path: string }>;
  /** There are more plans than the menu lists (a link to the home page's list). */
  more: boolean;
  /** The newest plan's infographics gallery (none without plans). */
  gallery?: string;
  /** The newest plan's progress page, once it has a report (before that there is no progress to show). */
  progress?: { planId: string; path: string };
}

/** The menu of a site with these plans (in fiscal-year order, as the pages get them). */
export function siteNav(plans: readonly Plan[]): SiteNav {
  const recent = [...plans].sort((a, b) => b.fiscalYear - a.fiscalYear).slice(0, 3);
  const newest = plans.at(-1);
  return {
    recent: recent.map((p) => ({ id: p.id, fiscalYear: p.fiscalYear, path: paths.plan(p) })),
    more: plans.length > recent.length,
    gallery: newest && paths.gallery(newest),
    progress: newest && newest.reports.length > 0 ? { planId: newest.id, path: paths.progress(newest) } : undefined,
  };
}

// A rebuild renders the pages of the plans whose pages could have changed, and copies the others' from the
// output it replaces. A plan's pages are made from the code and settings, the organisation, the plan itself, the
// site menu (src/site/nav.ts: all they show of the other plans), the sizes of the plan's data files and which of
// its evidence files exist. All of it is hashed into the plan's key; where the key is the last build's and its
// pages are all still there, they are copied. The site's own pages (home, search, 404) are always rendered.
// Measured on 10 plans × 100 projects (1,073 pages), one project edited: Astro renders ~110 pages instead of
// all. tests/page-reuse.test.ts builds edited content both ways and compares every byte.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { linkOrCopy, writeWhole } from '../files.ts';
import type { Model, Plan } from '../model/types.ts';
import { paths } from '../paths.ts';
import { siteNav } from './nav.ts';

/** What the last build wrote of each plan's pages. */
export interface PageManifest {
  plans: Record<string, { key: string; files: Array<{ path: string; bytes: number }> }>;
}

/**
 * Each plan's key. `shared` names the code and settings (SITE_BASE, the current month…); `extra(plan)` is what the
 * pages read besides the model (data file sizes, evidence present).
 */
export function planPageKeys(shared: string, model: Model, extra: (plan: Plan) => unknown): Record<string, string> {
  const nav = siteNav([...model.plans].sort((a, b) => a.fiscalYear - b.fiscalYear));
  // JSON, not v8's format: that one records which objects are shared, and a plan loaded from the parse cache
  // shares other objects than one parsed afresh (the same plan, another key). The model is JSON-shaped (the
  // output cache keys are its JSON too).
  const keys: Record<string, string> = {};
  for (const plan of model.plans) {
    keys[plan.id] = createHash('sha256').update(shared).update(JSON.stringify({ organisation: model.organisation, plan, nav, extra: extra(plan) })).digest('hex');
  }
  return keys;
}

/** The plans whose pages can be copied from `site` (the output being replaced): same key, every file there at its size. */
export function reusablePlans(keys: Record<string, string>, last: PageManifest | undefined, site: string): string[] {
  if (!last) return [];
  return Object.keys(keys).filter((id) => {
    const was = last.plans[id];
    return was !== undefined && was.key === keys[id] && was.files.length > 0 && was.files.every((f) => sizeOf(join(site, f.path)) === f.bytes);
  });
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/** The reused plans' pages, from the old output into the new (hard links where they can be). */
export function copyPages(last: PageManifest, ids: readonly string[], from: string, to: string): void {
  for (const id of ids) {
    for (const f of last.plans[id]!.files) {
      mkdirSync(dirname(join(to, f.path)), { recursive: true });
      linkOrCopy(join(from, f.path), join(to, f.path));
    }
  }
}

/** The manifest of a site folder's pages, before anything but the pages is in it (every file under plans/<id>/). */
export function pagesManifest(model: Model, keys: Record<string, string>, site: string): PageManifest {
  const plans: PageManifest['plans'] = {};
  for (const plan of model.plans) {
    const dir = join(site, paths.plan(plan));
    const files = existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()
      : [];
    plans[plan.id] = { key: keys[plan.id]!, files: files.map((f) => ({ path: relative(site, f), bytes: statSync(f).size })) };
  }
  return { plans };
}

export function readManifest(file: string): PageManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as PageManifest;
    return m && typeof m.plans === 'object' ? m : undefined;
  } catch {
    return undefined;
  }
}

export function writeManifest(file: string, m: PageManifest): void {
  mkdirSync(dirname(file), { recursive: true });
  writeWhole(file, JSON.stringify(m));
}

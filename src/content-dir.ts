// Which content folder a command or the site reads, and the root whose public/ may hold the logo: one answer
// for every entry (the scripts, the Astro content loader, the dev server's outputs), so the site's checks and
// the PDFs and images never look the logo up in different public/ folders.
import { dirname, resolve } from 'node:path';

export interface ContentLocation {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** The folder whose `public/` is searched for the logo after the content folder (contentRoot). */
  root: string;
}

/** The content folder's parent: its `public/` is the logo's second place, as a revision or an edition read
 *  from git has it beside the content (src/git/revisions.ts). */
export function contentRoot(contentDir: string): string {
  return dirname(resolve(contentDir));
}

/**
 * `folder` (default PLAN_CONTENT), resolved against `base` (the repository root); unset or empty means
 * `content`: an empty PLAN_CONTENT= would otherwise make the repository itself the content folder.
 */
export function contentLocation(base: string, folder: string | undefined = process.env.PLAN_CONTENT): ContentLocation {
  const contentDir = resolve(base, folder || 'content');
  return { contentDir, root: contentRoot(contentDir) };
}

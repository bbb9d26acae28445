// Evidence files a report cites ({ title, file }, relative to content/): where each is on disk, so the site
// copies it to paths.evidenceFile(file) and links it. The content folder is chosen as the loader chooses it
// (src/content.config.ts: PLAN_CONTENT, else content/). The schema keeps `file` inside that folder.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentLocation } from '../content-dir.ts';
import type { Plan } from '../model/types.ts';

const contentDir = (): string => contentLocation(process.cwd()).contentDir;

/** The file on disk, or undefined when it is not there (the page then names it without a link). */
export function evidenceSource(file: string, dir: string = contentDir()): string | undefined {
  const abs = resolve(dir, file);
  return existsSync(abs) && statSync(abs).isFile() ? abs : undefined;
}

/** Every evidence file the plan's reports cite, once each, in report order. */
export function evidenceFiles(plan: Plan): string[] {
  return [...new Set(plan.projects.flatMap((p) => p.progress.flatMap((pr) => pr.evidence.flatMap((e) => (e.file ? [e.file] : [])))))];
}

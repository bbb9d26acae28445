// The output registry: every file the build writes beside the Astro pages, one entry a kind. npm run build,
// npm run pdf, npm run infographics and the cache walk this list; adding an output is adding an entry.
// Order matters only where a kind reads an earlier one's files (thumbnails read the cards).
import { calendars, csvTables, jsonData, workbooks } from './kinds/data.ts';
import { editionBooks } from './kinds/editions.ts';
import { cards, thumbnails } from './kinds/images.ts';
import { planBooks, projectSheets } from './kinds/pdf.ts';
import { reportPdfs } from './kinds/reports.ts';
import type { OutputKind } from './registry.ts';

export const outputKinds: OutputKind[] = [cards, thumbnails, planBooks, projectSheets, reportPdfs, editionBooks, workbooks, csvTables, jsonData, calendars];

export { digest, kindVersion, renderPath, runKind, runKinds, type KindResult, type OutputJob, type OutputKind, type RenderContext, type RunOptions } from './registry.ts';

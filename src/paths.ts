// Where every output lives, relative to the site root (dist/ or the intranet base path). The site links
// with these and the PDF and image renderers write with these, so a link and its file cannot drift apart.
// Ids are ASCII slugs (checked by the schema), so these paths are safe in URLs and file systems.
import type { Edition, Plan, Project } from './model/types.ts';

export const paths = {
  home: () => '',
  plan: (plan: Plan) => `plans/${plan.id}/`,
  project: (plan: Plan, project: Project) => `plans/${plan.id}/projects/${project.id}/`,
  strategy: (plan: Plan, strategyId: string) => `plans/${plan.id}/#strategy-${strategyId}`,
  gallery: (plan: Plan) => `plans/${plan.id}/infographics/`,
  /** Plan against actual as of the newest report. */
  progress: (plan: Plan) => `plans/${plan.id}/progress/`,
  /** One progress report (monthly or quarterly). */
  report: (plan: Plan, reportId: string) => `plans/${plan.id}/reports/${reportId}/`,
  /** The plan's revision history: its revision, the earlier editions and their books. */
  revisions: (plan: Plan) => `plans/${plan.id}/revisions/`,
  /** A file a report cites as evidence, copied from content/ (the schema keeps it inside content/). */
  evidenceFile: (file: string) => `files/${file.split(/[\\/]/).map(encodeURIComponent).join('/')}`,
  /** A Markdown evidence file as a page of the site (a server would send the .md itself as a download, or as
   *  text in the wrong encoding): evidence/2567-05/test.md → evidence/evidence/2567-05/test/ */
  evidencePage: (file: string) => `evidence/${file.replace(/\.md$/i, '').split(/[\\/]/).map(encodeURIComponent).join('/')}/`,
  /** Where a link to evidence goes: a Markdown file's page, any other file itself. */
  evidenceLink: (file: string): string => (isMarkdownFile(file) ? paths.evidencePage(file) : paths.evidenceFile(file)),

  /** The whole plan book. */
  planPdf: (plan: Plan) => `plans/${plan.id}/plan-${plan.id}.pdf`,
  /** The book of an earlier approved edition (0: the original plan), at a path that never changes. */
  editionPdf: (plan: Plan, edition: Pick<Edition, 'number'>) => `plans/${plan.id}/editions/plan-${plan.id}-edition-${edition.number}.pdf`,
  /** One project's detail sheet, for procurement files. */
  projectPdf: (plan: Plan, project: Project) => `plans/${plan.id}/projects/${project.id}.pdf`,
  /** A progress report as the fund files it. */
  reportPdf: (plan: Plan, reportId: string) => `plans/${plan.id}/reports/${reportId}.pdf`,

  /** 1080×1350 card of a fiscal month: plans/2561/infographics/2560-10.png */
  monthCard: (plan: Plan, monthKey: string) => `plans/${plan.id}/infographics/${monthKey}.png`,
  overviewCard: (plan: Plan) => `plans/${plan.id}/infographics/overview.png`,
  projectCard: (plan: Plan, project: Project) => `plans/${plan.id}/infographics/project-${project.id}.png`,
  /** 1080×1350 card of a quarterly report: plans/2561/infographics/2561-q2.png */
  reportCard: (plan: Plan, reportId: string) => `plans/${plan.id}/infographics/${reportId}.png`,
  /** The gallery's small copy of a card: plans/2561/infographics/thumbs/2560-10.png */
  thumbnail: (cardPath: string) => cardPath.replace(/([^/]+)\.png$/, 'thumbs/$1.png'),

  /** ดาวน์โหลดข้อมูล: the data dictionary page of a plan's exports. */
  dataPage: (plan: Plan) => `plans/${plan.id}/data/`,
  /** The workbook for the budget office: plans/2561/data/plan-2561.xlsx */
  dataWorkbook: (plan: Plan) => `plans/${plan.id}/data/plan-${plan.id}.xlsx`,
  /** One CSV a table of the workbook: plans/2561/data/plan-2561-action-plan.csv */
  dataCsv: (plan: Plan, tableId: string) => `plans/${plan.id}/data/plan-${plan.id}-${tableId}.csv`,
  /** The whole plan model as JSON, and its JSON Schema. */
  dataJson: (plan: Plan) => `plans/${plan.id}/data/plan-${plan.id}.json`,
  dataSchema: (plan: Plan) => `plans/${plan.id}/data/plan.schema.json`,
  /** Calendars: every activity month and PDCA step of the plan, and of one project. */
  planCalendar: (plan: Plan) => `plans/${plan.id}/data/plan-${plan.id}.ics`,
  projectCalendar: (plan: Plan, project: Project) => `plans/${plan.id}/data/projects/${project.id}.ics`,

  /** 1200×630 link previews (og:image). */
  ogHome: () => 'og/home.png',
  ogPlan: (plan: Plan) => `plans/${plan.id}/og/plan.png`,
  ogProject: (plan: Plan, project: Project) => `plans/${plan.id}/og/project-${project.id}.png`,
} as const;

/** A Markdown file, by its name (evidence/…/notes.md): the site shows it as a page. */
export function isMarkdownFile(file: string): boolean {
  return /\.md$/i.test(file);
}

/** Thumbnail size: a third of a 1080×1350 card (the gallery's img attributes and the renderer share it). */
export const THUMBNAIL = { width: 360, height: 450 } as const;

/** Stands for any id in the output path patterns below (a NUL: in no real path). */
const ANY = '\u0000';
/** A plan, project, edition and id at once, each id ANY: every path function takes it. */
const anyArg = Object.assign(new String(ANY), { id: ANY, number: ANY }) as unknown as Plan & Project & Edition & string;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(ANY, '[^/]+');
/** Every output file's path (not pages, not copied evidence files) as a pattern of segments; thumbnails of any card. */
const OUTPUT_PATTERN = (() => {
  const files = Object.entries(paths)
    .filter(([name]) => !name.startsWith('evidence') && name !== 'thumbnail')
    .map(([, f]) => (f as (...a: unknown[]) => string)(anyArg, anyArg))
    .filter((p) => /\.[a-z]+$/.test(p));
  const all = [...files, ...files.filter((p) => p.endsWith('.png')).map(paths.thumbnail)];
  return new RegExp(`^(?:${all.map(escape).join('|')})$`);
})();

/** Whether a site path could be one of the output files (whichever ids the content has): the dev server
 *  answers anything else (favicon.png, a tool's .json) at once, without loading the content to look. */
export function mayBeOutput(path: string): boolean {
  return OUTPUT_PATTERN.test(path);
}

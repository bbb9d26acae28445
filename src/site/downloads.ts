// ดาวน์โหลดข้อมูล: the data files a page links to, each with its size. `npm run build` writes the data kinds
// before the pages and names their folder in PLAN_DATA_DIR: the size is the written file's. Without it
// (astro dev) the size is taken from the kind's own rendering of the same job (same model, same date, so
// the same bytes as the file a build publishes), once per job and process.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Model, Plan, Project } from '../model/types.ts';
import { paths } from '../paths.ts';
import { TABLE_TITLES, tableIds } from '../exports/tables.ts';
import { hasScheduled } from '../views/schedule.ts';
import type { Formatter } from '../views/format.ts';

export interface Download {
  /** Site path (src/paths.ts). */
  path: string;
  label: string;
  /** XLSX, CSV, JSON, ICS */
  format: string;
  bytes: number;
}

const sizes = new Map<string, Promise<number>>();

/** The data kinds of src/outputs/kinds/data.ts, by name. */
type DataKind = 'workbooks' | 'csvTables' | 'jsonData' | 'calendars';

/** The byte size of one job of a kind: the build's written file, or rendered in memory (memoised by the job's path and inputs). */
async function sizeOf(name: DataKind, model: Model, path: string): Promise<number> {
  const written = process.env.PLAN_DATA_DIR;
  if (written) return statSync(join(written, path)).size;
  // Only here are the kinds loaded, and the packages they render with (ExcelJS and the registry's other
  // kinds): a build, which reads the written files, starts without them.
  const [kinds, { renderPath }] = await Promise.all([import('../outputs/kinds/data.ts'), import('../outputs/index.ts')]);
  const kind = kinds[name];
  const job = kind.jobs(model).find((j) => j.path === path);
  if (!job) throw new Error(`downloads: ${kind.name} has no ${path}`);
  const key = `${path}\0${JSON.stringify(job.inputs)}`;
  let size = sizes.get(key);
  if (!size) {
    size = renderPath([kind], model, path).then((b) => b!.byteLength);
    sizes.set(key, size);
  }
  return size;
}

/** The files of the plan page: workbook, one CSV a table, JSON and its schema, the plan's calendar. */
export async function planDownloads(model: Model, plan: Plan): Promise<Download[]> {
  const list: Array<[DataKind, string, string, string]> = [
    ['workbooks', paths.dataWorkbook(plan), 'สมุดงาน Excel: ตารางแผนปฏิบัติการ งบประมาณ กำหนดการ ตัวชี้วัด' + (plan.reports.length ? ' และความก้าวหน้า' : ''), 'XLSX'],
    ...tableIds(plan).map((id): [DataKind, string, string, string] => ['csvTables', paths.dataCsv(plan, id), TABLE_TITLES[id], 'CSV']),
    ['jsonData', paths.dataJson(plan), 'ข้อมูลแผนทั้งแผน', 'JSON'],
    ['jsonData', paths.dataSchema(plan), 'JSON Schema ของข้อมูลแผน', 'JSON'],
    ...(hasScheduled(plan.projects) ? [['calendars', paths.planCalendar(plan), 'ปฏิทินกิจกรรมทั้งแผน (นำเข้า Outlook, Google Calendar, Thunderbird)', 'ICS'] as [DataKind, string, string, string]] : []),
  ];
  return Promise.all(list.map(async ([kind, path, label, format]) => ({ path, label, format, bytes: await sizeOf(kind, model, path) })));
}

/** The files of a project page: its calendar (when it has anything scheduled), then the plan's workbook and JSON. */
export async function projectDownloads(model: Model, plan: Plan, project: Project): Promise<Download[]> {
  const all = await planDownloads(model, plan);
  const rest = all.filter((d) => d.path === paths.dataWorkbook(plan) || d.path === paths.dataJson(plan));
  if (!hasScheduled([project])) return rest;
  const own = { path: paths.projectCalendar(plan, project), label: 'ปฏิทินกิจกรรมของโครงการนี้', format: 'ICS', bytes: await sizeOf('calendars', model, paths.projectCalendar(plan, project)) };
  return [own, ...rest];
}

/** "31.2 KB", "1.4 MB", "512 ไบต์" (digits by the agency's setting). */
export function sizeText(bytes: number, fmt: Pick<Formatter, 'text'>): string {
  if (bytes < 1024) return fmt.text(`${bytes} ไบต์`);
  if (bytes < 1024 * 1024) return fmt.text(`${(bytes / 1024).toFixed(1)} KB`);
  return fmt.text(`${(bytes / 1024 / 1024).toFixed(1)} MB`);
}

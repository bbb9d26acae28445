// The data exports (src/exports) on the seed plan (content/) and the demo with a year of reports
// (examples/demo), read back the way their users' tools read them: the workbook with exceljs, the CSV
// files with an RFC 4180 reader, the JSON against its JSON Schema with ajv, the calendars with ical.js.
// The LibreOffice reading of the workbook is tests/exports-libreoffice.test.ts.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, csvText } from '../src/exports/csv.ts';
import { exportDate } from '../src/exports/date.ts';
import { eventUid, monthStart, renderPlanCalendar, renderProjectCalendar } from '../src/exports/ics.ts';
import { PlanData, renderPlanJson, renderPlanSchema } from '../src/exports/json.ts';
import { dataTables } from '../src/exports/tables.ts';
import { columnLetter, redate, renderWorkbook } from '../src/exports/workbook.ts';
import { cancelledSince, type Model, type Plan } from '../src/model/index.ts';
import { runKinds } from '../src/outputs/index.ts';
import { dataKinds } from '../src/outputs/kinds/data.ts';
import { paths } from '../src/paths.ts';
import { loadPlans } from '../src/pipeline.ts';
import { planDownloads, projectDownloads, sizeText } from '../src/site/downloads.ts';
import { formatter } from '../src/views/format.ts';
import { actionPlanColumns } from '../src/views/action-plan.ts';
import { LABELS } from '../src/views/labels.ts';
import { pdcaStepText } from '../src/views/schedule.ts';
import { parseCsv } from './helpers/csv.ts';
import { ROOT } from './helpers/content-copy.ts';

const load = (dir: string): Model => {
  const { model } = loadPlans(join(ROOT, dir), ROOT);
  if (!model) throw new Error(`${dir} does not load`);
  return model;
};
const SETS = [
  { name: 'content/ (FY2561 seed)', model: load('content') },
  { name: 'examples/demo (a year of reports)', model: load('examples/demo') },
];
const DATE = new Date(Date.UTC(2024, 9, 15, 3, 4, 6));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** What the schedule holds for a project in a month, counted from the model itself. */
const eventsOf = (plan: Plan) =>
  plan.projects.reduce((n, p) => n + p.activities.reduce((a, x) => a + x.monthIndexes.length, 0) + p.pdca.filter((s) => s.month).length, 0);

describe.each(SETS)('exports of $name', ({ model }) => {
  const plan = model.plans.at(-1)!;

  describe('workbook', async () => {
    const bytes = await renderWorkbook(model, plan, { date: DATE });
    const wb = await readBook(bytes);
    const tables = dataTables(plan, model.organisation);

    it('has one sheet a table, in Thai, the progress sheet only with reports', () => {
      expect(wb.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.title));
      expect(wb.worksheets.map((w) => w.name).includes('ความก้าวหน้า')).toBe(plan.reports.length > 0);
      for (const w of wb.worksheets) expect(w.name).toMatch(/^[\u0E00-\u0E7F]+$/);
    });

    it('lays out the action plan as the book has it: ten Thai headers, frozen, filtered, wrapped, widths', () => {
      const ws = wb.getWorksheet('แผนปฏิบัติการ')!;
      expect(ws.getRow(1).values).toEqual([undefined, ...actionPlanColumns(model.organisation).map((c) => c.header)]);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getColumn(2).width).toBe(34);
      for (let r = 2; r <= plan.projects.length + 1; r++) expect(ws.getCell(r, 5).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
      // Rows tall enough for their lines: without a height LibreOffice opened every row one line high.
      for (let r = 2; r <= plan.projects.length + 1; r++) {
        const lines = Math.max(...[4, 5, 6].map((c) => String(ws.getCell(r, c).value).split('\n').length));
        expect(ws.getRow(r).height).toBeGreaterThanOrEqual(lines * 15);
      }
      expect(ws.getCell(2, 1).alignment.horizontal).toBe('center');
    });

    it('holds each project in its row, the budget a number in a thousands format', () => {
      const ws = wb.getWorksheet('แผนปฏิบัติการ')!;
      plan.projects.forEach((p, i) => {
        const row = ws.getRow(i + 2);
        expect(row.getCell(1).value).toBe(p.order);
        expect(row.getCell(2).value).toBe(p.name);
        expect(row.getCell(7).value).toBe(p.period.label);
        expect(row.getCell(8).value).toBe(p.budget);
        expect(row.getCell(8).numFmt).toBe(plan.projects.every((x) => Number.isInteger(x.budget)) ? '#,##0' : '#,##0.00');
        expect(row.getCell(9).value).toBe(p.owner.name);
        expect(row.getCell(10).value).toBe(p.priority.marks);
        expect(row.getCell(4).value).toBe(p.strategies.length ? p.strategies.map((s) => `ยุทธศาสตร์ที่ ${s.number} ${s.name}`).join('\n') : 'ไม่ระบุ');
      });
    });

    it('ends the action plan with a SUM formula whose cached value is the plan total', () => {
      const ws = wb.getWorksheet('แผนปฏิบัติการ')!;
      const n = plan.projects.length;
      const total = ws.getRow(n + 2);
      expect(total.getCell(1).value).toBe(LABELS.grandTotal);
      expect(total.getCell(8).value).toEqual({ formula: `SUM(H2:H${n + 1})`, result: plan.totals.budget });
      expect(plan.projects.reduce((a, p) => a + p.budget, 0)).toBeCloseTo(plan.totals.budget, 2);
      expect(ws.getCell(`A${n + 2}`).isMerged).toBe(true);
      expect(total.getCell(9).value).toBe(`(${plan.totals.budgetWords})`);
    });

    it('sums the priority table by formula and leaves the strategy table without a total (projects count in several)', () => {
      const pr = wb.getWorksheet('งบประมาณตามระดับความสำคัญ')!;
      const k = plan.totals.byPriority.length;
      expect(pr.getCell(k + 2, 2).value).toEqual({ formula: `SUM(B2:B${k + 1})`, result: plan.totals.budget });
      const st = wb.getWorksheet('งบประมาณตามยุทธศาสตร์')!;
      plan.totals.byStrategy.forEach((g, i) => expect(st.getCell(i + 2, 2).value).toBe(g.budget));
      expect(st.rowCount).toBe(1 + plan.totals.byStrategy.length + (plan.totals.unaligned.projectIds.length ? 1 : 0));
    });

    it('heads the monthly schedule with BE months ต.ค. … ก.ย. and fills each month from the project schedule', () => {
      const ws = wb.getWorksheet('กำหนดการรายเดือน')!;
      const yy = String((plan.fiscalYear - 1) % 100).padStart(2, '0');
      expect(ws.getCell(1, 3).value).toBe(`ต.ค. ${yy}`);
      expect(ws.getCell(1, 14).value).toBe(`ก.ย. ${String(plan.fiscalYear % 100).padStart(2, '0')}`);
      plan.projects.forEach((p, i) => {
        p.activities.forEach((a) => {
          for (const m of a.monthIndexes) expect(String(ws.getCell(i + 2, 3 + m).value).split('\n')).toContain(a.name);
        });
        const idle = plan.months.filter((m) => !p.activeMonthIndexes.includes(m.index));
        for (const m of idle) expect(ws.getCell(i + 2, 3 + m.index).value).toBe(p.activeMonthIndexes.length ? null : 'ไม่ระบุ');
      });
    });

    it('lists every KPI with its target and newest actual', () => {
      const ws = wb.getWorksheet('ตัวชี้วัด')!;
      const kpis = plan.projects.flatMap((p) => p.kpis.map((k) => ({ p, k })));
      expect(ws.rowCount).toBe(1 + kpis.length);
      kpis.forEach(({ p, k }, i) => {
        expect(ws.getCell(i + 2, 3).value).toBe(k.name);
        expect(ws.getCell(i + 2, 4).value).toBe(k.target?.value ?? null);
        const newest = p.progress.findLast((pr) => pr.kpis.some((x) => x.kpi.id === k.id));
        expect(ws.getCell(i + 2, 6).value).toBe(newest?.kpis.find((x) => x.kpi.id === k.id)!.actual ?? null);
      });
    });

    it('gives, with reports, every project in every report: planned and actual percent, spent, Thai status, problems and solutions as text', () => {
      if (plan.reports.length === 0) return expect(wb.getWorksheet('ความก้าวหน้า')).toBeUndefined();
      const ws = wb.getWorksheet('ความก้าวหน้า')!;
      expect(ws.rowCount).toBe(1 + plan.reports.length * plan.projects.length);
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      const at = (h: string) => header.indexOf(h) + 1;
      let r = 2;
      let withProblems = 0;
      for (const report of plan.reports) {
        for (const p of plan.projects) {
          const own = p.progress.find((x) => x.reportId === report.id);
          const cell = (h: string) => ws.getCell(r, at(h)).value;
          expect(cell('รายงาน')).toBe(report.label);
          expect(cell('กิจกรรม/โครงการ')).toBe(p.name);
          expect(cell('ชนิดรายงาน')).toBe(report.kind === 'quarter' ? 'รายไตรมาส' : 'รายเดือน');
          expect(cell('รหัสเดือน')).toBe(report.asOf.key);
          expect(String(cell('ที่มาของแผน'))).toMatch(p.planned.basis === 'spending-plan' ? /^แผนการใช้จ่ายของโครงการ$/ : /^ประมาณจาก/);
          if (own) {
            expect(cell('ผล (ร้อยละ)')).toBe(own.percent ?? null);
            expect(cell('เบิกจ่ายสะสม (บาท)')).toBe(own.spent ?? null);
            expect(cell('สถานะ')).toBe(own.statusLabel);
            const planned = (p.planned.cumulative[report.asOf.index]! / p.budget) * 100;
            expect(cell('แผน (ร้อยละ)')).toBeCloseTo(planned, 1);
            if (own.problems) {
              withProblems++;
              expect(String(cell('ปัญหาอุปสรรค'))).not.toMatch(/[*#_`]|^- /m);
              expect(String(cell('ปัญหาอุปสรรค')).length).toBeGreaterThan(0);
            }
          }
          r++;
        }
      }
      expect(withProblems).toBeGreaterThan(0);
    });

    it('dates the document and every zip entry with the export date: the same plan, the same bytes', async () => {
      const again = await renderWorkbook(model, plan, { date: DATE });
      expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
      expect(wb.created).toEqual(DATE);
      expect(wb.modified).toEqual(DATE);
      const zip = await JSZip.loadAsync(bytes);
      const dates = new Set<number>();
      zip.forEach((_p, e) => dates.add(e.date.getTime()));
      // DOS time keeps even seconds.
      expect([...dates]).toEqual([Math.floor(DATE.getTime() / 2000) * 2000]);
      // Without a SOURCE_DATE_EPOCH date: the plan year's first day, not the clock.
      const undated = await readBook(await renderWorkbook(model, plan));
      expect(undated.created).toEqual(exportDate(plan));
      expect(exportDate(plan).toISOString()).toBe(`${plan.fiscalYear - 544}-10-01T00:00:00.000Z`);
    });
  });

  describe('CSV', () => {
    const tables = dataTables(plan, model.organisation);
    it.each(tables.map((t) => [t.id, t] as const))('%s reads back with its BOM, header and every value', (_id, t) => {
      const raw = csvText(t);
      expect(raw.startsWith('\ufeff')).toBe(true);
      expect(raw.replace(/"[^"]*"/g, '')).not.toMatch(/[^\r]\n/);
      const rows = parseCsv(raw.slice(1));
      expect(rows[0]).toEqual(t.columns.map((c) => c.header));
      expect(rows.slice(1)).toEqual(t.rows.map((r) => r.map((v) => (v === undefined ? '' : String(v)))));
    });
    it('quotes by RFC 4180', () => {
      expect(csvField('ก,ข')).toBe('"ก,ข"');
      expect(csvField('คำว่า "แผน"')).toBe('"คำว่า ""แผน"""');
      expect(csvField('บรรทัด\nสอง')).toBe('"บรรทัด\nสอง"');
      expect(csvField(1234.5)).toBe('1234.5');
      expect(csvField(undefined)).toBe('');
      // Text a spreadsheet would run as a formula is written inert; numbers stay numbers.
      expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
      expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(csvField(-5)).toBe('-5');
    });
    it('sums the action plan budget column to the plan total', () => {
      const rows = parseCsv(csvText(tables[0]!).slice(1));
      const i = rows[0]!.indexOf(LABELS.budgetBaht);
      expect(rows.slice(1).reduce((a, r) => a + Number(r[i]), 0)).toBeCloseTo(plan.totals.budget, 2);
    });
  });

  describe('JSON', () => {
    const json = JSON.parse(text(renderPlanJson(model, plan)));
    const schema = JSON.parse(text(renderPlanSchema()));

    it('validates against its published JSON Schema', () => {
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      const validate = ajv.compile(schema);
      expect(validate(json), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
      // The schema rejects what the file must not hold.
      expect(validate({ ...json, extra: 1 })).toBe(false);
      expect(validate({ ...json, projects: [{ ...json.projects[0], budget: '50,000' }] })).toBe(false);
    });

    it('writes the keys in the schema order, every time the same', () => {
      expect(Object.keys(json)).toEqual(Object.keys(schema.properties));
      expect(Object.keys(json.projects[0])).toEqual(Object.keys(PlanData.shape.projects.element.shape));
      expect(text(renderPlanJson(model, plan))).toBe(text(renderPlanJson(model, plan)));
    });

    it('exports every field of the model (a new field fails here until the file and its schema carry it)', () => {
      // Model key → its key in the file; null: deliberately left out (presentation settings, source paths,
      // what is listed elsewhere in the file).
      const check = (model: object, file: object, where: string, renamed: Record<string, string | null> = {}) => {
        for (const k of Object.keys(model)) {
          const to = k in renamed ? renamed[k] : k;
          if (to !== null) expect(Object.keys(file), `${where}.${k}`).toContain(to);
        }
      };
      const P = PlanData.shape;
      for (const p of plan.projects) {
        check(p, P.projects.element.shape, 'project', {
          fundStrategies: 'fundStrategyIds', strategies: 'strategyIds', tactics: 'tacticIds', owner: 'ownerId', priority: 'priorityId',
          activeMonthIndexes: 'activeMonths', sourceFile: null,
        });
        for (const pr of p.progress) check(pr, P.projects.element.shape.progress.element.shape, 'progress');
      }
      check(plan, P.plan.shape, 'plan', { preparedBy: 'preparedById', projects: null, reports: null, activeByMonth: null });
      check(plan.totals, P.plan.shape.totals.shape, 'totals');
      check(model.organisation, P.organisation.shape, 'organisation', { strategies: 'fundStrategies', branding: null, display: null, keepTogether: null });
      for (const r of plan.reports) check(r, P.reports.element.shape, 'report');
    });

    it('holds the whole plan: every project, its budget and schedule, every report and progress entry', () => {
      expect(json.plan.totals.budget).toBe(plan.totals.budget);
      expect(json.projects.map((p: { id: string }) => p.id)).toEqual(plan.projects.map((p) => p.id));
      expect(json.reports.length).toBe(plan.reports.length);
      plan.projects.forEach((p, i) => {
        expect(json.projects[i].budget).toBe(p.budget);
        expect(json.projects[i].ownerId).toBe(p.owner.id);
        expect(json.projects[i].progress.length).toBe(p.progress.length);
        expect(json.projects[i].activities.flatMap((a: { months: string[] }) => a.months)).toEqual(p.activities.flatMap((a) => a.monthIndexes.map((m) => plan.months[m]!.key)));
      });
    });
  });

  describe('calendars', () => {
    const parse = (b: Uint8Array) => new ICAL.Component(ICAL.parse(text(b))).getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) }));
    const events = parse(renderPlanCalendar(model, plan, { date: DATE }));

    it('has one all-day, month-long event per activity month and PDCA step, with Gregorian dates', () => {
      expect(events.length).toBe(eventsOf(plan));
      expect(events.length).toBeGreaterThan(0);
      for (const { e } of events) {
        expect(e.startDate.isDate).toBe(true);
        expect(e.endDate.isDate).toBe(true);
        expect(e.startDate.day).toBe(1);
        expect(e.endDate.day).toBe(1);
        expect((e.endDate.month - e.startDate.month + 12) % 12).toBe(1);
      }
      // October of the fiscal year is October of the Gregorian year before it (BE − 544).
      const oct = plan.months[0]!;
      expect(monthStart(oct).toISOString()).toBe(`${plan.fiscalYear - 544}-10-01T00:00:00.000Z`);
      expect(monthStart(plan.months[11]!, 1).toISOString()).toBe(`${plan.fiscalYear - 543}-10-01T00:00:00.000Z`);
    });

    it('names each event in Thai with the BE month in its description, and dates it by the export, not the clock', () => {
      let n = 0;
      const check = (p: Plan['projects'][number], kind: 'activity' | 'pdca', number: number, name: string, mi: number) => {
        const m = plan.months[mi]!;
        const hit = events.find(({ e }) => e.uid === eventUid(model, plan, p, { kind, number }, m));
        expect(hit, `${p.id} ${name} ${m.key}`).toBeDefined();
        expect(hit!.e.summary).toBe(`${name} (${p.name})`);
        expect(hit!.e.description).toContain(`เดือน: ${m.labelLong} (${m.labelShort})`);
        expect(hit!.e.startDate.toString()).toBe(monthStart(m).toISOString().slice(0, 10));
        n++;
      };
      for (const p of plan.projects) {
        p.activities.forEach((a, i) => a.monthIndexes.forEach((mi) => check(p, 'activity', i + 1, a.name, mi)));
        p.pdca.forEach((s, i) => s.month && check(p, 'pdca', i + 1, pdcaStepText(s), s.month.index));
      }
      expect(n).toBe(events.length);
      for (const { v } of events) expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2024-10-15T03:04:06Z');
    });

    it('keeps UIDs stable and unique, shared by the plan and project calendars', () => {
      const uids = events.map(({ e }) => e.uid);
      expect(new Set(uids).size).toBe(uids.length);
      const later = parse(renderPlanCalendar(model, plan, { date: new Date(Date.UTC(2030, 0, 1)) }));
      expect(later.map(({ e }) => e.uid)).toEqual(uids);
      const perProject = plan.projects.flatMap((p) => parse(renderProjectCalendar(model, plan, p, { date: DATE })).map(({ e }) => e.uid));
      expect(perProject.sort()).toEqual([...uids].sort());
      expect(text(renderPlanCalendar(model, plan, { date: DATE }))).toBe(text(renderPlanCalendar(model, plan, { date: DATE })));
    });

    it('ends every line with CRLF, the last one too (RFC 5545)', () => {
      const raw = text(renderPlanCalendar(model, plan, { date: DATE }));
      expect(raw.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(raw.split('\r\n').slice(0, -1).every((l) => !l.includes('\n'))).toBe(true);
    });

    it('marks a cancelled project\'s events CANCELLED from its cancelling report\'s month, and no others', () => {
      const cancelled = plan.projects.filter((p) => cancelledSince(p) !== undefined);
      for (const { v, e } of events) {
        const p = plan.projects.find((x) => e.uid.startsWith(`${plan.id}-${x.id}-`))!;
        const month = plan.months.find((m) => monthStart(m).toISOString().slice(0, 10) === e.startDate.toString())!;
        const since = cancelledSince(p);
        expect(v.getFirstPropertyValue('status'), `${p.id} ${month.key}`).toBe(since !== undefined && month.index >= since ? 'CANCELLED' : null);
      }
      if (plan.reports.length > 0) {
        // the demo's dashboard, cancelled in the April report and still in every later one
        expect(cancelled.map((p) => [p.id, plan.months[cancelledSince(p)!]!.key])).toEqual([['dashboard', '2567-04']]);
        expect(events.some(({ v }) => v.getFirstPropertyValue('status') === 'CANCELLED')).toBe(true);
      } else expect(cancelled).toEqual([]);
    });

    it('writes no calendar, and links none, for a project with nothing scheduled', async () => {
      const edited = structuredClone(model);
      const p = edited.plans.at(-1)!.projects[0]!;
      p.activities = [];
      p.pdca = p.pdca.map((s) => ({ ...s, month: undefined }));
      p.activeMonthIndexes = [];
      const calendars = dataKinds.find((k) => k.name === 'ics')!;
      const paths_ = calendars.jobs(edited).map((j) => j.path);
      const ep = edited.plans.at(-1)!;
      expect(paths_).not.toContain(paths.projectCalendar(ep, p));
      for (const q of ep.projects.filter((x) => x.activeMonthIndexes.length > 0)) expect(paths_).toContain(paths.projectCalendar(ep, q));
      expect(paths_.length).toBeGreaterThan(1);
      expect(paths_).toContain(paths.planCalendar(ep));
      const links = (await projectDownloads(edited, ep, p)).map((d) => d.path);
      expect(links).not.toContain(paths.projectCalendar(ep, p));
      expect(links).toContain(paths.dataWorkbook(ep));
    });

    it('links each event to its project page when site.url is known', () => {
      const base = model.organisation.siteUrl;
      for (const { v, e } of events) {
        const url = v.getFirstPropertyValue('url');
        if (!base) expect(url).toBeNull();
        else {
          const p = plan.projects.find((x) => e.summary.endsWith(`(${x.name})`))!;
          expect(url).toBe(new URL(paths.project(plan, p), base).href);
        }
      }
    });
  });
});

describe('output kinds', () => {
  const model = SETS[1]!.model;
  const plan = model.plans[0]!;
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const build = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exports-'));
    dirs.push(dir);
    await runKinds(dataKinds, model, dir);
    return dir;
  };

  it('write every file at its path, the same bytes twice, the sizes the pages show', async () => {
    const a = await build();
    await new Promise((r) => setTimeout(r, 2100)); // a zip entry dated "now" would differ by now
    const b = await build();
    const files = dataKinds.flatMap((k) => k.jobs(model).map((j) => j.path));
    expect(files).toContain(paths.dataWorkbook(plan));
    expect(files).toContain(paths.projectCalendar(plan, plan.projects[0]!));
    expect(files.filter((f) => f.endsWith('.csv')).length).toBe(6);
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    const shown = [...(await planDownloads(model, plan)), ...(await projectDownloads(model, plan, plan.projects[0]!))];
    expect(shown.length).toBe(1 + 6 + 2 + 1 + 3);
    for (const d of shown) expect(d.bytes, d.path).toBe(statSync(join(a, d.path)).size);
    const thai = formatter({ display: { digits: 'thai', headingDigits: 'thai', pageNumberDigits: 'thai' } });
    expect([sizeText(512, thai), sizeText(32254, thai), sizeText(3 * 1024 * 1024, thai)]).toEqual(['๕๑๒ ไบต์', '๓๑.๕ KB', '๓.๐ MB']);
  });

  it('shows the sizes of the files a build wrote before its pages (PLAN_DATA_DIR), without rendering them', async () => {
    const dir = await build();
    // A file that is not what the kind renders: its size can only come from the file itself.
    writeFileSync(join(dir, paths.dataWorkbook(plan)), 'seven b');
    process.env.PLAN_DATA_DIR = dir;
    try {
      const shown = await planDownloads(model, plan);
      expect(shown.find((d) => d.path === paths.dataWorkbook(plan))!.bytes).toBe(7);
      for (const d of shown) expect(d.bytes, d.path).toBe(statSync(join(dir, d.path)).size);
    } finally {
      delete process.env.PLAN_DATA_DIR;
    }
  });

  it('re-dates a zip whatever its entries said', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'ก', { date: new Date(Date.UTC(2001, 0, 1)) });
    const out = await JSZip.loadAsync(await redate(await zip.generateAsync({ type: 'uint8array' }), DATE));
    expect(out.file('a.txt')!.date.getTime()).toBe(Math.floor(DATE.getTime() / 2000) * 2000);
    expect(columnLetter(1) + columnLetter(26) + columnLetter(27) + columnLetter(703)).toBe('AZAAAAA');
  });
});

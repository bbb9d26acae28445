// The workbook as LibreOffice Calc reads it (Debian libreoffice-calc, `soffice --headless --convert-to csv`,
// every sheet): each cell of each sheet against the model's tables, and the total row recomputed by Calc
// from the budget cells, also after a budget is changed and the cached total left stale. Fails when soffice
// is missing: this is the evidence that the file opens in the spreadsheet the agency has.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { dataTables, type DataTable } from '../src/exports/tables.ts';
import { renderWorkbook } from '../src/exports/workbook.ts';
import type { Model } from '../src/model/index.ts';
import { loadPlans } from '../src/pipeline.ts';
import { LABELS } from '../src/views/labels.ts';
import { parseCsv } from './helpers/csv.ts';
import { ROOT } from './helpers/content-copy.ts';

const work = mkdtempSync(join(tmpdir(), 'exports-lo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A profile of its own (no clash with another soffice), set to recalculate OOXML formulas on load:
// headless Calc otherwise keeps the cached results and the recomputation would go unchecked.
const profile = join(work, 'profile');
mkdirSync(join(profile, 'user'), { recursive: true });
writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);

/** Every sheet of each file as CSV (UTF-8, raw values not as shown), read back: file → sheet → rows. */
function calcSheets(files: string[], out: string): Map<string, Map<string, string[][]>> {
  try {
    execFileSync('soffice', ['--version'], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`soffice (Debian libreoffice-calc) is needed for this test: apt-get install libreoffice-calc (${(e as Error).message})`);
  }
  // Filter tokens: comma, double quote, UTF-8, from line 1, …, token 12 = -1: every sheet to its own file.
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, ...files], { stdio: 'pipe', timeout: 120_000 });
  const result = new Map<string, Map<string, string[][]>>();
  for (const f of files) {
    const base = f.slice(f.lastIndexOf('/') + 1).replace(/\.xlsx$/, '');
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(out).filter((n) => n.startsWith(`${base}-`) && n.endsWith('.csv'))) {
      sheets.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(join(out, name), 'utf8')));
    }
    result.set(base, sheets);
  }
  return result;
}

const load = (dir: string): Model => loadPlans(join(ROOT, dir), ROOT).model!;

/** Calc's text of one value: numbers compared as numbers, text as written (line breaks kept), empty for none. */
function expectRow(calc: string[] | undefined, row: DataTable['rows'][number], where: string): void {
  expect(calc, where).toBeDefined();
  row.forEach((v, j) => {
    const got = calc![j] ?? '';
    if (v === undefined) expect(got, `${where} col ${j + 1}`).toBe('');
    else if (typeof v === 'number') expect(Number(got), `${where} col ${j + 1}: ${got}`).toBeCloseTo(v, 2);
    else expect(got, `${where} col ${j + 1}`).toBe(v);
  });
}

describe.each(['content', 'examples/demo'])('the workbook of %s in LibreOffice Calc', async (dir) => {
  const model = load(dir);
  const plan = model.plans.at(-1)!;
  const tables = dataTables(plan, model.organisation);
  const out = join(work, dir.replace(/\W/g, '-'));
  mkdirSync(out, { recursive: true });
  const book = join(out, 'book.xlsx');
  writeFileSync(book, await renderWorkbook(model, plan));
  // The same workbook with the first budget raised by 1,000 and the cached total left as it was.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('แผนปฏิบัติการ')!;
  ws.getCell('H2').value = plan.projects[0]!.budget + 1000;
  wb.calcProperties = { fullCalcOnLoad: true };
  const edited = join(out, 'edited.xlsx');
  writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
  const calc = calcSheets([book, edited], out);
  const sheets = calc.get('book')!;

  it('opens with every sheet by its Thai name', () => {
    expect([...sheets.keys()].sort()).toEqual(tables.map((t) => t.title).sort());
  });

  it.each(tables.map((t) => [t.title, t] as const))('%s: the header and every cell as the model has it', (_title, t) => {
    const rows = sheets.get(t.title)!;
    expect(rows[0]).toEqual(t.columns.map((c) => c.header));
    t.rows.forEach((r, i) => expectRow(rows[i + 1], r, `${t.title} row ${i + 2}`));
  });

  it('recomputes the total row from the budget cells', () => {
    const total = (rows: string[][]) => rows.find((r) => r[0] === LABELS.grandTotal)!;
    const at = tables[0]!.columns.findIndex((c) => c.type === 'money');
    expect(Number(total(sheets.get('แผนปฏิบัติการ')!)[at])).toBeCloseTo(plan.totals.budget, 2);
    expect(Number(total(calc.get('edited')!.get('แผนปฏิบัติการ')!)[at])).toBeCloseTo(plan.totals.budget + 1000, 2);
    const pr = sheets.get('งบประมาณตามระดับความสำคัญ')!;
    expect(Number(pr.find((r) => r[0] === LABELS.total)![1])).toBeCloseTo(plan.totals.budget, 2);
  });
});

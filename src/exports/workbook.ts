// The workbook for the budget office: one sheet a table of tables.ts, Thai sheet names and headers, the
// header row and the columns naming a row frozen, the header filtered, wrapped text, widths, budgets as
// numbers in a thousands format, and the total row as a SUM formula (its value cached, so a reader that
// does not recalculate sees it too; fullCalcOnLoad asks Excel to recalculate on opening).
// exceljs writes the zip through JSZip with every entry dated "now": the entries are re-dated to the
// export date, so the same plan gives the same bytes.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Model, Plan } from '../model/index.ts';
import { LABELS } from '../views/labels.ts';
import { exportDate } from './date.ts';
import { carriable } from './text.ts';
import { dataTables, type Column, type DataTable } from './tables.ts';

/** The product's font (the site and the PDFs use it); Excel substitutes its Thai font where it is missing. */
const FONT = { name: 'Sarabun', size: 11 } as const;
const HEADER_FILL = 'FFDCE6F1';
const TOTAL_FILL = 'FFF2F2F2';

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function numFmt(c: Column, t: DataTable): string | undefined {
  if (c.type === 'integer') return '0';
  if (c.type !== 'money') return undefined;
  // Whole baht in a thousands format; satang shown only where the column has them.
  const i = t.columns.indexOf(c);
  return t.rows.every((r) => r[i] === undefined || Number.isInteger(r[i])) ? '#,##0' : '#,##0.00';
}

/** Points a wrapped line of 11 pt Sarabun takes. */
const LINE_PT = 15;
/** Thai marks above and below a base letter take no width of their own. */
const MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/**
 * A row height that shows every wrapped line: a row without one opened in LibreOffice as a single line
 * with the rest cut off, so the lines are estimated here, a letter (marks not counted) taking about one
 * width unit (the '0' that column widths are measured in), as LibreOffice sets Sarabun.
 */
function rowHeight(values: Array<string | number | null | undefined>, widths: number[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const perLine = Math.max(1, widths[i]! - 1);
    const n = v.split('\n').reduce((a, l) => a + Math.max(1, Math.ceil(l.replace(MARKS, '').length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return lines * LINE_PT + 3;
}

function addSheet(wb: ExcelJS.Workbook, t: DataTable, legend?: { title: string; lines: string[] }): void {
  const ws = wb.addWorksheet(t.title, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: t.key }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const top = { vertical: 'top', wrapText: true } as const;
  ws.columns = t.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: { font: FONT, alignment: { ...top, horizontal: c.center ? 'center' : c.type === 'text' ? 'left' : 'right' }, ...(numFmt(c, t) ? { numFmt: numFmt(c, t) } : {}) },
  }));
  const widths = t.columns.map((c) => c.width);
  const header = ws.addRow(t.columns.map((c) => carriable(c.header)));
  header.height = rowHeight(t.columns.map((c) => c.header), widths);
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const r of t.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? carriable(v) : v ?? null))).height = rowHeight(r, widths);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + t.rows.length, column: t.columns.length } };
  if (t.total) {
    const at = t.columns.findIndex((c) => c.key === t.total!.sum) + 1;
    const letter = columnLetter(at);
    const row = ws.addRow([]);
    row.getCell(1).value = carriable(t.total.label);
    row.getCell(at).value = { formula: `SUM(${letter}2:${letter}${1 + t.rows.length})`, result: t.total.value };
    if (at > 2) ws.mergeCells(row.number, 1, row.number, at - 1);
    // The book's total row: the amount in words after the figure.
    if (t.total.words) {
      row.getCell(at + 1).value = carriable(t.total.words);
      if (at + 1 < t.columns.length) ws.mergeCells(row.number, at + 1, row.number, t.columns.length);
    }
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...FONT, bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TOTAL_FILL } };
      cell.border = { top: { style: 'thin' } };
    });
    row.getCell(1).alignment = { horizontal: 'right', vertical: 'top' };
  }
  if (legend) {
    ws.addRow([]);
    ws.addRow([legend.title]).getCell(1).font = { ...FONT, bold: true };
    for (const line of legend.lines) ws.addRow([carriable(line)]).getCell(1).alignment = { wrapText: false };
  }
}

/** plan-<year>.xlsx */
export async function renderWorkbook(model: Model, plan: Plan, opts: { date?: Date } = {}): Promise<Uint8Array> {
  const date = exportDate(plan, opts.date);
  const wb = new ExcelJS.Workbook();
  const org = carriable(model.organisation.name);
  wb.creator = org;
  wb.lastModifiedBy = org;
  wb.company = org;
  wb.title = carriable(plan.title);
  wb.subject = `ตารางแผนปฏิบัติการ งบประมาณ กำหนดการ และตัวชี้วัด ${plan.yearKind} ${plan.fiscalYear}`;
  wb.created = date;
  wb.modified = date;
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const t of dataTables(plan, model.organisation)) {
    const legend = t.id === 'action-plan' ? { title: LABELS.legend, lines: plan.priorities.map((p) => `${p.marks} ${p.label}`) } : undefined;
    addSheet(wb, t, legend);
  }
  // Deflated by exceljs: re-dating keeps the compressed entries as they are (measured: half the time of
  // storing them and deflating in the second pass).
  return redate(new Uint8Array(await wb.xlsx.writeBuffer()), date);
}

/** The same zip with every entry dated `date` (exceljs leaves them at the time of writing). */
export async function redate(zipBytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(zipBytes);
  zip.forEach((_path, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

// One CSV file a table of tables.ts, for open-data portals: UTF-8 with a byte-order mark (Excel on Windows
// then reads Thai as Thai), RFC 4180 (CRLF line ends; a field with a comma, quote or line break quoted,
// quotes doubled), the Thai header row, numbers without thousands separators. No total row: a portal sums
// the column itself, and a total among the rows would be counted twice.
import type { DataTable, Value } from './tables.ts';

const BOM = '\ufeff';

/** One field: quoted when it holds a comma, a double quote, CR or LF. Text that a spreadsheet would take
 *  for a formula (= + - @ or a tab first) gets an apostrophe before it, so opening the file runs nothing. */
export function csvField(v: Value): string {
  if (v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvText(t: DataTable): string {
  const rows = [t.columns.map((c) => c.header), ...t.rows];
  return BOM + rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

export function renderCsv(t: DataTable): Uint8Array {
  return new TextEncoder().encode(csvText(t));
}

// The data exports of hostile content (tests/helpers/hostile.ts: markup, entities, bidi and zero-width marks,
// emoji, 10,000-character texts) plus control characters: every file is still whole and reads back with the
// author's words as text (control characters dropped where the format cannot carry them), the CSV runs
// nothing as a formula. The schema refuses control characters in the content; the exports drop them as a
// last line, so here they are put into the loaded model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { csvText } from '../src/exports/csv.ts';
import { renderPlanCalendar } from '../src/exports/ics.ts';
import { renderPlanJson, renderPlanSchema } from '../src/exports/json.ts';
import { dataTables } from '../src/exports/tables.ts';
import { carriable } from '../src/exports/text.ts';
import { renderWorkbook } from '../src/exports/workbook.ts';
import { writeContentFile } from '../src/loader/write.ts';
import { loadPlans } from '../src/pipeline.ts';
import { HOSTILE, hostileContent } from './helpers/hostile.ts';
import { parseCsv } from './helpers/csv.ts';

const c = hostileContent();
afterAll(() => c.cleanup());
// A formula at the start of one project's name; a bell, a NUL and an escape in another's.
const edit = (id: string, name: (n: string) => string) => {
  const f = join(c.content, `plans/2561/projects/${id}.yaml`);
  const d = parse(readFileSync(f, 'utf8')) as { name: string };
  writeContentFile(f, { ...d, name: name(d.name) });
};
edit('infographics', (n) => `=HYPERLINK("http://x","y") ${n}`);
edit('debtor-data', (n) => `ระบบ\u0007ป้องกัน\u0000ไวรัส\u001b ${n}`);
const refused = loadPlans(c.content, c.root).diagnostics.filter((d) => d.severity === 'error');
edit('debtor-data', (n) => n.replace(/[\u0000\u0007\u001b]/g, ''));
const { model, diagnostics } = loadPlans(c.content, c.root);
const debtor = model?.plans[0]!.projects.find((p) => p.id === 'debtor-data');
if (debtor) debtor.name = debtor.name.replace('ระบบป้องกันไวรัส', 'ระบบ\u0007ป้องกัน\u0000ไวรัส\u001b');
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('exports of hostile content', () => {
  it('refuses control characters in the content, loads the rest (valid, only hostile)', () => {
    expect(refused.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'content/plans/2561/projects/debtor-data.yaml: ข้อความมีอักขระควบคุม (U+0007) ซึ่งมองไม่เห็นและทำให้ไฟล์ที่ส่งออก (เช่น Excel) เปิดไม่ได้ อยู่หลัง "ระบบ": ลบอักขระควบคุม (U+0007) ออก',
    ]);
    expect(model, diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('\n')).toBeDefined();
    expect(debtor!.name).toMatch(/\u0007/);
  });

  it('writes a workbook that reads back with every text as the author wrote it, less control characters', async () => {
    const plan = model!.plans[0]!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderWorkbook(model!, plan)) as unknown as ArrayBuffer);
    for (const t of dataTables(plan, model!.organisation)) {
      const ws = wb.getWorksheet(t.title)!;
      t.rows.forEach((r, i) => r.forEach((v, j) => {
        if (typeof v === 'string') expect(ws.getCell(i + 2, j + 1).value).toBe(carriable(v));
      }));
    }
    const names = (wb.getWorksheet('แผนปฏิบัติการ')!.getColumn(2).values as unknown[]).join('\n');
    expect(names).toContain(HOSTILE[0]);
    expect(names).toContain('ระบบป้องกันไวรัส');
  });

  it('keeps the JSON valid against its schema, control characters escaped', () => {
    const plan = model!.plans[0]!;
    const json = JSON.parse(text(renderPlanJson(model!, plan)));
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(text(renderPlanSchema())));
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(json.projects.map((p: { name: string }) => p.name)).toEqual(plan.projects.map((p) => p.name));
  });

  it('writes calendars that parse, summaries without control characters', () => {
    const plan = model!.plans[0]!;
    const events = new ICAL.Component(ICAL.parse(text(renderPlanCalendar(model!, plan)))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.summary).toBe(carriable(e.summary));
    expect(events.some((e) => e.summary.includes('ระบบป้องกันไวรัส'))).toBe(true);
    expect(events.some((e) => e.summary.includes(HOSTILE[0]) || e.description.includes(HOSTILE[0]) || e.description.includes('<'))).toBe(true);
  });

  it('writes CSV in which no field starts a formula', () => {
    const plan = model!.plans[0]!;
    const fields = dataTables(plan, model!.organisation).flatMap((t) => parseCsv(csvText(t).slice(1)).flat());
    expect(fields.some((f) => f.startsWith("'=HYPERLINK"))).toBe(true);
    expect(fields.filter((f) => /^[=+@]/.test(f))).toEqual([]);
  });
});

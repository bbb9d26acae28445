// The project card (1080×1350): budget, period, owner, status or plan, schedule grid, KPIs.
import { col, h, row, type El } from '../../src/infographics/h.ts';
import type { Common, ProjectData, Template } from '../../src/infographics/types.ts';
import { NOT_SPECIFIED, type FiscalMonth } from '../../src/model/types.ts';
import { LABELS, strategyShort } from '../../src/views/labels.ts';
import { SHEET_SECTIONS } from '../../src/views/sections.ts';
import { sectionTitle } from './overview.ts';
import { badge, bar, footer, frame, headingDigits, logo, priorityDots, text } from './parts.ts';
import { type } from './theme.ts';

const W = 1080;
const H = 1350;
const PAD = 56;
const LEVELS = [
  { nameLines: 3, rows: 10, rowLines: 2, kpis: 4, kpiLines: 2, results: 3 },
  { nameLines: 3, rows: 8, rowLines: 2, kpis: 3, kpiLines: 1, results: 2 },
  { nameLines: 3, rows: 8, rowLines: 1, kpis: 3, kpiLines: 1, results: 1 },
  { nameLines: 2, rows: 6, rowLines: 1, kpis: 3, kpiLines: 1, results: 0 },
  { nameLines: 2, rows: 5, rowLines: 1, kpis: 2, kpiLines: 1, results: 0 },
  { nameLines: 2, rows: 4, rowLines: 1, kpis: 1, kpiLines: 1, results: 0 },
  { nameLines: 1, rows: 3, rowLines: 1, kpis: 1, kpiLines: 1, results: 0 },
] as const;

interface GridRow { label: string; months: number[] }

export const projectTemplate: Template<ProjectData> = {
  width: W,
  height: H,
  fitLevels: LEVELS.length,
  render(d, c, fit) {
    const lv = LEVELS[Math.min(fit, LEVELS.length - 1)]!;
    const t = c.theme;
    const p = d.project;
    const pr = d.status.progress;
    const rows: GridRow[] = p.schedule === 'pdca'
      ? p.pdca.map((s) => ({ label: `${s.label}${s.activities.length ? `: ${s.activities.join(', ')}` : ''}`, months: s.month ? [s.month.index] : [] }))
      : p.activities.map((a) => ({ label: a.name, months: a.monthIndexes }));
    const shownRows = rows.slice(0, lv.rows);
    const strategy = p.strategies.map(strategyShort).join(', ') || NOT_SPECIFIED;
    return frame(c, W, H,
      headingDigits(c, col({ backgroundColor: t.primary, color: t.onPrimary, paddingLeft: PAD, paddingRight: PAD, paddingTop: 34, paddingBottom: 28, gap: 6 },
        row({ gap: 24, alignItems: 'flex-start' },
          col({ flex: 1, minWidth: 0 },
            text(`${d.plan.title} · โครงการที่ ${p.order}`, { fontSize: type.small, opacity: 0.85 }, 1),
            text(p.name, { fontSize: 44, fontWeight: 700, lineHeight: 1.4 }, lv.nameLines)),
          logo(c, 110)),
        row({ gap: 14, alignItems: 'center', marginTop: 6 },
          priorityDots(t, p.priority.stars, 16, true),
          text(`${p.priority.label} · ${strategy}`, { flex: 1, minWidth: 0, fontSize: type.small }, 1)))),

      row({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 24, gap: 16 },
        fact(c, 'งบประมาณ (แผน)', c.fmt.baht(p.budget), p.budgetWords ? `(${p.budgetWords})` : ''),
        fact(c, 'ระยะเวลา', p.period.label || NOT_SPECIFIED, ''),
        fact(c, 'ผู้รับผิดชอบ', p.owner.name, '')),

      // Status: latest report, or the plan
      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 10 },
        sectionTitle(c, d.status.report ? `ผลการดำเนินงานตาม${d.status.report.label}` : 'ผลการดำเนินงาน'),
        pr
          ? col({ gap: 10 },
              row({ gap: 16, alignItems: 'center' },
                text('ความก้าวหน้า', { width: 190, flexShrink: 0, fontSize: type.small }, 1),
                bar(t, (pr.percent ?? 0) / 100, t.primary, 22),
                text(pr.percent !== undefined ? `ร้อยละ ${c.fmt.num(pr.percent)}` : NOT_SPECIFIED, { width: 150, flexShrink: 0, textAlign: 'right', fontSize: type.small, fontWeight: 700 }, 1),
                badge(t, pr)),
              row({ gap: 16, alignItems: 'center' },
                text('เบิกจ่ายสะสม', { width: 190, flexShrink: 0, fontSize: type.small }, 1),
                bar(t, (pr.spent ?? 0) / Math.max(1, p.budget), t.accent, 22),
                text(pr.spent !== undefined ? c.fmt.baht(pr.spent) : NOT_SPECIFIED, { width: 260, flexShrink: 0, textAlign: 'right', fontSize: type.small, fontWeight: 700 }, 1)),
              pr.note ? text(`หมายเหตุ: ${pr.note}`, { fontSize: type.tiny, color: t.muted }, 2) : null)
          : row({ backgroundColor: t.panel, borderRadius: 12, paddingLeft: 20, paddingRight: 20, paddingTop: 10, paddingBottom: 10, gap: 14, alignItems: 'center' },
              badge(t, undefined),
              text('ยังไม่มีรายงานผลการดำเนินงาน: แสดงกำหนดการและงบประมาณตามแผน', { flex: 1, minWidth: 0, fontSize: type.small }, 2))),

      // Schedule grid
      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 6 },
        sectionTitle(c, p.schedule === 'pdca' ? 'ขั้นตอนดำเนินงาน (PDCA) ตามแผน' : 'กิจกรรมและกำหนดการตามแผน'),
        grid(c, d.plan.months, shownRows, lv.rowLines),
        rows.length > shownRows.length ? text(`และอีก ${c.fmt.num(rows.length - shownRows.length)} กิจกรรม`, { fontSize: type.tiny, color: t.muted, fontWeight: 600 }, 1) : null,
        rows.length === 0 ? text(`กิจกรรม: ${NOT_SPECIFIED}`, { fontSize: type.small, color: t.muted }, 1) : null,
        p.schedule === 'none' && rows.length > 0 ? text(`เดือนดำเนินงาน: ${NOT_SPECIFIED} (แหล่งข้อมูลไม่ระบุ)`, { fontSize: type.tiny, color: t.muted }, 1) : null),

      // KPIs
      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 6 },
        sectionTitle(c, SHEET_SECTIONS.find((x) => x.key === 'kpis')!.title),
        p.kpis.length === 0 ? text(NOT_SPECIFIED, { fontSize: type.small, color: t.muted }, 1) : null,
        p.kpis.slice(0, lv.kpis).map((k) => {
          const actual = pr?.kpis.find((a) => a.kpi.id === k.id)?.actual;
          return row({ gap: 12, alignItems: 'flex-start' },
            h('div', { style: { width: 10, height: 10, borderRadius: 5, backgroundColor: t.accent, marginTop: 14, flexShrink: 0 } }),
            text(k.text, { flex: 1, minWidth: 0, fontSize: type.small }, lv.kpiLines),
            actual !== undefined ? text(`ผล ${c.fmt.num(actual)}`, { flexShrink: 0, fontSize: type.small, fontWeight: 700, color: t.primary }, 1) : null);
        }),
        p.kpis.length > lv.kpis ? text(`และอีก ${c.fmt.num(p.kpis.length - lv.kpis)} ตัวชี้วัด`, { fontSize: type.tiny, color: t.muted }, 1) : null),

      lv.results > 0 && p.expectedResults.length > 0
        ? col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 6 },
            sectionTitle(c, LABELS.expectedResults),
            p.expectedResults.slice(0, lv.results).map((r) => row({ gap: 12, alignItems: 'flex-start' },
              h('div', { style: { width: 10, height: 10, borderRadius: 5, backgroundColor: t.primary, marginTop: 14, flexShrink: 0 } }),
              text(r, { flex: 1, minWidth: 0, fontSize: type.small }, 2))),
            p.expectedResults.length > lv.results ? text(`และอีก ${c.fmt.num(p.expectedResults.length - lv.results)} ข้อ`, { fontSize: type.tiny, color: t.muted }, 1) : null)
        : null,

      h('div', { style: { flexGrow: 1 } }),
      footer(c, d.plan, p.missingSections.length ? `${d.note} · ส่วนที่แหล่งข้อมูลไม่ระบุ: ${p.missingSections.join(', ')}` : d.note, PAD));
  },
};

function fact(c: Common, label: string, value: string, sub: string): El {
  return col({ flex: 1, minWidth: 0, backgroundColor: c.theme.panel, borderRadius: 14, paddingLeft: 18, paddingRight: 18, paddingTop: 10, paddingBottom: 12 },
    text(label, { fontSize: type.tiny, color: c.theme.muted }, 1),
    // A long value (a unit's full name) is set smaller so it fits its two lines whole, without an ellipsis.
    text(value, { fontSize: [...value].length > 18 ? type.small : type.body, fontWeight: 700, color: c.theme.primary }, 2),
    sub ? text(sub, { fontSize: type.tiny, color: c.theme.muted }, 2) : null);
}

function grid(c: Common, months: FiscalMonth[], rows: GridRow[], lines: number): El {
  const t = c.theme;
  const label = 430;
  return col({ gap: 4 },
    row({ gap: 3 },
      h('div', { style: { width: label, flexShrink: 0 } }),
      months.map((m) => text(m.name, { flex: 1, minWidth: 0, textAlign: 'center', fontSize: 17, color: t.muted }, 1))),
    rows.map((r) => row({ gap: 3, alignItems: 'center' },
      text(r.label, { width: label, flexShrink: 0, fontSize: type.tiny, paddingRight: 10, lineHeight: 1.45 }, lines),
      months.map((m) => h('div', { style: { flex: 1, height: 22, borderRadius: 4, backgroundColor: r.months.includes(m.index) ? t.primary : t.panel } })))));
}

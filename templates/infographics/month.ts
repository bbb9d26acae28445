// The monthly card (1080×1350): what happens in the plan this fiscal month.
import { col, h, row, type El } from '../../src/infographics/h.ts';
import { truncate } from '../../src/infographics/text.ts';
import type { Common, MonthData, MonthProject, Template } from '../../src/infographics/types.ts';
import { badge, bar, footer, frame, logo, priorityDots, text, yearStrip } from './parts.ts';
import { type } from './theme.ts';

const W = 1080;
const H = 1350;
const PAD = 56;

/** Detail levels, most first: how many projects, activity lines per project, activity lines in all. */
const LEVELS = [
  { projects: 4, perProject: 4, total: 12, nameLines: 2, budgetRows: 6, compact: 4, figLines: 2 },
  { projects: 3, perProject: 4, total: 10, nameLines: 2, budgetRows: 4, compact: 5, figLines: 2 },
  { projects: 3, perProject: 3, total: 7, nameLines: 2, budgetRows: 3, compact: 5, figLines: 2 },
  { projects: 3, perProject: 2, total: 5, nameLines: 2, budgetRows: 2, compact: 4, figLines: 2 },
  { projects: 2, perProject: 3, total: 5, nameLines: 1, budgetRows: 0, compact: 4, figLines: 2 },
  { projects: 2, perProject: 2, total: 4, nameLines: 1, budgetRows: 0, compact: 3, figLines: 1 },
  { projects: 2, perProject: 1, total: 2, nameLines: 1, budgetRows: 0, compact: 2, figLines: 1 },
  { projects: 1, perProject: 1, total: 1, nameLines: 1, budgetRows: 0, compact: 1, figLines: 1 },
  { projects: 1, perProject: 1, total: 1, nameLines: 1, budgetRows: 0, compact: 0, figLines: 1 },
] as const;

export const monthTemplate: Template<MonthData> = {
  width: W,
  height: H,
  fitLevels: LEVELS.length,
  render(d, c, fit) {
    const level = LEVELS[Math.min(fit, LEVELS.length - 1)]!;
    const t = c.theme;
    const reported = d.projects.some((p) => p.progress) || d.reports.length > 0;
    const note = reported
      ? `ข้อมูลผลการดำเนินงานตามรายงานล่าสุด ณ ${d.month.labelLong}; ส่วนที่ไม่มีรายงานแสดงตามแผน`
      : 'ข้อมูลตามแผน (แผน): ยังไม่มีรายงานผลการดำเนินงานสำหรับเดือนนี้';

    // Activity lines: PDCA steps first (label + activities), then Gantt activities; capped per project and overall.
    let budget = level.total;
    const shown = d.projects.slice(0, level.projects).map((mp) => {
      const lines = [
        ...mp.pdca.flatMap((s) => s.activities.length ? s.activities.map((a) => ({ chip: s.label, text: a })) : [{ chip: s.label, text: s.label }]),
        ...mp.activities.map((a) => ({ chip: undefined as string | undefined, text: a })),
      ];
      const take = Math.max(0, Math.min(level.perProject, budget, lines.length));
      budget -= take;
      return { mp, lines: lines.slice(0, take), hidden: lines.length - take };
    });
    const compact = d.projects.slice(shown.length, shown.length + level.compact);
    const hiddenProjects = d.projects.length - shown.length - compact.length;

    const spentTotal = d.spentToDate;
    const budgetActive = d.projects.reduce((a, p) => a + p.project.budget, 0);

    return frame(c, W, H,
      // Header
      col({ backgroundColor: t.primary, color: t.onPrimary, paddingLeft: PAD, paddingRight: PAD, paddingTop: 34, paddingBottom: 24, gap: 12 },
        row({ gap: 24, alignItems: 'flex-start' },
          col({ flex: 1, minWidth: 0 },
            text(c.organisation.name, { fontSize: type.small, opacity: 0.85 }, 1),
            text(d.plan.title, { fontSize: type.body, fontWeight: 600 }, 1),
            text(c.heading(d.month.labelLong), { fontSize: 72, fontWeight: 700, lineHeight: 1.35, marginTop: 2 }, 1),
            text(`${d.plan.yearKind} ${c.heading(String(d.plan.fiscalYear))} · ${c.heading(d.plan.quarters[d.month.quarter - 1]?.label ?? '')}`, { fontSize: type.small, opacity: 0.9 }, 1)),
          logo(c, 120)),
        yearStrip(t, d.plan.months, { current: d.month.index, counts: d.activeCounts, onDark: true, cellHeight: 56 })),

      // Summary tiles
      row({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 18 },
        tile(c, 'โครงการที่ดำเนินการเดือนนี้', `${c.num(d.projects.length)} โครงการ`, `จาก ${c.num(d.plan.projects.length)} โครงการในแผน`),
        tile(c, 'งบโครงการเดือนนี้ (แผน)', c.baht(budgetActive), `ทั้งแผน ${c.baht(d.plan.totals.budget)}`),
        spentTotal !== undefined
          ? tile(c, `เบิกจ่ายสะสม ณ ${d.month.labelShort}`, c.baht(spentTotal), `ร้อยละ ${c.num(Math.round((spentTotal / Math.max(1, d.plan.totals.budget)) * 100))} ของงบทั้งแผน`)
          : tile(c, 'เบิกจ่ายสะสม', 'ยังไม่มีรายงาน', 'แสดงงบประมาณตามแผน')),

      // Projects this month
      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 20, gap: 12 },
        row({ alignItems: 'center', gap: 12 },
          h('div', { style: { width: 10, height: 34, backgroundColor: t.accent, borderRadius: 3 } }),
          text('โครงการและกิจกรรมในเดือนนี้', { fontSize: type.h2, fontWeight: 700, color: t.primary }, 1)),
        d.projects.length === 0
          ? col({ backgroundColor: t.panel, borderRadius: 14, padding: 24, gap: 4 },
              text('เดือนนี้ไม่มีโครงการที่แผนกำหนดให้ดำเนินการ', { fontSize: type.body, fontWeight: 600 }, 2),
              text('(ตามกำหนดการรายเดือนในแผน)', { fontSize: type.small, color: t.muted }, 1))
          : shown.map(({ mp, lines, hidden }) => projectBlock(c, mp, lines, hidden, level.nameLines, d.month.index)),
        compact.length > 0 ? col({ gap: 4, paddingLeft: 22, paddingRight: 22 }, compact.map((mp) => compactRow(c, mp))) : null,
        hiddenProjects > 0 ? text(`และอีก ${c.num(hiddenProjects)} โครงการ`, { fontSize: type.small, fontWeight: 600, color: t.primary }, 1) : null,
        d.unscheduled.length > 0 ? unscheduled(c, d) : null),

      // Key figures published this month
      d.reports.length > 0 ? keyFigures(c, d, level.figLines) : null,

      level.budgetRows > 0 ? budgetChart(c, d, level.budgetRows) : null,

      h('div', { style: { flexGrow: 1 } }),
      footer(c, d.plan, note, PAD));
  },
};

function tile(c: Common, label: string, value: string, sub: string): El {
  return col({ flex: 1, minWidth: 0, backgroundColor: c.theme.panel, borderRadius: 14, paddingLeft: 20, paddingRight: 20, paddingTop: 12, paddingBottom: 12 },
    text(label, { fontSize: type.tiny, color: c.theme.muted }, 1),
    text(value, { fontSize: 32, fontWeight: 700, color: c.theme.primary, lineHeight: 1.4 }, 1),
    text(sub, { fontSize: type.tiny, color: c.theme.muted }, 1));
}

function projectBlock(c: Common, mp: MonthProject, lines: Array<{ chip?: string; text: string }>, hidden: number, nameLines: number, current: number): El {
  const t = c.theme;
  const p = mp.project;
  const pr = mp.progress;
  return col({ borderRadius: 14, border: `2px solid ${t.track}`, paddingLeft: 22, paddingRight: 22, paddingTop: 12, paddingBottom: 14, gap: 6 },
    row({ gap: 16, alignItems: 'flex-start' },
      text(p.name, { flex: 1, minWidth: 0, fontSize: type.body, fontWeight: 700 }, nameLines),
      row({ gap: 10, alignItems: 'center', flexShrink: 0, paddingTop: 4 }, priorityDots(t, p.priority.stars), badge(t, pr))),
    lines.map((l) => row({ gap: 10, alignItems: 'flex-start' },
      l.chip ? text(truncate(l.chip, 28), { flexShrink: 0, fontSize: type.tiny, fontWeight: 600, color: t.primary, backgroundColor: t.panel, borderRadius: 6, paddingLeft: 8, paddingRight: 8, marginTop: 2 }, 1)
        : h('div', { style: { width: 10, height: 10, borderRadius: 5, backgroundColor: t.accent, marginTop: 14, flexShrink: 0 } }),
      text(l.text, { flex: 1, minWidth: 0, fontSize: type.small }, 1))),
    hidden > 0 ? text(`และอีก ${c.num(hidden)} กิจกรรม`, { fontSize: type.tiny, color: t.muted, fontWeight: 600 }, 1) : null,
    pr
      ? row({ gap: 16, alignItems: 'center' },
          text(`ความก้าวหน้า ${pr.percent !== undefined ? `ร้อยละ ${c.num(pr.percent)}` : 'ไม่ระบุ'}`, { fontSize: type.tiny, width: 220, flexShrink: 0 }, 1),
          bar(t, (pr.percent ?? 0) / 100, t.primary, 16),
          text(pr.spent !== undefined ? `เบิกจ่าย ${c.baht(pr.spent)} / ${c.baht(p.budget)}` : `งบ ${c.baht(p.budget)}`, { fontSize: type.tiny, flexShrink: 0, maxWidth: 400 }, 1))
      : row({ gap: 16, alignItems: 'center' },
          text('กำหนดการ (แผน)', { fontSize: type.tiny, color: t.muted, flexShrink: 0 }, 1),
          miniStrip(c, p.activeMonthIndexes, current),
          text(`งบประมาณ (แผน) ${c.baht(p.budget)}`, { fontSize: type.tiny, flexShrink: 0, maxWidth: 420 }, 1)));
}

/** One line per project when the card is full: name, what is due, status or planned budget. */
function compactRow(c: Common, mp: MonthProject): El {
  const t = c.theme;
  const due = mp.pdca.length + mp.activities.length;
  return row({ gap: 14, alignItems: 'center' },
    h('div', { style: { width: 10, height: 10, borderRadius: 5, backgroundColor: t.primary, flexShrink: 0 } }),
    text(mp.project.name, { flex: 1, minWidth: 0, fontSize: type.small, fontWeight: 600 }, 1),
    text(`${c.num(due)} กิจกรรม`, { flexShrink: 0, fontSize: type.tiny, color: t.muted }, 1),
    mp.progress?.percent !== undefined
      ? text(`ร้อยละ ${c.num(mp.progress.percent)}`, { flexShrink: 0, fontSize: type.tiny, fontWeight: 600 }, 1)
      : text(`งบ (แผน) ${c.baht(mp.project.budget)}`, { flexShrink: 0, fontSize: type.tiny, color: t.muted }, 1),
    badge(t, mp.progress, type.tiny));
}

function miniStrip(c: Common, marked: number[], current: number): El {
  const t = c.theme;
  return row({ gap: 3, flex: 1, minWidth: 0, height: 16 }, Array.from({ length: 12 }, (_, i) =>
    h('div', { style: { flex: 1, height: 16, borderRadius: 3,
      backgroundColor: marked.includes(i) ? (i === current ? t.accent : t.primary) : i === current ? t.track : t.panel,
      border: i === current ? `2px solid ${t.accent}` : 'none' } })));
}

function unscheduled(c: Common, d: MonthData): El {
  const t = c.theme;
  const max = 3;
  const names = d.unscheduled.slice(0, max);
  return col({ backgroundColor: t.panel, borderRadius: 14, paddingLeft: 22, paddingRight: 22, paddingTop: 10, paddingBottom: 12, gap: 2 },
    text(`โครงการตลอดปีที่แผนไม่ระบุเดือนดำเนินงาน (${c.num(d.unscheduled.length)})`, { fontSize: type.small, fontWeight: 600, color: t.muted }, 1),
    names.map((p) => row({ gap: 12, alignItems: 'center' },
      text(p.name, { flex: 1, minWidth: 0, fontSize: type.small }, 1),
      text(`งบ (แผน) ${c.baht(p.budget)}`, { fontSize: type.tiny, color: t.muted, flexShrink: 0 }, 1))),
    d.unscheduled.length > max ? text(`และอีก ${c.num(d.unscheduled.length - max)} โครงการ`, { fontSize: type.tiny, color: t.muted }, 1) : null);
}

function keyFigures(c: Common, d: MonthData, labelLines: number): El {
  const t = c.theme;
  const figs = d.reports.flatMap((r) => r.keyFigures).slice(0, 4);
  const more = d.reports.reduce((a, r) => a + r.keyFigures.length, 0) - figs.length;
  return col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 10 },
    row({ alignItems: 'center', gap: 12 },
      h('div', { style: { width: 10, height: 34, backgroundColor: t.accent, borderRadius: 3 } }),
      text(`ตัวเลขสำคัญ · ${d.reports.map((r) => r.label).join(', ')}`, { flex: 1, minWidth: 0, fontSize: type.h2 - 4, fontWeight: 700, color: t.primary }, 1)),
    row({ gap: 14 }, figs.map((f) => col({ flex: 1, minWidth: 0, backgroundColor: t.primary, color: t.onPrimary, borderRadius: 14, paddingLeft: 16, paddingRight: 16, paddingTop: 10, paddingBottom: 12 },
      text(c.num(f.value), { fontSize: c.num(f.value).length > 9 ? 30 : 40, fontWeight: 700, lineHeight: c.num(f.value).length > 9 ? 1.8 : 1.35, height: 54 }, 1),
      text(f.unit ?? '', { fontSize: type.tiny, opacity: 0.9 }, 1),
      text(f.label, { fontSize: type.tiny }, labelLines)))),
    more > 0 ? text(`และอีก ${c.num(more)} ตัวเลข`, { fontSize: type.tiny, color: t.muted }, 1) : null,
    text(`ที่มา: ${d.reports.map((r) => r.source).join('; ')}`, { fontSize: type.tiny, color: t.muted }, 1));
}

/** Budget of every project of the plan (planned), spent to date overlaid where reported; this month's projects
 *  in the primary colour, the others muted. */
function budgetChart(c: Common, d: MonthData, rows: number): El {
  const t = c.theme;
  const active = new Set(d.projects.map((p) => p.project.id));
  const list = [...d.plan.projects].sort((a, b) => Number(active.has(b.id)) - Number(active.has(a.id)) || b.budget - a.budget);
  const shown = list.slice(0, rows);
  const max = Math.max(1, ...list.map((p) => p.budget));
  const spentOf = new Map(d.projects.map((p) => [p.project.id, p.progress?.spent]));
  return col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 8 },
    row({ alignItems: 'center', gap: 12 },
      h('div', { style: { width: 10, height: 34, backgroundColor: t.accent, borderRadius: 3 } }),
      text('งบประมาณรายโครงการ (แผน)', { fontSize: type.h2 - 4, fontWeight: 700, color: t.primary }, 1),
      row({ flex: 1, minWidth: 0, justifyContent: 'flex-end', gap: 16, alignItems: 'center' },
        legend(t.primary, 'ดำเนินการเดือนนี้', c), legend(t.track, 'เดือนอื่น', c),
        d.spentToDate !== undefined ? legend(t.accent, 'เบิกจ่ายแล้ว', c) : null)),
    shown.map((p) => {
      const spent = spentOf.get(p.id) ?? (active.has(p.id) ? undefined : undefined);
      return row({ gap: 14, alignItems: 'center' },
        text(p.name, { width: 400, flexShrink: 0, fontSize: type.tiny, color: active.has(p.id) ? t.ink : t.muted }, 1),
        row({ flex: 1, minWidth: 0, height: 18, position: 'relative' },
          row({ width: `${((p.budget / max) * 100).toFixed(2)}%`, height: 18, borderRadius: 4, backgroundColor: active.has(p.id) ? t.primary : t.track }),
          spent !== undefined ? h('div', { style: { position: 'absolute', left: 0, top: 4, height: 10, borderRadius: 3, backgroundColor: t.accent,
            width: `${((Math.min(spent, p.budget) / max) * 100).toFixed(2)}%` } }) : null),
        text(c.baht(p.budget), { width: 150, flexShrink: 0, textAlign: 'right', fontSize: type.tiny }, 1));
    }),
    list.length > shown.length ? text(`และอีก ${c.num(list.length - shown.length)} โครงการ`, { fontSize: type.tiny, color: t.muted }, 1) : null);
}

function legend(color: string, label: string, c: Common): El {
  return row({ gap: 6, alignItems: 'center', flexShrink: 0 },
    h('div', { style: { width: 14, height: 14, borderRadius: 3, backgroundColor: color } }),
    text(label, { fontSize: type.tiny, color: c.theme.muted }, 1));
}

// The monthly card (1080×1350): what happens in the plan this fiscal month.
import { col, h, row, type El } from '../../src/infographics/h.ts';
import { truncate } from '../../src/infographics/text.ts';
import type { Common, MonthData, MonthProject, Template } from '../../src/infographics/types.ts';
import type { ProjectStatus } from '../../src/views/progress.ts';
import { badge, bar, footer, frame, headingDigits, logo, priorityDots, text, yearStrip } from './parts.ts';
import { type } from './theme.ts';

const W = 1080;
const H = 1350;
const PAD = 56;

/** Detail levels, most first: projects with their activities, activity lines per project and in all, one-line
 *  rows after them, rows of other reported projects. Projects and reported rows go last, so a card drops
 *  activity lines and the budget chart before it hides a project. */
const LEVELS = [
  { projects: 4, perProject: 4, total: 12, nameLines: 2, budgetRows: 6, compact: 4, reported: 4, figLines: 2 },
  { projects: 3, perProject: 4, total: 10, nameLines: 2, budgetRows: 4, compact: 5, reported: 4, figLines: 2 },
  { projects: 3, perProject: 3, total: 7, nameLines: 2, budgetRows: 3, compact: 5, reported: 4, figLines: 2 },
  { projects: 3, perProject: 2, total: 5, nameLines: 2, budgetRows: 2, compact: 4, reported: 4, figLines: 2 },
  { projects: 2, perProject: 3, total: 5, nameLines: 1, budgetRows: 0, compact: 5, reported: 4, figLines: 2 },
  { projects: 2, perProject: 2, total: 4, nameLines: 1, budgetRows: 0, compact: 5, reported: 3, figLines: 1 },
  { projects: 2, perProject: 1, total: 2, nameLines: 1, budgetRows: 0, compact: 4, reported: 3, figLines: 1 },
  { projects: 1, perProject: 1, total: 1, nameLines: 1, budgetRows: 0, compact: 3, reported: 2, figLines: 1 },
  { projects: 1, perProject: 1, total: 1, nameLines: 1, budgetRows: 0, compact: 1, reported: 1, figLines: 1 },
  { projects: 1, perProject: 1, total: 1, nameLines: 1, budgetRows: 0, compact: 0, reported: 0, figLines: 1 },
] as const;

export const monthTemplate: Template<MonthData> = {
  width: W,
  height: H,
  fitLevels: LEVELS.length,
  render(d, c, fit) {
    const level = LEVELS[Math.min(fit, LEVELS.length - 1)]!;
    const t = c.theme;

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

    return frame(c, W, H,
      // Header
      headingDigits(c, col({ backgroundColor: t.primary, color: t.onPrimary, paddingLeft: PAD, paddingRight: PAD, paddingTop: 34, paddingBottom: 24, gap: 12 },
        row({ gap: 24, alignItems: 'flex-start' },
          col({ flex: 1, minWidth: 0 },
            text(c.organisation.name, { fontSize: type.small, opacity: 0.85 }, 1),
            text(d.plan.title, { fontSize: type.body, fontWeight: 600 }, 1),
            text(d.month.labelLong, { fontSize: 72, fontWeight: 700, lineHeight: 1.35, marginTop: 2 }, 1),
            text(`${d.plan.yearKind} ${d.plan.fiscalYear} · ${d.plan.quarters[d.month.quarter - 1]?.label ?? ''}`, { fontSize: type.small, opacity: 0.9 }, 1)),
          logo(c, 120)),
        yearStrip(t, d.plan.months, { current: d.month.index, counts: d.activeCounts, num: c.fmt.num, onDark: true, cellHeight: 56 }))),

      // Summary tiles
      row({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 18 },
        tile(c, 'โครงการที่ดำเนินการเดือนนี้', `${c.fmt.num(d.projects.length)} โครงการ`, `จาก ${c.fmt.num(d.plan.projects.length)} โครงการในแผน`),
        // The budgets of this month's projects are whole-year amounts: the label says so.
        tile(c, 'งบทั้งปีของโครงการเดือนนี้ (แผน)', c.fmt.baht(d.scheduledBudget), `ทั้งแผน ${c.fmt.baht(d.plan.totals.budget)}`),
        d.spent
          ? tile(c, d.spent.label, c.fmt.baht(d.spent.total), `ร้อยละ ${c.fmt.percent(d.spent.share)} ของงบทั้งแผน`)
          : tile(c, 'เบิกจ่ายสะสม', 'ยังไม่มีรายงาน', 'แสดงงบประมาณตามแผน')),

      // Projects this month
      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 20, gap: 12 },
        sectionHeading(c, 'โครงการและกิจกรรมในเดือนนี้', type.h2),
        d.projects.length === 0
          ? col({ backgroundColor: t.panel, borderRadius: 14, padding: 24, gap: 4 },
              text('เดือนนี้ไม่มีโครงการที่แผนกำหนดให้ดำเนินการ', { fontSize: type.body, fontWeight: 600 }, 2),
              text('(ตามกำหนดการรายเดือนในแผน)', { fontSize: type.small, color: t.muted }, 1))
          : shown.map(({ mp, lines, hidden }) => projectBlock(c, mp, lines, hidden, level.nameLines, d.month.index)),
        compact.length > 0 ? col({ gap: 4, paddingLeft: 22, paddingRight: 22 }, compact.map((mp) => compactRow(c, mp))) : null,
        hiddenProjects > 0 ? text(`และอีก ${c.fmt.num(hiddenProjects)} โครงการ`, { fontSize: type.small, fontWeight: 600, color: t.primary }, 1) : null,
        d.reportedElsewhere.length > 0 ? reportedElsewhere(c, d, level.reported) : null,
        d.unscheduled.length > 0 ? unscheduled(c, d) : null),

      // Key figures published this month
      d.reports.some((r) => r.keyFigures.length > 0) ? keyFigures(c, d, level.figLines) : null,

      level.budgetRows > 0 ? budgetChart(c, d, level.budgetRows) : null,

      h('div', { style: { flexGrow: 1 } }),
      footer(c, d.plan, d.note, PAD));
  },
};

function sectionHeading(c: Common, label: string, size: number): El {
  return headingDigits(c, row({ alignItems: 'center', gap: 12 },
    h('div', { style: { width: 10, height: 34, backgroundColor: c.theme.accent, borderRadius: 3, flexShrink: 0 } }),
    text(label, { flex: 1, minWidth: 0, fontSize: size, fontWeight: 700, color: c.theme.primary }, 1)));
}

/** "ร้อยละ 40 · ก.พ. 61": a reported figure with the month it is as of, when that is not this month. */
function reportedPercent(c: Common, s: ProjectStatus): string {
  const pr = s.progress!;
  const pct = pr.percent !== undefined ? `ร้อยละ ${c.fmt.num(pr.percent)}` : 'ไม่ระบุร้อยละ';
  return s.basis === 'earlier' ? `${pct} (ณ ${pr.asOf.labelShort})` : pct;
}

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
    hidden > 0 ? text(`และอีก ${c.fmt.num(hidden)} กิจกรรม`, { fontSize: type.tiny, color: t.muted, fontWeight: 600 }, 1) : null,
    pr
      ? row({ gap: 16, alignItems: 'center' },
          text(`ความก้าวหน้า ${reportedPercent(c, mp)}`, { fontSize: type.tiny, width: mp.basis === 'earlier' ? 330 : 220, flexShrink: 0 }, 1),
          bar(t, (pr.percent ?? 0) / 100, t.primary, 16),
          text(pr.spent !== undefined ? `เบิกจ่าย ${c.fmt.baht(pr.spent)} / ${c.fmt.baht(p.budget)}` : `งบ (แผน) ${c.fmt.baht(p.budget)}`, { fontSize: type.tiny, flexShrink: 0, maxWidth: 400 }, 1))
      : row({ gap: 16, alignItems: 'center' },
          text('กำหนดการ (แผน)', { fontSize: type.tiny, color: t.muted, flexShrink: 0 }, 1),
          miniStrip(c, p.activeMonthIndexes, current),
          text(`งบประมาณ (แผน) ${c.fmt.baht(p.budget)}`, { fontSize: type.tiny, flexShrink: 0, maxWidth: 420 }, 1)));
}

/** One line per project when the card is full: name, what is due, status or planned budget. */
function compactRow(c: Common, mp: MonthProject): El {
  const t = c.theme;
  const due = mp.pdca.length + mp.activities.length;
  return row({ gap: 14, alignItems: 'center' },
    h('div', { style: { width: 10, height: 10, borderRadius: 5, backgroundColor: t.primary, flexShrink: 0 } }),
    text(mp.project.name, { flex: 1, minWidth: 0, fontSize: type.small, fontWeight: 600 }, 1),
    text(`${c.fmt.num(due)} กิจกรรม`, { flexShrink: 0, fontSize: type.tiny, color: t.muted }, 1),
    mp.progress
      ? text(reportedPercent(c, mp), { flexShrink: 0, fontSize: type.tiny, fontWeight: 600 }, 1)
      : text(`งบ (แผน) ${c.fmt.baht(mp.project.budget)}`, { flexShrink: 0, fontSize: type.tiny, color: t.muted }, 1),
    badge(t, mp.progress, type.tiny));
}

function miniStrip(c: Common, marked: number[], current: number): El {
  const t = c.theme;
  return row({ gap: 3, flex: 1, minWidth: 0, height: 16 }, Array.from({ length: 12 }, (_, i) =>
    h('div', { style: { flex: 1, height: 16, borderRadius: 3,
      backgroundColor: marked.includes(i) ? (i === current ? t.accent : t.primary) : i === current ? t.track : t.panel,
      border: i === current ? `2px solid ${t.accent}` : 'none' } })));
}

/** Projects not scheduled this month that a report has covered: their newest status, dated. */
function reportedElsewhere(c: Common, d: MonthData, max: number): El | null {
  if (max === 0) return text(`ผลการดำเนินงานล่าสุดของโครงการอื่น ${c.fmt.num(d.reportedElsewhere.length)} โครงการ`, { fontSize: type.small, fontWeight: 600, color: c.theme.primary }, 1);
  const t = c.theme;
  const rows = d.reportedElsewhere.slice(0, max);
  return col({ backgroundColor: t.panel, borderRadius: 14, paddingLeft: 22, paddingRight: 22, paddingTop: 10, paddingBottom: 12, gap: 4 },
    text(`ผลการดำเนินงานล่าสุดของโครงการอื่น (${c.fmt.num(d.reportedElsewhere.length)})`, { fontSize: type.small, fontWeight: 600, color: t.muted }, 1),
    rows.map((s) => row({ gap: 12, alignItems: 'center' },
      text(s.project.name, { flex: 1, minWidth: 0, fontSize: type.small }, 1),
      text(s.progress!.spent !== undefined ? `${reportedPercent(c, s)} · เบิกจ่าย ${c.fmt.baht(s.progress!.spent)}` : reportedPercent(c, s), { fontSize: type.tiny, flexShrink: 0, fontWeight: 600 }, 1),
      badge(t, s.progress, type.tiny))),
    d.reportedElsewhere.length > max ? text(`และอีก ${c.fmt.num(d.reportedElsewhere.length - max)} โครงการ`, { fontSize: type.tiny, color: t.muted }, 1) : null);
}

function unscheduled(c: Common, d: MonthData): El {
  const t = c.theme;
  const max = 3;
  const names = d.unscheduled.slice(0, max);
  return col({ backgroundColor: t.panel, borderRadius: 14, paddingLeft: 22, paddingRight: 22, paddingTop: 10, paddingBottom: 12, gap: 2 },
    text(`โครงการตลอดปีที่แผนไม่ระบุเดือนดำเนินงาน (${c.fmt.num(d.unscheduled.length)})`, { fontSize: type.small, fontWeight: 600, color: t.muted }, 1),
    names.map((p) => row({ gap: 12, alignItems: 'center' },
      text(p.name, { flex: 1, minWidth: 0, fontSize: type.small }, 1),
      text(`งบ (แผน) ${c.fmt.baht(p.budget)}`, { fontSize: type.tiny, color: t.muted, flexShrink: 0 }, 1))),
    d.unscheduled.length > max ? text(`และอีก ${c.fmt.num(d.unscheduled.length - max)} โครงการ`, { fontSize: type.tiny, color: t.muted }, 1) : null);
}

function keyFigures(c: Common, d: MonthData, labelLines: number): El {
  const t = c.theme;
  // The reports this month that give key figures (a report without any is not named here).
  const reports = d.reports.filter((r) => r.keyFigures.length > 0);
  const figs = reports.flatMap((r) => r.keyFigures).slice(0, 4);
  const more = reports.reduce((a, r) => a + r.keyFigures.length, 0) - figs.length;
  return col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 10 },
    sectionHeading(c, `ตัวเลขสำคัญ · ${reports.map((r) => r.label).join(', ')}`, type.h2 - 4),
    row({ gap: 14 }, figs.map((f) => col({ flex: 1, minWidth: 0, backgroundColor: t.primary, color: t.onPrimary, borderRadius: 14, paddingLeft: 16, paddingRight: 16, paddingTop: 10, paddingBottom: 12 },
      text(c.fmt.num(f.value), { fontSize: c.fmt.num(f.value).length > 9 ? 30 : 40, fontWeight: 700, lineHeight: c.fmt.num(f.value).length > 9 ? 1.8 : 1.35, height: 54 }, 1),
      text(f.unit ?? '', { fontSize: type.tiny, opacity: 0.9 }, 1),
      text(f.label, { fontSize: type.tiny }, labelLines)))),
    more > 0 ? text(`และอีก ${c.fmt.num(more)} ตัวเลข`, { fontSize: type.tiny, color: t.muted }, 1) : null,
    text(`ที่มา: ${reports.map((r) => r.source).join('; ')}`, { fontSize: type.tiny, color: t.muted }, 1));
}

/** Budget of every project of the plan (planned), spent to date overlaid where reported; this month's projects
 *  in the primary colour, the others muted. */
function budgetChart(c: Common, d: MonthData, rows: number): El {
  const t = c.theme;
  const active = new Set(d.projects.map((p) => p.project.id));
  const list = [...d.plan.projects].sort((a, b) => Number(active.has(b.id)) - Number(active.has(a.id)) || b.budget - a.budget);
  const shown = list.slice(0, rows);
  const max = Math.max(1, ...list.map((p) => p.budget));
  // Spent as reported for every project a report covered by this month, whether scheduled this month or not.
  const spentOf = new Map([...d.projects, ...d.reportedElsewhere].map((s) => [s.project.id, s.progress?.spent]));
  return col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 8 },
    row({ alignItems: 'center', gap: 12 },
      headingDigits(c, row({ alignItems: 'center', gap: 12 },
        h('div', { style: { width: 10, height: 34, backgroundColor: t.accent, borderRadius: 3 } }),
        text('งบประมาณรายโครงการ (แผน)', { fontSize: type.h2 - 4, fontWeight: 700, color: t.primary }, 1))),
      row({ flex: 1, minWidth: 0, justifyContent: 'flex-end', gap: 16, alignItems: 'center' },
        legend(t.primary, 'ดำเนินการเดือนนี้', c), legend(t.track, 'เดือนอื่น', c),
        d.spent ? legend(t.accent, d.spent.label, c) : null)),
    shown.map((p) => {
      const spent = spentOf.get(p.id);
      return row({ gap: 14, alignItems: 'center' },
        text(p.name, { width: 400, flexShrink: 0, fontSize: type.tiny, color: active.has(p.id) ? t.ink : t.muted }, 1),
        row({ flex: 1, minWidth: 0, height: 18, position: 'relative' },
          row({ width: `${((p.budget / max) * 100).toFixed(2)}%`, height: 18, borderRadius: 4, backgroundColor: active.has(p.id) ? t.primary : t.track }),
          spent !== undefined ? h('div', { style: { position: 'absolute', left: 0, top: 4, height: 10, borderRadius: 3, backgroundColor: t.accent,
            width: `${((Math.min(spent, p.budget) / max) * 100).toFixed(2)}%` } }) : null),
        text(c.fmt.baht(p.budget), { width: 150, flexShrink: 0, textAlign: 'right', fontSize: type.tiny }, 1));
    }),
    list.length > shown.length ? text(`และอีก ${c.fmt.num(list.length - shown.length)} โครงการ`, { fontSize: type.tiny, color: t.muted }, 1) : null);
}

function legend(color: string, label: string, c: Common): El {
  return row({ gap: 6, alignItems: 'center', flexShrink: 0 },
    h('div', { style: { width: 14, height: 14, borderRadius: 3, backgroundColor: color } }),
    text(label, { fontSize: type.tiny, color: c.theme.muted }, 1));
}

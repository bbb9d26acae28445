// The plan overview card (1080×1350): vision, strategies with their budget, projects, total budget.
import { col, h, row, type El } from '../../src/infographics/h.ts';
import type { Common, OverviewData, Template } from '../../src/infographics/types.ts';
import { strategyTitle } from '../../src/views/labels.ts';
import { bar, donut, footer, frame, headingDigits, logo, priorityDots, text, yearStrip } from './parts.ts';
import { type } from './theme.ts';

const W = 1080;
const H = 1350;
const PAD = 56;
const LEVELS = [
  { visionLines: 3, strategyLines: 2, projects: 8, projectLines: 1 },
  { visionLines: 2, strategyLines: 2, projects: 6, projectLines: 1 },
  { visionLines: 2, strategyLines: 1, projects: 5, projectLines: 1 },
  { visionLines: 2, strategyLines: 1, projects: 4, projectLines: 1 },
  { visionLines: 1, strategyLines: 1, projects: 3, projectLines: 1 },
  { visionLines: 1, strategyLines: 1, projects: 2, projectLines: 1 },
] as const;

/** Colours of the strategies in the donut, from the theme outwards. */
export function seriesColors(c: Common): string[] {
  return [c.theme.primary, c.theme.accent, '#4F7CAC', '#7A9E7E', '#A05C7B', '#8C8C8C'];
}

export const overviewTemplate: Template<OverviewData> = {
  width: W,
  height: H,
  fitLevels: LEVELS.length,
  render(d, c, fit) {
    const lv = LEVELS[Math.min(fit, LEVELS.length - 1)]!;
    const t = c.theme;
    const plan = d.plan;
    const colors = seriesColors(c);
    const groups = plan.totals.byStrategy;
    const maxStrategies = 5;
    const shownGroups = groups.slice(0, maxStrategies);
    // A project aligned with two strategies counts in both: then the shares add up to more than the budget and
    // are no parts of one ring: the ring holds the total alone, and a line under the strategies says why.
    const partition = groups.reduce((a, g) => a + g.share, 0) <= 1 + 1e-9;
    const projects = plan.projects.slice(0, lv.projects);
    const maxBudget = Math.max(1, ...plan.projects.map((p) => p.budget));
    return frame(c, W, H,
      headingDigits(c, col({ backgroundColor: t.primary, color: t.onPrimary, paddingLeft: PAD, paddingRight: PAD, paddingTop: 36, paddingBottom: 30, gap: 6 },
        row({ gap: 24, alignItems: 'flex-start' },
          col({ flex: 1, minWidth: 0 },
            text(c.organisation.name, { fontSize: type.small, opacity: 0.85 }, 2),
            text(plan.title, { fontSize: 46, fontWeight: 700, lineHeight: 1.4 }, 2),
            plan.parentPlan ? text(`ภายใต้${plan.parentPlan}`, { fontSize: type.small, opacity: 0.9 }, 1) : null),
          logo(c, 120)),
        plan.vision
          ? col({ marginTop: 12, borderLeft: `6px solid ${t.accent}`, paddingLeft: 20 },
              text('วิสัยทัศน์', { fontSize: type.tiny, fontWeight: 600, opacity: 0.85 }, 1),
              text(`“${plan.vision}”`, { fontSize: type.body }, lv.visionLines))
          : text('วิสัยทัศน์: ไม่ระบุ', { fontSize: type.small, opacity: 0.85 }, 1))),

      // Budget: total + donut by strategy
      row({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 26, gap: 32, alignItems: 'center' },
        col({ position: 'relative', width: 260, height: 260, alignItems: 'center', justifyContent: 'center', flexShrink: 0 },
          h('div', { style: { position: 'absolute', left: 0, top: 0, display: 'flex' } },
            donut(partition ? shownGroups.map((g, i) => ({ fraction: g.share, color: colors[i % colors.length]! })) : [{ fraction: 1, color: t.primary }], 260, 44, t.track)),
          text('งบประมาณรวม', { fontSize: type.tiny, color: t.muted }, 1),
          // The hole is ~170 px wide: long totals get a smaller size so no digit slides under the ring.
          text(c.fmt.num(plan.totals.budget), { fontSize: c.fmt.num(plan.totals.budget).length > 8 ? 26 : 36, maxWidth: 160, textAlign: 'center', fontWeight: 700, color: t.primary, lineHeight: 1.3 }, 1),
          text('บาท', { fontSize: type.tiny, color: t.muted }, 1)),
        col({ flex: 1, minWidth: 0, gap: 10 },
          text(`${c.fmt.num(plan.totals.projectCount)} โครงการ · ${c.fmt.baht(plan.totals.budget)}`, { fontSize: type.h2, fontWeight: 700, color: t.primary }, 1),
          text(`(${plan.totals.budgetWords})`, { fontSize: type.tiny, color: t.muted }, 1),
          shownGroups.map((g, i) => row({ gap: 12, alignItems: 'flex-start' },
            h('div', { style: { width: 18, height: 18, borderRadius: 4, backgroundColor: colors[i % colors.length]!, marginTop: 8, flexShrink: 0 } }),
            col({ flex: 1, minWidth: 0 },
              text(strategyTitle(g.key), { fontSize: type.small }, lv.strategyLines),
              text(`${c.fmt.baht(g.budget)} · ร้อยละ ${c.fmt.percent(g.share)} · ${c.fmt.num(g.projectIds.length)} โครงการ`, { fontSize: type.tiny, color: t.muted, fontWeight: 600 }, 1)))),
          partition ? null : text('โครงการที่สอดคล้องหลายยุทธศาสตร์นับในทุกยุทธศาสตร์ ร้อยละจึงรวมกันเกิน 100', { fontSize: type.tiny, color: t.muted }, 1),
          groups.length > shownGroups.length ? text(`และอีก ${c.fmt.num(groups.length - shownGroups.length)} ยุทธศาสตร์`, { fontSize: type.tiny, color: t.muted }, 1) : null,
          plan.totals.unaligned.projectIds.length > 0
            ? text(`ไม่สอดคล้องยุทธศาสตร์ใด: ${c.fmt.baht(plan.totals.unaligned.budget)}`, { fontSize: type.tiny, color: t.muted }, 1) : null)),

      // Projects
      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 24, gap: 10 },
        sectionTitle(c, 'โครงการในแผน'),
        projects.map((p) => row({ gap: 14, alignItems: 'center' },
          text(c.fmt.num(p.order), { width: 36, flexShrink: 0, fontSize: type.small, fontWeight: 700, color: t.accent }, 1),
          col({ flex: 1, minWidth: 0, gap: 4 },
            text(p.name, { fontSize: type.small }, lv.projectLines),
            row({ gap: 12, alignItems: 'center' }, priorityDots(t, p.priority.stars, 12), bar(t, p.budget / maxBudget, t.primary, 12))),
          text(c.fmt.baht(p.budget), { width: 170, flexShrink: 0, textAlign: 'right', fontSize: type.small, fontWeight: 600 }, 1))),
        plan.projects.length > projects.length ? text(`และอีก ${c.fmt.num(plan.projects.length - projects.length)} โครงการ`, { fontSize: type.small, color: t.muted, fontWeight: 600 }, 1) : null),

      // Year strip: how many projects are scheduled in each month
      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 8 },
        sectionTitle(c, `กำหนดการ${plan.yearKind} ${plan.fiscalYear} (จำนวนโครงการที่กำหนดไว้ในแต่ละเดือน)`),
        yearStrip(t, plan.months, { counts: d.activeCounts, num: c.fmt.num, cellHeight: 56 })),

      h('div', { style: { flexGrow: 1 } }),
      footer(c, plan, 'ภาพรวมตามแผน (แผน)', PAD));
  },
};

export function sectionTitle(c: Common, label: string): El {
  return headingDigits(c, row({ alignItems: 'center', gap: 12 },
    h('div', { style: { width: 10, height: 30, backgroundColor: c.theme.accent, borderRadius: 3, flexShrink: 0 } }),
    text(label, { flex: 1, minWidth: 0, fontSize: type.h2 - 4, fontWeight: 700, color: c.theme.primary }, 1)));
}

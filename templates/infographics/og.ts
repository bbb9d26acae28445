// 1200×630 link previews (og:image) for the home page, a plan and a project.
import { col, h, row, type El } from '../../src/infographics/h.ts';
import type { Common, HomeData, OverviewData, ProjectData, Template } from '../../src/infographics/types.ts';
import type { Plan } from '../../src/model/types.ts';
import { badge, frame, headingDigits, logo, priorityDots, text, yearStrip } from './parts.ts';

const W = 1200;
const H = 630;
const PAD = 64;

function shell(c: Common, kicker: string, ...body: Array<El | null>): El {
  const t = c.theme;
  return frame(c, W, H,
    col({ flexGrow: 1, backgroundColor: t.primary, color: t.onPrimary, paddingLeft: PAD, paddingRight: PAD, paddingTop: 48, paddingBottom: 28, gap: 10 },
      row({ gap: 20, alignItems: 'center' },
        h('div', { style: { width: 12, height: 36, backgroundColor: t.accent, borderRadius: 3, flexShrink: 0 } }),
        headingDigits(c, text(kicker, { flex: 1, minWidth: 0, fontSize: 26, opacity: 0.9 }, 1)),
        logo(c, 72)),
      ...body),
    row({ height: 14, backgroundColor: t.accent }));
}

const stat = (c: Common, label: string, value: string): El =>
  col({ flex: 1, minWidth: 0, borderLeft: `4px solid ${c.theme.accent}`, paddingLeft: 16 },
    text(label, { fontSize: 22, opacity: 0.85 }, 1),
    text(value, { fontSize: 34, fontWeight: 700 }, 1));

export const ogHomeTemplate: Template<HomeData> = {
  width: W, height: H, fitLevels: 2,
  render(d, c, fit) {
    const latest: Plan | undefined = d.plans.at(-1);
    return shell(c, c.organisation.parents.join(' · ') || c.organisation.shortName,
      text(c.organisation.name, { fontSize: 54, fontWeight: 700, lineHeight: 1.4 }, fit ? 1 : 2),
      text('แผนปฏิบัติการดิจิทัล', { fontSize: 36, fontWeight: 600, color: c.theme.accent }, 1),
      h('div', { style: { flexGrow: 1 } }),
      latest
        ? row({ gap: 24 },
            stat(c, 'แผนล่าสุด', `${latest.yearKind} ${latest.fiscalYear}`),
            stat(c, 'โครงการ', `${c.fmt.num(latest.totals.projectCount)} โครงการ`),
            stat(c, 'งบประมาณ', c.fmt.baht(latest.totals.budget)))
        : text('ยังไม่มีแผน', { fontSize: 28 }, 1));
  },
};

export const ogPlanTemplate: Template<OverviewData> = {
  width: W, height: H, fitLevels: 2,
  render(d, c, fit) {
    const p = d.plan;
    return shell(c, c.organisation.name,
      headingDigits(c, text(p.title, { fontSize: 52, fontWeight: 700, lineHeight: 1.4 }, fit ? 1 : 2)),
      h('div', { style: { flexGrow: 1 } }),
      row({ gap: 24 },
        stat(c, 'งบประมาณรวม', c.fmt.baht(p.totals.budget)),
        stat(c, 'โครงการ', `${c.fmt.num(p.totals.projectCount)} โครงการ`),
        stat(c, 'ยุทธศาสตร์', `${c.fmt.num(p.strategies.length)} ยุทธศาสตร์`)),
      fit ? null : col({ marginTop: 10 }, yearStrip(c.theme, p.months, { counts: d.activeCounts, num: c.fmt.num, onDark: true, cellHeight: 48, fontSize: 19 })));
  },
};

export const ogProjectTemplate: Template<ProjectData> = {
  width: W, height: H, fitLevels: 3,
  render(d, c, fit) {
    const p = d.project;
    return shell(c, `${d.plan.title} · โครงการที่ ${p.order}`,
      text(p.name, { fontSize: 50, fontWeight: 700, lineHeight: 1.4 }, [3, 2, 1][fit] ?? 1),
      row({ gap: 14, alignItems: 'center' }, priorityDots(c.theme, p.priority.stars, 16, true), text(p.priority.label, { fontSize: 24 }, 1)),
      h('div', { style: { flexGrow: 1 } }),
      row({ gap: 24, alignItems: 'flex-end' },
        stat(c, 'งบประมาณ (แผน)', c.fmt.baht(p.budget)),
        stat(c, 'ระยะเวลา', p.period.label),
        d.status.progress
          ? col({ flexShrink: 0, backgroundColor: c.theme.background, borderRadius: 999, paddingLeft: 4, paddingRight: 4 }, badge(c.theme, d.status.progress, 24))
          : null));
  },
};

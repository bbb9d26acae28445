// The quarterly card (1080×1350), one per quarterly report: disbursement against the plan, status counts,
// the planned-vs-actual curve and the projects behind their plan, all as of the report.
import { col, h, row, type El } from '../../src/infographics/h.ts';
import type { Common, Template } from '../../src/infographics/types.ts';
import type { ReportView } from '../../src/views/report.ts';
import { sectionTitle } from './overview.ts';
import { bar, footer, frame, headingDigits, logo, statusColor, text } from './parts.ts';
import { type } from './theme.ts';

const W = 1080;
const H = 1350;
const PAD = 56;
const LEVELS = [{ behind: 5, behindLines: 2 }, { behind: 4, behindLines: 1 }, { behind: 3, behindLines: 1 }, { behind: 1, behindLines: 1 }] as const;

export const quarterTemplate: Template<ReportView> = {
  width: W,
  height: H,
  fitLevels: LEVELS.length,
  render(d, c, fit) {
    const lv = LEVELS[Math.min(fit, LEVELS.length - 1)]!;
    const t = c.theme;
    const total = d.total;
    const rate = (n: number | undefined) => (total.budget > 0 && n !== undefined ? n / total.budget : 0);
    return frame(c, W, H,
      headingDigits(c, col({ backgroundColor: t.primary, color: t.onPrimary, paddingLeft: PAD, paddingRight: PAD, paddingTop: 34, paddingBottom: 28, gap: 4 },
        row({ gap: 24, alignItems: 'flex-start' },
          col({ flex: 1, minWidth: 0 },
            text(c.organisation.name, { fontSize: type.small, opacity: 0.85 }, 1),
            text(d.plan.title, { fontSize: type.body, fontWeight: 600 }, 1),
            text('รายงานผลการดำเนินงาน', { fontSize: 40, fontWeight: 700, lineHeight: 1.4, marginTop: 6 }, 1),
            text(d.periodLabel, { fontSize: 34, fontWeight: 600, color: t.accent }, 1)),
          logo(c, 120)))),

      row({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 24, gap: 18 },
        figure(c, `เบิกจ่ายสะสม ณ ${d.asOf.labelShort}`, total.actual !== undefined ? c.fmt.baht(total.actual) : 'ไม่มีรายงาน',
          `ร้อยละ ${c.fmt.percent(rate(total.actual))} ของงบทั้งแผน`),
        figure(c, `แผนการใช้จ่าย ณ ${d.asOf.labelShort}`, c.fmt.baht(total.planned), `ร้อยละ ${c.fmt.percent(rate(total.planned))} ของงบทั้งแผน`),
        figure(c, 'งบประมาณทั้งแผน', c.fmt.baht(total.budget), `${c.fmt.num(d.plan.projects.length)} โครงการ`)),

      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 10 },
        sectionTitle(c, 'สถานะโครงการ (ตามรายงาน)'),
        row({ gap: 12, flexWrap: 'wrap' }, d.counts.map((s) => row({ gap: 10, alignItems: 'center', borderRadius: 999, border: `2px solid ${s.status === 'none' ? t.muted : statusColor(t, s.status)}`, paddingLeft: 16, paddingRight: 16 },
          text(s.label, { fontSize: type.small, color: s.status === 'none' ? t.muted : statusColor(t, s.status), fontWeight: 600 }, 1),
          text(c.fmt.num(s.count), { fontSize: type.small, fontWeight: 700 }, 1))))),

      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 8 },
        sectionTitle(c, 'การเบิกจ่ายสะสมเทียบแผน'),
        curve(c, d),
        row({ gap: 24 }, legend(c, t.track, 'แผน' + (d.estimated ? ' (บางโครงการประมาณจากกำหนดการ)' : '')), legend(c, t.accent, 'ผลเบิกจ่ายตามรายงาน'))),

      col({ paddingLeft: PAD, paddingRight: PAD, paddingTop: 22, gap: 8 },
        sectionTitle(c, `โครงการที่ล่าช้ากว่าแผน (${c.fmt.num(d.behind.length)})`),
        d.behind.length === 0 ? text('ไม่มีโครงการที่ล่าช้ากว่าแผนเกิน 10 จุด ณ รายงานนี้', { fontSize: type.small, color: t.muted }, 1) : null,
        d.behind.slice(0, lv.behind).map((r) => col({ gap: 4 },
          row({ gap: 14, alignItems: 'flex-start' },
            text(r.project.name, { flex: 1, minWidth: 0, fontSize: type.small, fontWeight: 600 }, lv.behindLines),
            text(`ล่าช้า ${c.fmt.num(-r.schedule.points!)} จุด`, { flexShrink: 0, fontSize: type.small, fontWeight: 700, color: t.bad }, 1)),
          row({ gap: 14, alignItems: 'center' },
            text(`แผน ร้อยละ ${c.fmt.num(Math.round(r.plannedPercent))}`, { width: 200, flexShrink: 0, fontSize: type.tiny, color: t.muted }, 1),
            bar(t, (r.actual?.percent ?? 0) / 100, t.accent, 14),
            text(`ผล ร้อยละ ${c.fmt.num(r.actual?.percent ?? 0)}${r.inThisReport ? '' : ` (ณ ${r.actual!.asOf.labelShort})`}`, { flexShrink: 0, fontSize: type.tiny }, 1)))),
        d.behind.length > lv.behind ? text(`และอีก ${c.fmt.num(d.behind.length - lv.behind)} โครงการ`, { fontSize: type.tiny, color: t.muted }, 1) : null),

      h('div', { style: { flexGrow: 1 } }),
      footer(c, d.plan, `ผลการดำเนินงานตาม${d.report.label} · ที่มา: ${d.report.source}`, PAD));
  },
};

function figure(c: Common, label: string, value: string, sub: string): El {
  return col({ flex: 1, minWidth: 0, backgroundColor: c.theme.panel, borderRadius: 14, paddingLeft: 18, paddingRight: 18, paddingTop: 12, paddingBottom: 12 },
    text(label, { fontSize: type.tiny, color: c.theme.muted }, 1),
    text(value, { fontSize: value.length > 14 ? 26 : 32, fontWeight: 700, color: c.theme.primary, lineHeight: 1.4 }, 1),
    text(sub, { fontSize: type.tiny, color: c.theme.muted }, 1));
}

function legend(c: Common, color: string, label: string): El {
  return row({ gap: 8, alignItems: 'center' },
    h('div', { style: { width: 28, height: 8, borderRadius: 4, backgroundColor: color } }),
    text(label, { fontSize: type.tiny, color: c.theme.muted }, 1));
}

/** Planned and reported cumulative disbursement over the twelve months, as an inline SVG (lines only; the
 *  month names are Satori text under it so they are shaped like every other label). */
function curve(c: Common, d: ReportView): El {
  const w = W - 2 * PAD;
  const ht = 220;
  const t = c.theme;
  const max = Math.max(1, d.total.budget);
  const x = (i: number) => ((i + 0.5) / 12) * w;
  const y = (v: number) => ht - 6 - (v / max) * (ht - 12);
  const line = (pts: Array<[number, number]>, color: string, width: number) =>
    pts.length ? `<polyline fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round" points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>` : '';
  const planned = d.curve.map((p, i): [number, number] => [x(i), y(p.planned)]);
  const actual = d.curve.flatMap((p, i): Array<[number, number]> => (p.actual === undefined ? [] : [[x(i), y(p.actual)]]));
  const grid = [0.25, 0.5, 0.75, 1].map((f) => `<line x1="0" x2="${w}" y1="${y(max * f).toFixed(1)}" y2="${y(max * f).toFixed(1)}" stroke="${t.panel}" stroke-width="2"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${ht}" viewBox="0 0 ${w} ${ht}">${grid}${line(planned, t.track, 6)}${line(actual, t.accent, 6)}${actual.map(([a, b]) => `<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="7" fill="${t.accent}"/>`).join('')}</svg>`;
  return col({ gap: 4 },
    h('img', { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, width: w, height: ht, style: { width: w, height: ht } }),
    row({ width: w }, d.plan.months.map((m) => text(m.name, { flex: 1, minWidth: 0, textAlign: 'center', fontSize: 17, color: m.index <= d.asOf.index ? t.ink : t.muted }, 1))));
}

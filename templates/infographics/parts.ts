// Building blocks shared by the card layouts: header, charts (bars, donut, fiscal-year strip), badges, footer.
import { col, h, row, type Child, type El, type Style } from '../../src/infographics/h.ts';
import type { Common, Theme } from '../../src/infographics/types.ts';
import type { FiscalMonth, Plan, ProjectProgress, ReportStatus } from '../../src/model/types.ts';
import { isSiteUrl } from '../../src/urls.ts';
import { leading, type } from './theme.ts';

/** Text clamped to `lines` lines, ending with "…" when longer. Satori drops the lines past the clamp itself, so
 *  the box does not clip (overflow: hidden cut the tone marks above and the vowels below a tight line box by a
 *  few pixels, and each clipped box cost resvg an offscreen layer). */
export function text(content: string, style: Style = {}, lines?: number): El {
  const clamp: Style = lines ? { display: 'block', lineClamp: lines } : { display: 'block' };
  return h('div', { style: { lineHeight: leading, overflowWrap: 'anywhere', ...clamp, ...style } }, content);
}

/** Marks a box as a heading: the engine writes its digits in the organisation's heading style. */
export function headingDigits(c: Common, el: El): El {
  return { ...el, props: { ...el.props, digits: c.fmt.styles.heading } };
}

/** The card's outer frame: fixed size, white, font from the theme. */
export function frame(c: Common, width: number, height: number, ...children: Child[]): El {
  return col({
    width, height, boxSizing: 'border-box', backgroundColor: c.theme.background, color: c.theme.ink,
    fontFamily: c.theme.fontFamily, fontSize: type.body, lineHeight: leading,
  }, ...children);
}

export function logo(c: Common, size: number): El | null {
  return c.logo ? h('img', { src: c.logo, width: size, height: size, style: { width: size, height: size, objectFit: 'contain' } }) : null;
}

/** Horizontal bar: value/max filled with `color`, on the theme's track. */
export function bar(t: Theme, fraction: number, color: string, height = 18, style: Style = {}): El {
  const f = Math.max(0, Math.min(1, fraction));
  return row({ height, borderRadius: height / 2, backgroundColor: t.track, overflow: 'hidden', flexGrow: 1, ...style },
    h('div', { style: { width: `${(f * 100).toFixed(2)}%`, height, backgroundColor: color, borderRadius: height / 2 } }));
}

/** Twelve cells, October … September, `counts[i]` written under a cell's month when given (in `num`'s digits; a
 *  count, not dots: a strip of capped dots read as four projects a month), `current` highlighted. */
export function yearStrip(t: Theme, months: FiscalMonth[], opts: { current?: number; marked?: number[]; counts?: number[]; num?: (n: number) => string; cellHeight?: number; fontSize?: number; onDark?: boolean }): El {
  const fs = opts.fontSize ?? type.small;
  return row({ gap: 6, width: '100%' }, months.map((m) => {
    const isCurrent = m.index === opts.current;
    const marked = opts.marked?.includes(m.index) ?? false;
    const count = opts.counts?.[m.index] ?? 0;
    const bg = isCurrent ? t.accent : marked ? t.primary : opts.onDark ? 'rgba(255,255,255,0.16)' : t.panel;
    const fg = isCurrent || marked || opts.onDark ? t.onPrimary : t.muted;
    return col({ flex: 1, minWidth: 0, alignItems: 'center', justifyContent: 'center', backgroundColor: bg, color: fg,
      borderRadius: 8, height: opts.cellHeight ?? 64, fontWeight: isCurrent ? 700 : 400 },
      text(m.name, { fontSize: fs, lineHeight: opts.counts ? 1.25 : 1.5 }),
      opts.counts ? text((opts.num ?? String)(count), { fontSize: Math.round(fs * 0.8), lineHeight: 1.15, fontWeight: 700, color: isCurrent ? t.onPrimary : count > 0 ? t.accent : fg }) : null);
  }));
}

/** Donut chart as an inline SVG image (Satori passes it to resvg). `parts` are fractions summing to ≤ 1. */
export function donut(parts: Array<{ fraction: number; color: string }>, size: number, thickness: number, track: string): El {
  const r = (size - thickness) / 2;
  const cx = size / 2;
  const circ = 2 * Math.PI * r;
  let offset = 0;
  const arcs = parts.filter((p) => p.fraction > 0).map((p) => {
    const len = Math.min(1, p.fraction) * circ;
    const s = `<circle cx="${cx}" cy="${cx}" r="${r.toFixed(2)}" fill="none" stroke="${p.color}" stroke-width="${thickness}" stroke-dasharray="${len.toFixed(2)} ${(circ - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 ${cx} ${cx})"/>`;
    offset += len;
    return s;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><circle cx="${cx}" cy="${cx}" r="${r.toFixed(2)}" fill="none" stroke="${track}" stroke-width="${thickness}"/>${arcs.join('')}</svg>`;
  return h('img', { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, width: size, height: size, style: { width: size, height: size } });
}

export function statusColor(t: Theme, s: ReportStatus): string {
  return s === 'done' ? t.good : s === 'delayed' ? t.bad : s === 'cancelled' ? t.muted : s === 'on-track' ? t.primary : t.warn;
}

/** A pill: report status, or "แผน" (planned) when no report exists. */
export function badge(t: Theme, progress: ProjectProgress | undefined, fontSize: number = type.small): El {
  const label = progress ? progress.statusLabel : 'แผน';
  const color = progress ? statusColor(t, progress.status) : t.muted;
  return row({ flexShrink: 0, paddingLeft: 14, paddingRight: 14, borderRadius: 999, border: `2px solid ${color}`, color, alignItems: 'center' },
    text(label, { fontSize, fontWeight: 600 }));
}

/** A priority's stars drawn as three dots, `n` of them filled (Sarabun has no ★ glyph). */
export function priorityDots(t: Theme, n: number, size = 14, onDark = false): El {
  const on = onDark ? t.onPrimary : t.accent;
  const off = onDark ? 'rgba(255,255,255,0.3)' : t.track;
  return row({ gap: 5, alignItems: 'center', flexShrink: 0 }, [0, 1, 2].map((i) =>
    h('div', { style: { width: size, height: size, borderRadius: size / 2, backgroundColor: i < n ? on : off } })));
}

export function footer(c: Common, plan: Plan | undefined, note: string, padX: number): El {
  // the URL policy again here (not only in the schema): a card shows only a real http(s) address of the site
  const url = isSiteUrl(c.organisation.siteUrl) ? c.organisation.siteUrl : undefined;
  return row({ paddingLeft: padX, paddingRight: padX, paddingTop: 14, paddingBottom: 18, gap: 20, alignItems: 'flex-end',
    borderTop: `3px solid ${c.theme.accent}`, color: c.theme.muted, fontSize: type.tiny },
    col({ flex: 1, minWidth: 0 },
      text(plan ? `ที่มา: ${plan.title} · ${c.organisation.name}` : c.organisation.name, {}, 2),
      text(note, { fontWeight: 600, color: c.theme.ink }, 2)),
    // A URL keeps its digits as written (an intranet address may be numeric).
    url ? h('div', { style: { display: 'flex', flexShrink: 0, maxWidth: 360 }, digits: 'asis' }, text(url, {}, 1)) : null);
}

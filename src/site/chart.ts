// Horizontal bar charts as SVG geometry, computed at build time (no client script, prints as vectors).
export interface BarInput { label: string; value: number; valueText: string }
export interface Bar extends BarInput { y: number; width: number; labelY: number }
export interface BarChart { width: number; height: number; plotX: number; plotWidth: number; barHeight: number; bars: Bar[] }

export interface BarChartOptions { width?: number; labelWidth?: number; barHeight?: number; gap?: number; valueWidth?: number }

export function barChart(items: BarInput[], o: BarChartOptions = {}): BarChart {
  const width = o.width ?? 480;
  const labelWidth = o.labelWidth ?? 118;
  const valueWidth = o.valueWidth ?? 112;
  const barHeight = o.barHeight ?? 28;
  const gap = o.gap ?? 14;
  const plotX = labelWidth;
  const plotWidth = width - labelWidth - valueWidth;
  const max = Math.max(0, ...items.map((i) => i.value));
  const bars = items.map((it, i) => {
    const y = gap + i * (barHeight + gap);
    const w = max > 0 ? (it.value / max) * plotWidth : 0;
    // A zero amount still gets a hairline, so the row reads as "0", not as missing.
    return { ...it, y, width: it.value > 0 ? Math.max(2, Math.round(w * 10) / 10) : 1, labelY: y + barHeight / 2 };
  });
  return { width, height: gap + items.length * (barHeight + gap), plotX, plotWidth, barHeight, bars };
}

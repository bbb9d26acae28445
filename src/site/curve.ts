// Line charts (the S-curve of planned against reported) as SVG geometry, computed at build time: one point a
// month, a gap where a series has no value. The figures come from the views; this only places them.
export interface CurveSeries { key: 'planned' | 'actual'; label: string; values: Array<number | undefined> }

export interface CurveChart {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  /** One path a series (several pieces where values are missing), with the points for markers. */
  lines: Array<{ key: CurveSeries['key']; label: string; d: string; points: Array<{ x: number; y: number }> }>;
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; value: number }>;
}

export interface CurveOptions { width?: number; height?: number; left?: number; right?: number; top?: number; bottom?: number; max?: number }

/** "Nice" upper bound and step for the value axis (1, 2 or 5 times a power of ten), four or five ticks. */
function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * pow).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step) * step, step };
}

export function curveChart(months: string[], series: CurveSeries[], o: CurveOptions = {}): CurveChart {
  const width = o.width ?? 640;
  const height = o.height ?? 300;
  const plot = { x: o.left ?? 64, y: o.top ?? 16, width: width - (o.left ?? 64) - (o.right ?? 16), height: height - (o.top ?? 16) - (o.bottom ?? 36) };
  const dataMax = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)));
  const { top, step } = niceScale(o.max ?? dataMax);
  const n = Math.max(1, months.length - 1);
  const xAt = (i: number) => Math.round((plot.x + (months.length === 1 ? plot.width / 2 : (i / n) * plot.width)) * 10) / 10;
  const yAt = (v: number) => Math.round((plot.y + plot.height - (v / top) * plot.height) * 10) / 10;
  const lines = series.map((s) => {
    const points: Array<{ x: number; y: number }> = [];
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === undefined) { pen = false; return; }
      const p = { x: xAt(i), y: yAt(v) };
      points.push(p);
      d += `${pen ? 'L' : 'M'}${p.x} ${p.y}`;
      pen = true;
    });
    return { key: s.key, label: s.label, d, points };
  });
  const yTicks: CurveChart['yTicks'] = [];
  for (let v = 0; v <= top + step / 2; v += step) yTicks.push({ y: yAt(v), value: v });
  return { width, height, plot, lines, xTicks: months.map((label, i) => ({ x: xAt(i), label })), yTicks };
}

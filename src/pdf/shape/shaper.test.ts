import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSarabun } from '../font/sarabun.ts';
import { shape, shapeUncached, scriptRuns } from './shaper.ts';
import { LATIN_CORPUS, MIXED_CORPUS, THAI_CORPUS } from './corpus.ts';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'hb-fixture.json'), 'utf8')) as {
  glyphs: Record<'regular' | 'bold', Record<string, Array<[number, number, number, number, number]>>>;
};
const fam = loadSarabun();

/** indices where a new cluster starts */
function clusterStarts(cl: number[]): number[] {
  return cl.map((c, i) => (i === 0 || c !== cl[i - 1] ? i : -1)).filter((i) => i >= 0);
}

describe('shaping equals hb-shape (HarfBuzz CLI) on the Thai corpus', () => {
  for (const weight of ['regular', 'bold'] as const) {
    for (const text of [...THAI_CORPUS, ...LATIN_CORPUS]) {
      it(`${weight}: ${text}`, () => {
        const want = fixture.glyphs[weight][text];
        expect(want, 'fixture has this string (regenerate with make-fixture.ts)').toBeDefined();
        const s = shapeUncached(weight === 'regular' ? fam.regular : fam.bold!, text);
        expect(s.gids).toEqual(want!.map((g) => g[0]));
        expect(s.ax).toEqual(want!.map((g) => g[2]));
        expect(s.dx).toEqual(want!.map((g) => g[3]));
        expect(s.dy).toEqual(want!.map((g) => g[4]));
        const ours = s.clusters.map((c) => c.glyphStart);
        expect(ours).toEqual(clusterStarts(want!.map((g) => g[1])));
        expect(s.clusters.map((c) => c.text).join('')).toBe(text);
      });
    }
  }
});

describe('mark positioning differs from naive drawing', () => {
  const f = fam.regular;
  const nominal = (ch: string) => f.hbFont.nominalGlyph(ch.codePointAt(0)!);
  it('ปี่: tone mark is the small variant moved left off the ascender of ป', () => {
    const s = shape(f, 'ปี่');
    expect(s.gids[0]).toBe(nominal('ป'));
    expect(s.gids[2]).not.toBe(nominal('่'));
    expect(s.dx[2]).toBeLessThan(-100);
  });
  it('ปั่น / ปั้น: mark on mark (mkmk) raised and moved left', () => {
    for (const t of ['ปั่น', 'ปั้น']) {
      const s = shape(f, t);
      expect(s.dx[2]).toBeLessThan(-100);
      expect(s.dy[2]).not.toBe(0);
    }
  });
  it('ญี่ปุ่น: ญ keeps its form, the lower vowel under ป is shifted', () => {
    const s = shape(f, 'ญี่ปุ่น');
    expect(s.gids.length).toBe(7);
    expect(s.dx.some((d) => d !== 0)).toBe(true);
  });
  it('ญู ฐู: the descender-less ญ/ฐ forms are substituted before a lower vowel', () => {
    expect(shape(f, 'ญู').gids[0]).not.toBe(nominal('ญ'));
    expect(shape(f, 'ฐู').gids[0]).not.toBe(nominal('ฐ'));
    expect(shape(f, 'ญา').gids[0]).toBe(nominal('ญ'));
  });
  it('น้ำ: sara am decomposed (nikhahit+tone ligature, sara aa), one cluster', () => {
    const s = shape(f, 'น้ำ');
    expect(s.gids.length).toBe(3);
    expect(s.gids[2]).toBe(nominal('า'));
    expect(s.clusters.length).toBe(1);
    expect(s.clusters[0]!.text).toBe('น้ำ');
  });
});

describe('script itemization', () => {
  it('splits Thai and Latin, common characters join the run before', () => {
    expect(scriptRuns('ระบบ ICT ปี 2561')).toEqual([[0, 5, true], [5, 9, false], [9, 16, true]]);
  });
  it('mixed strings cover every character once', () => {
    for (const t of MIXED_CORPUS) expect(shape(fam.regular, t).clusters.map((c) => c.text).join('')).toBe(t);
  });
});

import { describe, expect, it } from 'vitest';
import { loadSarabun } from '../font/sarabun.ts';
import { breakOpportunities, emergencyBreaks, graphemeBoundaries } from './breaks.ts';
import { layoutParagraph, MAX_CLUSTER_GAP, type ParagraphStyle } from './paragraph.ts';

const parts = (t: string) => {
  const out: string[] = [];
  let prev = 0;
  for (const p of [...breakOpportunities(t), t.length]) { out.push(t.slice(prev, p)); prev = p; }
  return out;
};

describe('break opportunities', () => {
  it('Thai words from Intl.Segmenter, dictionary compounds whole', () => {
    expect(parts('เงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู')).toEqual(['เงินทุนหมุนเวียน', 'เพื่อ', 'แก้ไข', 'ปัญหา', 'หนี้สิน', 'ข้าราชการครู']);
  });
  it('Latin at spaces only; abbreviations and numbers stay whole', () => {
    expect(parts('hello, world 15,000.50 e-Office')).toEqual(['hello, ', 'world ', '15,000.50 ', 'e-Office']);
    expect(parts('ก.ค.ศ.')).toEqual(['ก.ค.ศ.']);
  });
  it('no break after opening or before closing punctuation, ๆ never starts a line', () => {
    const p = parts('(ทดสอบ) "คำ" ไปๆ มา ๆ');
    expect(p).toContain('(ทดสอบ) ');
    expect(p.some((x) => x.startsWith('ๆ'))).toBe(false);
    expect(p.some((x) => x.startsWith(')'))).toBe(false);
  });
});

describe('line breaking', () => {
  const style: ParagraphStyle = { family: loadSarabun(), size: 16, lineHeight: 1.6, align: 'left', indent: 0 };
  const text = 'แผนปฏิบัติการดิจิทัลประจำปีบัญชี พ.ศ. 2561 จัดทำขึ้นภายใต้แผนดิจิทัล พ.ศ. 2561 - 2563 ของเงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู';
  it('breaks only at word boundaries when a boundary fits', () => {
    for (const width of [120, 180, 250, 333]) {
      const lines = layoutParagraph([{ text }], style, width);
      expect(lines.length).toBeGreaterThan(1);
      const bounds = new Set(breakOpportunities(text));
      let pos = 0;
      for (const l of lines.slice(0, -1)) {
        expect(l.width).toBeLessThanOrEqual(width + 0.01);
        pos = text.indexOf(l.text, pos) + l.text.length;
        while (text[pos] === ' ') pos++;
        expect(bounds.has(pos), `break at ${pos} "${text.slice(pos - 5, pos)}|${text.slice(pos, pos + 5)}"`).toBe(true);
      }
      expect(lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });
  it('an over-long word breaks between grapheme clusters, never inside one', () => {
    const lines = layoutParagraph([{ text: 'ปั้นญี่ปุ่นน้ำปี่ปั่นปั้นญี่ปุ่นน้ำ' }], style, 40);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E33]/.test(l.text)).toBe(false);
  });
  it('justified and distributed lines fill the width; the last line does not', () => {
    for (const align of ['justify', 'distributed'] as const) {
      const lines = layoutParagraph([{ text: text + ' ' + text }], { ...style, align }, 300);
      for (const l of lines.slice(0, -1)) {
        const f = l.fragments[l.fragments.length - 1]!;
        expect(f.x + f.width).toBeCloseTo(300, 1);
      }
      expect(lines[lines.length - 1]!.fragments[0]!.gapExtra).toBeUndefined();
    }
  });
  it('bold runs inside a paragraph keep their fonts', () => {
    const lines = layoutParagraph([{ text: 'ปกติ ' }, { text: 'ตัวหนา', bold: true }, { text: ' ปกติ' }], style, 500);
    expect(lines[0]!.fragments.map((f) => f.shaped.font.info.postscriptName)).toEqual(['Sarabun-Regular', 'Sarabun-Bold', 'Sarabun-Regular']);
  });
});

describe('Thai abbreviations', () => {
  const style: ParagraphStyle = { family: loadSarabun(), size: 11, lineHeight: 1.5, align: 'center', indent: 0 };
  it('are never cut, even when wider than the line (they overflow or shrink instead)', () => {
    for (const t of ['ต.ค.', 'พ.ย.', 'มี.ค.', 'เม.ย.', 'มิ.ย.', 'พ.ศ.', 'ก.ค.ศ.']) {
      expect(breakOpportunities(t)).toEqual([]);
      expect(emergencyBreaks(t)).toEqual([]);
      expect(graphemeBoundaries(t).length).toBeGreaterThan(0);
      expect(layoutParagraph([{ text: t }], style, 8).map((l) => l.text)).toEqual([t]);
    }
  });
  it('an over-long word around them still breaks between clusters, outside the abbreviation', () => {
    const lines = layoutParagraph([{ text: 'ภายในเดือนต.ค.ของทุกปีงบประมาณ' }], style, 12).map((l) => l.text);
    expect(lines.join('')).toBe('ภายในเดือนต.ค.ของทุกปีงบประมาณ');
    expect(lines).toContain('ต.ค.');
    expect(lines.length).toBeGreaterThan(5);
  });
});

describe('distributed justification', () => {
  const style: ParagraphStyle = { family: loadSarabun(), size: 16, lineHeight: 1.6, align: 'distributed', indent: 0 };
  it('a short line keeps its letters together instead of spreading them over the width', () => {
    // the compound does not fit after the first word, so the first line is short but not the last
    const lines = layoutParagraph([{ text: 'ผลสัมฤทธิ์เงินทุนหมุนเวียน' }], style, 150);
    expect(lines.map((l) => l.text)).toEqual(['ผลสัมฤทธิ์', 'เงินทุนหมุนเวียน']);
    const first = lines[0]!;
    expect(first.width).toBeLessThan(0.6 * 150);
    for (const f of first.fragments) expect(f.gapExtra ?? 0).toBeLessThanOrEqual(MAX_CLUSTER_GAP * 16 + 1e-9);
    expect(first.height).toBeCloseTo(16 * 1.6, 6);
  });
  it('a short line with spaces is justified at its spaces instead, flush with the margin', () => {
    const lines = layoutParagraph([{ text: 'ผล ที่ได้ เงินทุนหมุนเวียน' }], style, 125);
    expect(lines.map((l) => l.text)).toEqual(['ผล ที่ได้', 'เงินทุนหมุนเวียน']);
    const f = lines[0]!.fragments.at(-1)!;
    expect(lines[0]!.width).toBeLessThan(0.6 * 125);
    expect(f.x + f.width).toBeCloseTo(125, 1);
    // the extra goes after the spaces only, more than the letter-spacing limit
    expect(f.gapExtra!).toBeGreaterThan(MAX_CLUSTER_GAP * 16);
    for (const ci of f.gapAt!) expect(f.shaped.clusters[ci - 1]!.text).toMatch(/\s$/);
  });
});

describe('numbers', () => {
  const style: ParagraphStyle = { family: loadSarabun(), size: 11, lineHeight: 1.5, align: 'left', indent: 0 };
  it('are never cut between their digits, even when wider than the line (a budget in a narrow column runs over)', () => {
    for (const t of ['1,200,000', '6,670,000.50', '๒๕๖๗', '๑,๒๐๐,๐๐๐']) {
      expect(emergencyBreaks(t)).toEqual([]);
      expect(layoutParagraph([{ text: t }], style, 20).map((l) => l.text)).toEqual([t]);
    }
  });
  it('a word around a number may still be cut outside it', () => {
    const text = 'งบประมาณ1,200,000บาท';
    const cuts = emergencyBreaks(text);
    const n = text.indexOf('1');
    expect(cuts.some((p) => p > n && p < n + '1,200,000'.length)).toBe(false);
    expect(cuts).toContain(n);
  });
});

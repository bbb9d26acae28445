// The one Thai line breaker: its dictionary, hand-checked break points, and a corpus of real sentences from the
// seed plan (tests/fixtures/seed/, content/) and the synthetic generator in which no dictionary word is cut.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlans } from '../pipeline.ts';
import { generateContent } from '../synthetic/generate.ts';
import { breakOpportunities, compoundInnerBreaks, compoundRanges, setAgencyWords as setWords, withBreakHints, ZWSP } from './breaks.ts';
import { COMPOUNDS } from './compounds.ts';

const root = join(import.meta.dirname, '..', '..');
const pieces = (t: string) => {
  const out: string[] = [];
  let prev = 0;
  for (const p of [...breakOpportunities(t), t.length]) { out.push(t.slice(prev, p)); prev = p; }
  return out;
};
const icu = new Intl.Segmenter('th', { granularity: 'word' });
const icuInside = (t: string, s: number, e: number) => [...icu.segment(t)].some((g) => g.index > s && g.index < e);

/** Every string in a model-like value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** Sentences: Thai clauses (Thai separates them with a space), at least 12 characters. */
function sentences(texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const s of t.split(/\n+|\s{2,}|(?<=[\u0E00-\u0E7F)]) (?=[\u0E00-\u0E7F(])/)) {
    const x = s.trim();
    if (x.length >= 12 && /[\u0E01-\u0E4E]{4}/.test(x)) out.add(x);
  }
  return [...out];
}

function corpus(): string[] {
  const seed = readFileSync(join(root, 'tests', 'fixtures', 'seed', '000_88beeecb13fb6cc5.txt'), 'utf8');
  const content = loadPlans(join(root, 'content'), root).model!;
  const dir = mkdtempSync(join(tmpdir(), 'breaks-synthetic-'));
  try {
    generateContent(dir, { seed: 11, plans: 1, projectsPerPlan: 8, reportMonths: 2 });
    const synthetic = loadPlans(dir, dir).model!;
    return sentences([seed, ...strings(content.plans), ...strings(synthetic.plans)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the dictionary', () => {
  it('holds a few hundred Thai words, no spaces, no duplicates', () => {
    expect(COMPOUNDS.length).toBeGreaterThan(300);
    expect(new Set(COMPOUNDS).size).toBe(COMPOUNDS.length);
    for (const w of COMPOUNDS) expect(w, w).toMatch(/^[\u0E01-\u0E4E]{2,}$/);
  });
  it('has the words of issue 11', () => {
    for (const w of ['หนี้สิน', 'ผู้บริหาร', 'คุ้มค่า', 'งบประมาณ', 'ความพึงพอใจ', 'ข้าราชการครู', 'เงินทุนหมุนเวียน', 'ผู้รับผิดชอบ', 'ราคากลาง', 'ธรรมาภิบาล', 'ประสิทธิภาพ', 'ยุทธศาสตร์', 'สารสนเทศ', 'เทคโนโลยี', 'ปีงบประมาณ']) {
      expect(COMPOUNDS).toContain(w);
    }
  });
});

describe('break opportunities', () => {
  it('the breaks the book got wrong (issue 11) are gone', () => {
    expect(pieces('แก้ไขปัญหาหนี้สินข้าราชการครู')).toEqual(['แก้ไข', 'ปัญหา', 'หนี้สิน', 'ข้าราชการครู']);
    expect(pieces('ใช้ทรัพยากรอย่างคุ้มค่า')).toEqual(['ใช้', 'ทรัพยากร', 'อย่าง', 'คุ้มค่า']);
    expect(pieces('ความต้องการของผู้บริหาร')).toEqual(['ความต้องการ', 'ของ', 'ผู้บริหาร']);
    expect(pieces('งบประมาณ (บาท)')).toEqual(['งบประมาณ ', '(บาท)']);
    expect(pieces('ผู้รับผิดชอบโครงการ')).toEqual(['ผู้รับผิดชอบ', 'โครงการ']);
    expect(pieces('กำหนดคุณลักษณะเฉพาะและราคากลาง')).toEqual(['กำหนด', 'คุณลักษณะ', 'เฉพาะ', 'และ', 'ราคากลาง']);
  });
  it('keeps the rules of the PDF breaker: spaces, punctuation, ๆ ฯ, Latin, abbreviations', () => {
    expect(pieces('เงินทุนหมุนเวียนฯ ต.ค. 2560')).toEqual(['เงินทุนหมุนเวียนฯ ', 'ต.ค. ', '2560']);
    expect(pieces('ต่างๆ (Information Graphic)')).toEqual(['ต่างๆ ', '(Information ', 'Graphic)']);
    expect(pieces('โครงการเชื่อมโยงข้อมูลกับ ธ.ก.ส.')).toEqual(['โครงการ', 'เชื่อมโยง', 'ข้อมูล', 'กับ ', 'ธ.ก.ส.']);
  });
  it('a compound is only a compound at word boundaries; overlapping ones merge', () => {
    // หนี้|สินค้า (debt, goods): ICU's word runs past the letters of หนี้สิน, so they are not that word here
    expect(compoundRanges('หนี้สินค้า')).toEqual([]);
    expect(pieces('หนี้สินค้า')).toEqual(['หนี้', 'สินค้า']);
    expect(pieces('ความคุ้มค่าใช้จ่าย')).toEqual(['ความคุ้มค่าใช้จ่าย']); // ความคุ้มค่า + ค่าใช้จ่าย
  });
  it('an over-long compound is cut between its words first', () => {
    expect(compoundInnerBreaks('เงินทุนหมุนเวียน')).toEqual(['เงิน'.length]);
    expect(compoundInnerBreaks('ยุทธศาสตร์')).toEqual([]);
  });
  it('U+200B hints for the cards sit exactly at the opportunities between visible characters', () => {
    const t = 'แก้ไขปัญหาหนี้สินข้าราชการครู (Plan) ธ.ก.ส.';
    const hinted = withBreakHints(t);
    expect(hinted.split(ZWSP)).toEqual(['แก้ไข', 'ปัญหา', 'หนี้สิน', 'ข้าราชการครู (Plan) ธ.ก.ส.']);
    expect(withBreakHints(hinted)).toBe(hinted);
  });
});

describe('corpus of plan sentences', () => {
  const all = corpus();
  const withWords = all.filter((s) => compoundRanges(s).length > 0);
  it('has at least 200 sentences with dictionary words, from the seed plan and the synthetic generator', () => {
    expect(withWords.length).toBeGreaterThanOrEqual(200);
  });
  it('no dictionary word is cut, and every cut ICU would make inside one is gone', () => {
    const cut: string[] = [];
    let icuCuts = 0;
    for (const s of withWords) {
      const breaks = breakOpportunities(s);
      for (const w of COMPOUNDS) {
        for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) {
          const e = i + w.length;
          // an occurrence the segmenter does not see as a word of its own (the letters of ราคากลาง in ราคากลางวัน)
          if (![...icu.segment(s)].some((g) => g.index === i) && i > 0) continue;
          if (icuInside(s, i, e)) icuCuts++;
          if (breaks.some((p) => p > i && p < e)) cut.push(`${s.slice(0, i)}[${w}]${s.slice(e)}`);
        }
      }
    }
    expect(cut).toEqual([]);
    expect(icuCuts).toBeGreaterThan(500);
  });
});


describe("the agency's own words (organisation.yaml keep_together)", () => {
  it('are kept whole on top of the built-in list, and can be set again per model', () => {
    const text = 'ระบบบริหารงานบุคคลของหน่วยงาน';
    const inner = (bs: number[]) => bs.filter((b) => b > 0 && b < 'ระบบบริหารงานบุคคล'.length);
    setWords([]);
    expect(inner(breakOpportunities(text)).length).toBeGreaterThan(0);
    setWords(['ระบบบริหารงานบุคคล', 'Information Graphic']);
    expect(inner(breakOpportunities(text))).toEqual([]);
    expect(breakOpportunities('สื่อ Information Graphic ประจำเดือน')).not.toContain('สื่อ Information '.length);
    setWords([]);
    expect(inner(breakOpportunities(text)).length).toBeGreaterThan(0);
  });
});

describe('words ICU cuts in context, and an era with its year', () => {
  it('keeps หรือ, เตรียม, จัดทำ and สามารถ whole where ICU cuts them (น้อยห|รือ, การเต|รี|ยม, จัด|ทำความ, ความ|สา|มา|รถ)', () => {
    for (const [t, w] of [['มีอุปสรรคน้อยหรือปราศจากอุปสรรค', 'หรือ'], ['ทำให้เกิดการเตรียมพร้อม', 'เตรียม'], ['การจัดทำความเข้าใจ', 'จัดทำ'], ['ยังมีความสามารถอื่นๆ', 'สามารถ']] as const) {
      const s = t.indexOf(w);
      expect(icuInside(t, s, s + w.length)).toBe(true); // the cut this fixes, still ICU's
      expect(breakOpportunities(t).some((p) => p > s && p < s + w.length)).toBe(false);
      expect(pieces(t).join('')).toBe(t);
    }
  });
  it('never breaks between พ.ศ. or ค.ศ. and the year after it, and keeps ข้อมูลตัวอย่าง whole', () => {
    const t = 'ประจำปีงบประมาณ พ.ศ. 2567 (ข้อมูลตัวอย่าง) ค.ศ. ๒๐๒๔';
    expect(pieces(t)).toContain('พ.ศ. 2567 ');
    expect(pieces(t)).toContain('(ข้อมูลตัวอย่าง) ');
    expect(pieces(t).at(-1)).toBe('ค.ศ. ๒๐๒๔');
    // A space before a year elsewhere still breaks.
    expect(pieces('งบปี 2567')).toEqual(['งบปี ', '2567']);
  });
});

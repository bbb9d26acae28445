// Paragraph layouts remembered within a call (withLayoutMemo): a repeated paragraph is laid out once, and a
// remembered layout is exactly the one made afresh, for every property the layout reads.
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../document.ts';
import { loadSarabun } from '../font/sarabun.ts';
import { layoutParagraph, withLayoutMemo, type ParagraphStyle, type Run } from './paragraph.ts';

const theme = defaultTheme();
const style: ParagraphStyle = { family: theme.family, size: 14, lineHeight: 1.6, align: 'justify', indent: 20, color: '#000000' };
const text = 'ยุทธศาสตร์ที่ 1 พัฒนาโครงสร้างพื้นฐานดิจิทัลให้ทันสมัย ครอบคลุม และมีความมั่นคงปลอดภัยไซเบอร์ ปี่ ปั่น น้ำ ฤๅษี ๑๒๓ Mixed Latin';

// Each differs from the first in one thing layoutParagraph reads.
const cases: Array<[string, Run[], ParagraphStyle, number]> = [
  ['plain', [{ text }], style, 300],
  ['width', [{ text }], style, 200],
  ['no width limit', [{ text }], style, Infinity],
  ['bold', [{ text, bold: true }], style, 300],
  ['run size', [{ text, size: 12 }], style, 300],
  ['run colour', [{ text, color: '#ff0000' }], style, 300],
  ['underline', [{ text, underline: true }], style, 300],
  ['link', [{ text, link: 'https://example.go.th' }], style, 300],
  ['two runs', [{ text: text.slice(0, 20) }, { text: text.slice(20) }], style, 300],
  ['size', [{ text }], { ...style, size: 16 }, 300],
  ['line height', [{ text }], { ...style, lineHeight: 2 }, 300],
  ['align', [{ text }], { ...style, align: 'left' }, 300],
  ['indent', [{ text }], { ...style, indent: 0 }, 300],
  ['colour', [{ text }], { ...style, color: '#333333' }, 300],
  ['another family object', [{ text }], { ...style, family: { ...loadSarabun() } }, 300],
];

describe('paragraph layout memo', () => {
  it('gives, for each paragraph, the layout made without it, and lays a repeated one out once', () => {
    const fresh = cases.map(([, runs, s, w]) => layoutParagraph(runs, s, w));
    // Without the memo every call lays out anew.
    expect(layoutParagraph(cases[0]![1], style, 300)).not.toBe(fresh[0]);
    withLayoutMemo(() => {
      const first = cases.map(([, runs, s, w]) => layoutParagraph(runs, s, w));
      expect(first).toEqual(fresh);
      cases.forEach(([name, runs, s, w], i) => {
        // Equal arguments in new objects find the same lines; no two cases share one.
        expect(layoutParagraph(structuredClone(runs), { ...s }, w), name).toBe(first[i]);
        for (let j = 0; j < i; j++) expect(first[j], `${name} vs ${cases[j]![0]}`).not.toBe(first[i]);
      });
    });
    expect(layoutParagraph(cases[0]![1], style, 300)).not.toBe(fresh[0]);
  });

  it('inside another call uses that call\'s layouts, which last until the outer call ends', () => {
    withLayoutMemo(() => {
      const outer = layoutParagraph([{ text }], style, 300);
      const inner = withLayoutMemo(() => layoutParagraph([{ text }], style, 300));
      expect(inner).toBe(outer);
      expect(layoutParagraph([{ text }], style, 300)).toBe(outer);
    });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepCompounds, keepCompoundsText, mapTextNodes } from './words.ts';

describe('compounds kept whole on the site', () => {
  it('wraps each compound of the text in span.nowrap, the text itself unchanged', () => {
    const html = '<p class="x">ปัญหาหนี้สินของผู้บริหาร</p>';
    const out = keepCompounds(html, []);
    expect(out).toBe('<p class="x">ปัญหา<span class="nowrap">หนี้สิน</span>ของ<span class="nowrap">ผู้บริหาร</span></p>');
    expect(out.replace(/<[^>]+>/g, '')).toBe(html.replace(/<[^>]+>/g, ''));
  });
  it('leaves attributes, scripts, styles, svg and code alone', () => {
    const html = '<a title="a > งบประมาณ" href="#">x</a><script>const s = "งบประมาณ";</script><style>/* งบประมาณ */</style>'
      + '<svg><text>งบประมาณ</text></svg><code>งบประมาณ</code><!-- งบประมาณ -->';
    expect(keepCompounds(html, [])).toBe(html);
    expect(keepCompounds(`${html}<p>งบประมาณ</p>`, [])).toBe(`${html}<p><span class="nowrap">งบประมาณ</span></p>`);
  });
  it('escapes plain text it wraps', () => {
    expect(keepCompoundsText('<งบประมาณ> & "ผู้บริหาร"', [])).toBe('&lt;<span class="nowrap">งบประมาณ</span>&gt; &amp; &quot;<span class="nowrap">ผู้บริหาร</span>&quot;');
  });
  it("keeps the agency's own words whole, each text by the words given with it (texts seen before too)", () => {
    const html = '<p>ระบบบริหารงานบุคคล</p><p>ระบบบริหารงานบุคคล</p>';
    const plain = keepCompounds(html, []);
    expect(plain).not.toContain('<span class="nowrap">ระบบบริหารงานบุคคล</span>');
    expect(keepCompounds(html, ['ระบบบริหารงานบุคคล'])).toBe('<p><span class="nowrap">ระบบบริหารงานบุคคล</span></p>'.repeat(2));
    expect(keepCompoundsText('ระบบบริหารงานบุคคล', ['ระบบบริหารงานบุคคล'])).toBe('<span class="nowrap">ระบบบริหารงานบุคคล</span>');
    expect(keepCompounds(html, [])).toBe(plain);
    expect(keepCompoundsText('ระบบบริหารงานบุคคล', [])).toBe(plain.slice(3, plain.indexOf('</p>')));
  });
});

describe('the text-node walk', () => {
  // The regular expression the walk replaced: the walk must cut every string the same way.
  const TAG = /(<!--[\s\S]*?-->|<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)/;
  const reference = (html: string, raw: ReadonlySet<string>, f: (t: string) => string) => {
    const parts = html.split(TAG);
    let inside: string | undefined;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i % 2 === 1) {
        const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(p);
        const name = m?.[2]?.toLowerCase();
        if (!name) continue;
        if (inside === undefined && !m![1] && raw.has(name) && !p.endsWith('/>')) inside = name;
        else if (inside === name && m![1]) inside = undefined;
      } else if (inside === undefined && p !== '') parts[i] = f(p);
    }
    return parts.join('');
  };
  const RAW = new Set(['script', 'svg']);
  const mark = (t: string) => (t.includes('ก') ? `[${t}]` : t);
  it('finds the same text nodes as the tag pattern, on any string of markup characters', () => {
    const piece = fc.constantFrom('<', '>', '/', '!--', '-->', '"', "'", '=', ' ', 'a', 'B', 'p', 'ก', 'script', 'svg', '<p>', '</p>', '<svg>', '</svg>', '<script>', '</script>', '<br/>', '<!-- x -->',
      '<a ', '<svg ', '</svg ', ' title="', " title='", '">', "'>", '/>');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (ps) => {
      const html = ps.join('');
      expect(mapTextNodes(html, RAW, mark)).toBe(reference(html, RAW, mark));
    }), { numRuns: 3000 });
  });
  it('returns the page itself when no text changes', () => {
    const html = '<p class="a">abc</p><svg><text>ก</text></svg>';
    expect(mapTextNodes(html, RAW, mark)).toBe(html);
    expect(mapTextNodes('<p>กา</p>x', RAW, mark)).toBe('<p>[กา]</p>x');
  });
});

describe('words ICU cuts in context', () => {
  it('wraps หรือ in น้อยหรือ in a no-wrap span, since a browser breaking with ICU cuts it as น้อยห|รือ', () => {
    expect(keepCompounds('<p>มีอุปสรรคน้อยหรือปราศจาก</p>', [])).toContain('<span class="nowrap">หรือ</span>');
  });
});

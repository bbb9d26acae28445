import { describe, expect, it } from 'vitest';
import { keepCompounds, keepCompoundsText } from './words.ts';

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

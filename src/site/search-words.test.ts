import { describe, expect, it } from 'vitest';
import { indexText, searchTerm, segmentHtml, SPACE_MARK, thaiWords, unsegment } from './search-words.ts';

/** What Pagefind keeps of a text: words between single spaces. */
const asPagefind = (s: string) => s.trim().replace(/\s+/g, ' ');

describe('search words', () => {
  it('cuts Thai into the breaker\'s words, inside compounds too', () => {
    expect(thaiWords('ปัญหาหนี้สินข้าราชการครู')).toBe('ปัญหา หนี้ สิน ข้าราชการ ครู');
    expect(thaiWords('e-Service 2567')).toBe('e-Service 2567');
  });

  it('one typed Thai word is an exact phrase; several words, Latin, or a quoted query are left loose', () => {
    expect(searchTerm('หนี้สิน')).toBe('"หนี้ สิน"');
    expect(searchTerm('  ไวรัส ')).toBe('"ไวรัส"');
    expect(searchTerm('ระบบ สำรองข้อมูล')).toBe('ระบบ สำรอง ข้อมูล');
    expect(searchTerm('e-Service')).toBe('e-Service');
    expect(searchTerm('"หนี้สิน"')).toBe('"หนี้ สิน"');
  });

  it('a title or excerpt reads as the page wrote it, its own spaces kept, Pagefind\'s marks joined', () => {
    for (const text of ['เงินทุนหมุนเวียนเพื่อแก้ไขปัญหาหนี้สินข้าราชการครู', 'ผู้รับผิดชอบ กลุ่มงานแผน และงบประมาณ 50,000 บาท', 'ร้อยละ 80 ของ e-Service (Open Data)', 'พ.ศ. ๒๕๖๑ ต.ค. 60']) {
      const indexed = asPagefind(indexText(text));
      expect(indexed).not.toBe(text);
      expect(unsegment(indexed)).toBe(text);
    }
    expect(unsegment(`ปัญหา <mark>หนี้</mark> <mark>สิน</mark> ข้าราชการ ${SPACE_MARK} ครู`)).toBe('ปัญหา<mark>หนี้</mark><mark>สิน</mark>ข้าราชการ ครู');
  });

  it('the page\'s HTML: text only (not scripts, styles or attributes), element edges next to Thai are word edges', () => {
    const html = '<h1 title="หนี้สิน">ปัญหา<span class="nowrap">หนี้สิน</span>ครู</h1><script>const a = "หนี้สิน";</script><style>/* ไทย */</style>';
    expect(segmentHtml(html)).toBe('<h1 title="หนี้สิน"> ปัญหา <span class="nowrap"> หนี้ สิน </span> ครู </h1><script>const a = "หนี้สิน";</script><style>/* ไทย */</style>');
  });

  it('a compound in brackets reads back without the gaps of its element edges: (ข้อมูลตัวอย่าง), “ข้อมูล”', () => {
    const text = (html: string) => asPagefind(segmentHtml(html).replace(/<[^>]+>/g, ''));
    expect(unsegment(text('<h1>ภายในสำนักงาน (<span class="nowrap">ข้อมูลตัวอย่าง</span>)</h1>'))).toBe('ภายในสำนักงาน (ข้อมูลตัวอย่าง)');
    expect(unsegment(text('<p>คำว่า “<span class="nowrap">ข้อมูล</span>”, และ</p>'))).toBe('คำว่า “ข้อมูล”, และ');
    // the page's own space after a bracket is kept
    expect(unsegment(asPagefind(indexText('( ข้อมูล )')))).toBe('( ข้อมูล )');
  });
});

import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { contentErrorImage, contentErrorPage } from './content-errors.ts';

describe('dev server answers for broken content', () => {
  it('the page lists every message in Thai, escaped (a message quotes what the author wrote)', () => {
    const page = contentErrorPage('plans/2561/plan-2561.pdf', ['a.yaml:3:9: ข้อผิดพลาด: "<script>x</script>" ไม่ใช่ตัวเลข', 'b.yaml:1:1: ข้อผิดพลาด: y']);
    expect(page).toContain('<html lang="th">');
    expect(page).toContain('เนื้อหามีข้อผิดพลาด: ไฟล์ PDF plans/2561/plan-2561.pdf สร้างไม่ได้');
    expect(page).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page.match(/<li>/g)).toHaveLength(2);
  });

  it('the image has the size of what was asked for', async () => {
    const card = PNG.sync.read(Buffer.from(await contentErrorImage('plans/2561/infographics/2561-02.png', ['a.yaml:1:1: ข้อผิดพลาด: x'])));
    expect([card.width, card.height]).toEqual([1080, 1350]);
    const og = PNG.sync.read(Buffer.from(await contentErrorImage('plans/2561/og/plan.png', ['a.yaml:1:1: ข้อผิดพลาด: x'])));
    expect([og.width, og.height]).toEqual([1200, 630]);
  });
});

// What the dev server answers for a PDF or PNG while the content has errors (scripts/output.ts): the
// positioned Thai messages, as a page (a PDF link opens it in the browser) or as an image (an <img>
// shows it where the card would be), never the last good file, which would look current.
import { col } from '../infographics/h.ts';
import { renderElement } from '../infographics/render.ts';

const TITLE = 'เนื้อหามีข้อผิดพลาด';
const HINT = 'แก้ไฟล์ตามรายการนี้แล้วบันทึก ไฟล์จะสร้างใหม่จากเนื้อหาที่แก้แล้ว';
/** Messages shown on an image; more would not fit the card. */
const IMAGE_LINES = 6;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** What the file would have been: "ไฟล์ PDF plans/2561/plan-2561.pdf". */
const what = (path: string): string => `${path.endsWith('.pdf') ? 'ไฟล์ PDF' : 'ภาพ'} ${path} สร้างไม่ได้`;

/**
 * A Thai HTML page listing the errors (formatted diagnostics). It reloads itself every few seconds, so the
 * tab the author opened shows the PDF as soon as the content is fixed.
 */
export function contentErrorPage(path: string, errors: readonly string[]): string {
  const items = errors.map((e) => `<li><code>${escapeHtml(e)}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="3">
<title>${TITLE}</title>
<style>body{font-family:Sarabun,Tahoma,sans-serif;margin:2rem;line-height:1.7;color:#1B2430}
h1{color:#C62828;font-size:1.6rem}code{white-space:pre-wrap;word-break:break-word}li{margin:.4rem 0}</style>
</head>
<body>
<h1>${TITLE}: ${escapeHtml(what(path))}</h1>
<p>${HINT}</p>
<ol>
${items}
</ol>
</body>
</html>
`;
}

/** A PNG saying the same, at the size of the image asked for (1200×630 link previews, 1080×1350 cards). */
export async function contentErrorImage(path: string, errors: readonly string[]): Promise<Uint8Array> {
  const [width, height] = /(^|\/)og\//.test(path) ? [1200, 630] : [1080, 1350];
  const shown = errors.slice(0, IMAGE_LINES);
  const more = errors.length - shown.length;
  // Satori wraps a text only inside a box of known width.
  const line = { width: width - 112 };
  const el = col(
    { width, height, overflow: 'hidden', padding: 56, backgroundColor: '#FFFFFF', color: '#1B2430', fontFamily: 'Sarabun', fontSize: 26, lineHeight: 1.5, gap: 20 },
    col({ ...line, color: '#C62828', fontSize: 48, fontWeight: 700 }, TITLE),
    col({ ...line, fontSize: 30, fontWeight: 600 }, what(path)),
    col({ ...line, color: '#5B6573' }, HINT),
    ...shown.map((e) => col({ ...line, borderLeft: '6px solid #C62828', paddingLeft: 16 }, e)),
    more > 0 ? col({ ...line, color: '#5B6573' }, `และอีก ${more} รายการ`) : null,
  );
  return (await renderElement(el, width, height)).png;
}

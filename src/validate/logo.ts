// The organisation's logo file: the checks themselves live with the logo (src/assets/logo.ts); here they
// get their Thai messages and position.
import { logoProblem, type LogoProblem } from '../assets/logo.ts';
import type { LoadedContent } from '../loader/load-content.ts';
import type { SourceFile } from '../loader/source.ts';
import type { Report } from './context.ts';

/** A logo is a PNG or JPEG inside content/ or public/: a path cannot reach anywhere else. */
export function checkLogo(report: Report, content: LoadedContent, logo: string, source: SourceFile) {
  const messages: Record<LogoProblem, string> = {
    outside: `ไฟล์โลโก้ "${logo}" ต้องอยู่ในโฟลเดอร์ content/ หรือ public/: เขียนเป็นชื่อไฟล์ เช่น logo.png (ห้ามใช้ .. หรือที่อยู่เต็ม)`,
    format: `ไฟล์โลโก้ "${logo}" ต้องเป็น PNG หรือ JPEG (.png, .jpg)`,
    missing: `ไม่พบไฟล์โลโก้ "${logo}" ใน content/ หรือ public/: ตรวจชื่อไฟล์ หรือคัดลอกไฟล์ไปไว้ที่นั่น`,
    notImage: `ไฟล์โลโก้ "${logo}" ไม่ใช่ภาพ PNG หรือ JPEG: บันทึกภาพใหม่เป็น PNG`,
    damaged: `ไฟล์โลโก้ "${logo}" เสียหาย อ่านเป็นภาพไม่ได้: บันทึกภาพใหม่เป็น PNG`,
  };
  const problem = logoProblem(logo, content.contentDir, content.root);
  if (problem) report('error', source, ['branding', 'logo'], messages[problem]);
}

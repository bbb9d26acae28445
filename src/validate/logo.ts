// The organisation's logo file: the checks themselves live with the logo (src/assets/logo.ts); here they
// get their Thai messages and position.
import { LOGO_LIMITS, logoProblem, type LogoCheck, type LogoProblem } from '../assets/logo.ts';
import type { LoadedContent } from '../loader/load-content.ts';
import type { SourceFile } from '../loader/source.ts';
import type { Report } from './context.ts';

/** A logo is a PNG or JPEG inside content/ or public/ (a path cannot reach anywhere else), within LOGO_LIMITS. */
export function checkLogo(report: Report, content: LoadedContent, logo: string, source: SourceFile) {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  const { maxWidth, maxHeight, maxBytes } = LOGO_LIMITS;
  const messages: Record<LogoProblem, (c: LogoCheck) => string> = {
    outside: () => `ไฟล์โลโก้ "${logo}" ต้องอยู่ในโฟลเดอร์ content/ หรือ public/: เขียนเป็นชื่อไฟล์ เช่น logo.png (ห้ามใช้ .. หรือที่อยู่เต็ม)`,
    format: () => `ไฟล์โลโก้ "${logo}" ต้องเป็น PNG หรือ JPEG (.png, .jpg)`,
    missing: () => `ไม่พบไฟล์โลโก้ "${logo}" ใน content/ หรือ public/: ตรวจชื่อไฟล์ หรือคัดลอกไฟล์ไปไว้ที่นั่น`,
    notImage: () => `ไฟล์โลโก้ "${logo}" ไม่ใช่ภาพ PNG หรือ JPEG: บันทึกภาพใหม่เป็น PNG`,
    damaged: () => `ไฟล์โลโก้ "${logo}" เสียหาย อ่านเป็นภาพไม่ได้: บันทึกภาพใหม่เป็น PNG`,
    tooHeavy: (c) => `ไฟล์โลโก้ "${logo}" ใหญ่เกินไป (${mb(c.bytes!)}, สูงสุด ${maxBytes / 2 ** 20} MB): ย่อภาพหรือบันทึกใหม่เป็น PNG ขนาดไม่เกิน ${maxWidth}×${maxHeight} พิกเซล`,
    tooLarge: (c) => `ภาพโลโก้ "${logo}" ใหญ่เกินไป (${c.width}×${c.height} พิกเซล, สูงสุด ${maxWidth}×${maxHeight} พิกเซล): ย่อภาพให้กว้างและสูงไม่เกิน ${maxWidth} พิกเซล`,
  };
  const check = logoProblem(logo, content.contentDir, content.root);
  if (check) report('error', source, ['branding', 'logo'], messages[check.problem](check));
}

// The organisation's logo file.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PNG } from 'pngjs';
import type { LoadedContent } from '../loader/load-content.ts';
import type { SourceFile } from '../loader/source.ts';
import type { Report } from './context.ts';

/** A logo is a PNG or JPEG inside content/ or public/: a path cannot reach anywhere else. */
export function checkLogo(report: Report, content: LoadedContent, logo: string, source: SourceFile) {
  const path = ['branding', 'logo'];
  if (isAbsolute(logo) || logo.split(/[\\/]/).includes('..')) {
    report('error', source, path, `ไฟล์โลโก้ "${logo}" ต้องอยู่ในโฟลเดอร์ content/ หรือ public/: เขียนเป็นชื่อไฟล์ เช่น logo.png (ห้ามใช้ .. หรือที่อยู่เต็ม)`);
    return;
  }
  if (!/\.(png|jpe?g)$/i.test(logo)) {
    report('error', source, path, `ไฟล์โลโก้ "${logo}" ต้องเป็น PNG หรือ JPEG (.png, .jpg)`);
    return;
  }
  const found = [content.contentDir, join(content.root, 'public')].map((d) => join(d, logo)).find((f) => existsSync(f));
  if (!found) {
    report('error', source, path, `ไม่พบไฟล์โลโก้ "${logo}" ใน content/ หรือ public/: ตรวจชื่อไฟล์ หรือคัดลอกไฟล์ไปไว้ที่นั่น`);
    return;
  }
  const bytes = readFileSync(found);
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) {
    report('error', source, path, `ไฟล์โลโก้ "${logo}" ไม่ใช่ภาพ PNG หรือ JPEG: บันทึกภาพใหม่เป็น PNG`);
    return;
  }
  // A damaged file would only fail later, inside a renderer: decode it now.
  let intact = true;
  if (isPng) {
    try {
      PNG.sync.read(bytes);
    } catch {
      intact = false;
    }
  } else intact = bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
  if (!intact) report('error', source, path, `ไฟล์โลโก้ "${logo}" เสียหาย อ่านเป็นภาพไม่ได้: บันทึกภาพใหม่เป็น PNG`);
}

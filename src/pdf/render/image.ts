/** Image sources from PNG or JPEG bytes (pixel size read from the header). */
import type { ImageSource } from './items.ts';

export function imageFromBytes(data: Uint8Array): ImageSource {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    return { data, format: 'png', width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) { i++; continue; }
      const marker = data[i + 1]!;
      const len = dv.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { data, format: 'jpeg', height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
      }
      i += 2 + len;
    }
    throw new Error('JPEG without a frame header');
  }
  throw new Error('Only PNG and JPEG images are supported');
}

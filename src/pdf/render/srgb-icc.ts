/**
 * An sRGB ICC profile (ICC.1 version 2.1, display class, matrix/TRC), built here so the PDF/A output intent needs
 * no file or download. The colorants are the sRGB primaries adapted to the D50 PCS (Bradford), the media white is
 * D65, and each channel's tone curve samples the IEC 61966-2.1 transfer function at 1024 points.
 */

const D50 = [0.9642, 1.0, 0.8249];
const D65 = [0.9505, 1.0, 1.089];
const RED = [0.4360747, 0.2225045, 0.0139322];
const GREEN = [0.3850649, 0.7168786, 0.0971045];
const BLUE = [0.1430804, 0.0606169, 0.7141733];
export const SRGB_DESCRIPTION = 'sRGB IEC61966-2.1';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
const s15f16 = (x: number) => u32(Math.round(x * 65536) | 0);
const xyz = (v: number[]) => [...ascii('XYZ '), 0, 0, 0, 0, ...v.flatMap(s15f16)];

function textDescription(s: string): number[] {
  // ASCII description, then empty Unicode and ScriptCode parts (v2 textDescriptionType)
  return [...ascii('desc'), 0, 0, 0, 0, ...u32(s.length + 1), ...ascii(s), 0, ...u32(0), ...u32(0), ...u16(0), 0, ...new Array<number>(67).fill(0)];
}

function curve(): number[] {
  const n = 1024;
  const out = [...ascii('curv'), 0, 0, 0, 0, ...u32(n)];
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const lin = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    out.push(...u16(Math.round(lin * 65535)));
  }
  return out;
}

let cached: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  if (cached) return cached;
  const trc = curve();
  const tags: Array<[string, number[]]> = [
    ['desc', textDescription(SRGB_DESCRIPTION)],
    ['cprt', [...ascii('text'), 0, 0, 0, 0, ...ascii('No copyright, use freely'), 0]],
    ['wtpt', xyz(D65)],
    ['rXYZ', xyz(RED)],
    ['gXYZ', xyz(GREEN)],
    ['bXYZ', xyz(BLUE)],
    ['rTRC', trc],
    ['gTRC', trc],
    ['bTRC', trc],
  ];
  const pad4 = (a: number[]) => [...a, ...new Array<number>((4 - (a.length % 4)) % 4).fill(0)];
  const tableSize = 4 + tags.length * 12;
  const entries: number[] = [];
  const data: number[] = [];
  let trcOffset = -1;
  for (const [sig, body] of tags) {
    let offset: number;
    if (body === trc && trcOffset >= 0) offset = trcOffset; // the three curves share one element
    else {
      offset = 128 + tableSize + data.length;
      data.push(...pad4(body));
      if (body === trc) trcOffset = offset;
    }
    entries.push(...ascii(sig), ...u32(offset), ...u32(body.length));
  }
  const size = 128 + tableSize + data.length;
  const header = [
    ...u32(size), 0, 0, 0, 0, 0x02, 0x10, 0, 0, ...ascii('mntr'), ...ascii('RGB '), ...ascii('XYZ '),
    // creation date: fixed, so the profile (and every PDF) is the same bytes each time
    ...u16(2024), ...u16(1), ...u16(1), ...u16(0), ...u16(0), ...u16(0),
    ...ascii('acsp'), 0, 0, 0, 0, ...u32(0), ...u32(0), ...u32(0), ...u32(0), ...u32(0),
    ...u32(0), // perceptual
    ...D50.flatMap(s15f16), ...u32(0), ...new Array<number>(16).fill(0), ...new Array<number>(28).fill(0),
  ];
  if (header.length !== 128) throw new Error(`ICC header is ${header.length} bytes`);
  cached = Uint8Array.from([...header, ...u32(tags.length), ...entries, ...data]);
  return cached;
}

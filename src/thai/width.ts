// How many terminal columns a string takes: Thai vowels above and below and the tone marks (ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎)
// combine with the consonant before them and take none, so a count of characters overshoots Thai text.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) if (!ZERO_WIDTH.test(ch)) w++;
  return w;
}

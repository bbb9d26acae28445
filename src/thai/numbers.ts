// Thai numerals, thousands separators and baht amounts in words (บาทถ้วน / สตางค์).

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export type DigitStyle = 'arabic' | 'thai';

/** Replaces Arabic digits 0–9 with Thai digits ๐–๙ in any text. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
}

export function digits(text: string | number, style: DigitStyle): string {
  const s = String(text);
  return style === 'thai' ? toThaiDigits(s) : s;
}

/** 15000 → "15,000"; 1234.5 → "1,234.50" (satang always shown when there are any). */
// Formatters are built once: creating one per call costs more than the formatting itself.
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const WITH_SATANG = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export function formatNumber(n: number, style: DigitStyle = 'arabic'): string {
  // -0, and anything that rounds to zero (-0.004), is written 0: never "-0 บาท".
  if (Math.round(n * 100) === 0) n = 0;
  const hasFraction = Math.round(n * 100) % 100 !== 0;
  return digits((hasFraction ? WITH_SATANG : WHOLE).format(n), style);
}

/** "15,000 บาท" */
export function formatBaht(n: number, style: DigitStyle = 'arabic'): string {
  return `${formatNumber(n, style)} บาท`;
}

const UNIT_WORDS = ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACE_WORDS = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/** Reads 0 < n < 1,000,000 in Thai, with เอ็ด for a final 1 after tens and ยี่ for 20–29. */
function readBelowMillion(n: number, hasHigherPart: boolean): string {
  const ds = String(n).split('').map(Number).reverse();
  let out = '';
  for (let place = ds.length - 1; place >= 0; place--) {
    const d = ds[place]!;
    if (d === 0) continue;
    if (place === 0) {
      // เอ็ด when 1 ends a number that has anything before it (11, 21, 101, 1,000,001).
      out += d === 1 && (n > 9 || hasHigherPart) ? 'เอ็ด' : UNIT_WORDS[d];
    } else if (place === 1) {
      out += (d === 1 ? '' : d === 2 ? 'ยี่' : UNIT_WORDS[d]) + 'สิบ';
    } else {
      out += UNIT_WORDS[d] + PLACE_WORDS[place]!;
    }
  }
  return out;
}

/** Reads a non-negative integer in Thai words (ล้าน repeats for larger amounts). */
export function thaiNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`thaiNumberWords: ${n} is not a non-negative integer`);
  if (n === 0) return 'ศูนย์';
  const millions = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  const head = millions > 0 ? thaiNumberWords(millions) + 'ล้าน' : '';
  return head + (rest > 0 ? readBelowMillion(rest, millions > 0) : '');
}

/**
 * Baht in words as official documents write them: 15000 → หนึ่งหมื่นห้าพันบาทถ้วน,
 * 0.5 → ห้าสิบสตางค์, 21.25 → ยี่สิบเอ็ดบาทยี่สิบห้าสตางค์.
 */
export function bahtText(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`bahtText: ${amount} is not a non-negative amount`);
  const satangTotal = Math.round(amount * 100);
  const baht = Math.floor(satangTotal / 100);
  const satang = satangTotal % 100;
  if (baht === 0 && satang === 0) return 'ศูนย์บาทถ้วน';
  const bahtPart = baht > 0 ? thaiNumberWords(baht) + 'บาท' : '';
  return bahtPart + (satang > 0 ? thaiNumberWords(satang) + 'สตางค์' : 'ถ้วน');
}

/** A measured quantity, not money: its own decimals, at most two (a score of 4.5 is "4.5", never "4.50"). */
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "ร้อยละ 90", "18 เครื่อง", "4.5 คะแนน": a few Thai units are written before the number; baht as money. */
const PREFIX_UNITS = new Set(['ร้อยละ', 'จำนวน']);
export function formatQuantity(value: number, unit: string | undefined, style: DigitStyle = 'arabic'): string {
  const v = unit === 'บาท' ? formatNumber(value, style) : digits(QUANTITY.format(Object.is(value, -0) ? 0 : value), style);
  if (!unit) return v;
  return PREFIX_UNITS.has(unit) ? `${unit} ${v}` : `${v} ${unit}`;
}

const ARABIC_OF_THAI: Record<string, string> = Object.fromEntries([...THAI_DIGITS].map((d, i) => [d, String(i)]));

/** Writes every digit of the text, Arabic or Thai, in one style: an image shows one style per setting
 *  whatever the source text used. */
export function normaliseDigits(text: string, style: DigitStyle): string {
  return style === 'thai' ? toThaiDigits(text) : text.replace(/[๐-๙]/g, (d) => ARABIC_OF_THAI[d]!);
}

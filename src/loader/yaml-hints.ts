// YAML syntax errors in Thai, with the hint that fits what is really wrong. The parser reports where it
// got lost, which is often a line away from the mistake and in terms a staff member does not use
// ("Sequence item without - indicator", "Nested mappings are not allowed in compact mappings"), so the
// text around the error is read again: an unclosed quote or bracket is shown where it opens, a line indented
// differently from the field before it is named with both indents, a list entry without its "- " is said so.
import type { LineCounter, YAMLError } from 'yaml';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
  /** No hint fits: the parser got lost here, most likely because of a mistake already reported above. */
  generic?: boolean;
}

const indentOf = (l: string) => /^ */.exec(l)![0].length;
const blank = (l: string) => /^\s*(#.*)?$/.test(l);
/** The key of a `key: value` line, or of a `- key: value` list entry. */
const keyOf = (l: string) => /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(l)?.[1];

/** The nearest line above `i` that holds something, with its index. */
function previous(lines: string[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!blank(lines[j]!)) return j;
  return -1;
}

/** An opening quote or bracket on a line that is not closed on it: the column (1-based) where it opens. */
function unclosedOn(line: string, open: string): number | undefined {
  const close = open === '[' ? ']' : open === '{' ? '}' : open;
  let depth = 0;
  let at: number | undefined;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || line[i - 1] === ' ')) break;
    if ((c === '"' || c === "'") && (open === c) && (i === 0 || /[\s:[{,-]/.test(line[i - 1]!))) {
      quote = c;
      at = i;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,]/.test(line[i - 1]!))) quote = c;
    else if (c === open && open !== close) {
      if (depth++ === 0) at = i;
    } else if (c === close && open !== close && depth > 0) depth--;
  }
  if (open === '"' || open === "'") return quote === open && at !== undefined ? at + 1 : undefined;
  return depth > 0 && at !== undefined ? at + 1 : undefined;
}

/** Searches upwards from the error line for the line that opened what was never closed. */
function findOpening(lines: string[], from: number, open: string): { line: number; column: number } | undefined {
  for (let j = Math.min(from, lines.length - 1); j >= 0 && j > from - 50; j--) {
    const col = unclosedOn(lines[j]!, open);
    if (col !== undefined) return { line: j + 1, column: col };
  }
  return undefined;
}

const QUOTE_NAME: Record<string, string> = { '"': 'เครื่องหมายคำพูด "', "'": "เครื่องหมายคำพูด '", '[': 'วงเล็บ [', '{': 'วงเล็บ {' };
const CLOSER: Record<string, string> = { '"': '"', "'": "'", '[': ']', '{': '}' };

/** Indentation and missing "- ": compares line `i` with the lines above it. */
function indentProblem(lines: string[], i: number): SyntaxProblem | undefined {
  const line = lines[i]!;
  const ind = indentOf(line);
  const p = previous(lines, i);
  if (p < 0) return undefined;
  const prev = lines[p]!;
  const prevInd = indentOf(prev);
  const key = keyOf(line);
  const at = { line: i + 1, column: ind + 1 };
  const isEntry = (l: string) => /^\s*-(\s|$)/.test(l);
  /** The nearest line above `i` indented no deeper than `depth`. */
  const above = (depth: number) => {
    for (let j = p; j >= 0; j--) if (!blank(lines[j]!) && indentOf(lines[j]!) <= depth) return j;
    return -1;
  };
  if (isEntry(line)) {
    // A list entry indented differently from the entries before it.
    for (let j = p; j >= 0; j--) {
      if (blank(lines[j]!)) continue;
      if (isEntry(lines[j]!) && indentOf(lines[j]!) !== ind && indentOf(lines[j]!) < ind + 2) {
        return { ...at, message: `รายการนี้ย่อหน้า ${ind} ช่อง แต่รายการก่อนหน้าในบรรทัด ${j + 1} ย่อหน้า ${indentOf(lines[j]!)} ช่อง: ทุกรายการในรายการเดียวกันต้องขึ้นต้นด้วย "- " ที่ย่อหน้าเท่ากัน` };
      }
      if (indentOf(lines[j]!) < Math.min(ind, prevInd)) break;
    }
    return undefined;
  }
  const up = above(ind);
  if (up >= 0 && isEntry(lines[up]!) && indentOf(lines[up]!) === ind) {
    // The entry above starts at this column with "- ": this line is a new entry without its "- ", or a
    // field of that entry indented too little.
    const inner = ind + /^\s*-\s+/.exec(lines[up]!)![0].length - indentOf(lines[up]!);
    return {
      ...at,
      message: `บรรทัดนี้ย่อหน้าตรงกับ "- " ของรายการในบรรทัด ${up + 1} แต่ไม่มี "- ": ถ้าเป็นรายการใหม่ ให้เขียน "${' '.repeat(ind)}- ${line.trim()}"${key ? ` ถ้าเป็นฟิลด์ของรายการนั้น ให้ย่อหน้า ${inner} ช่องให้ตรงกับ ${keyOf(lines[up]!) ?? 'ฟิลด์ของรายการนั้น'}` : ''}`,
    };
  }
  // The field on a "  - name: …" line starts after its "- ": its siblings line up with that column, not with the dash.
  const prevCol = /^\s*(?:-\s+)*/.exec(prev)![0].length;
  if (ind > prevCol && /:\s+[^\s|>#]/.test(prev)) {
    return { ...at, message: `บรรทัดนี้ย่อหน้า ${ind} ช่อง มากกว่าบรรทัด ${p + 1} (${prevCol} ช่อง) ซึ่งมีค่าอยู่แล้ว: ฟิลด์ในระดับเดียวกันต้องย่อหน้าเท่ากัน ลบช่องว่างหน้า ${key ?? 'บรรทัดนี้'} ให้เหลือ ${prevCol} ช่อง` };
  }
  if (prevInd > ind && (up < 0 || indentOf(lines[up]!) < ind)) {
    return { ...at, message: `บรรทัดนี้ย่อหน้า ${ind} ช่อง แต่${keyOf(prev) ? `ฟิลด์ ${keyOf(prev)} ใน` : ''}บรรทัด ${p + 1} ย่อหน้า ${prevInd} ช่อง: ฟิลด์ในระดับเดียวกันต้องย่อหน้าเท่ากัน (ใช้ช่องว่าง ไม่ใช้ Tab)` };
  }
  return undefined;
}

/** One Thai message for one parser error, at the place the author has to change. */
export function yamlSyntaxProblem(e: YAMLError, text: string, lineCounter: LineCounter): SyntaxProblem {
  const pos = lineCounter.linePos(e.pos[0]);
  const lines = text.split(/\r?\n/);
  const i = Math.min(pos.line, lines.length) - 1;
  const line = lines[i] ?? '';
  const here = { line: pos.line, column: pos.col };
  const msg = e.message;

  if (e.code === 'TAB_AS_INDENT') return { ...here, message: 'ห้ามใช้ Tab ในการย่อหน้า: ใช้ช่องว่าง 2 ช่องต่อหนึ่งระดับ (ใน VS Code: Convert Indentation to Spaces)' };
  if (e.code === 'DUPLICATE_KEY') return { ...here, message: `ชื่อฟิลด์${keyOf(line) ? ` ${keyOf(line)} ` : ''}ซ้ำกันในระดับเดียวกัน: ลบฟิลด์ที่ซ้ำ หรือรวมค่าไว้ในฟิลด์เดียว` };
  for (const open of ['"', "'", '[', '{']) {
    const quoteMissing = (open === '"' || open === "'") && msg.includes(`Missing closing ${open}quote`);
    const bracketMissing = (open === '[' || open === '{') && (msg.includes(`end with a ${CLOSER[open]}`) || msg.includes(`Expected ${CLOSER[open]}`) || msg.includes(`missing ${CLOSER[open]}`));
    if (quoteMissing || bracketMissing) {
      const where = findOpening(lines, i, open) ?? here;
      return { ...where, message: `${QUOTE_NAME[open]} ที่เปิดตรงนี้ไม่ได้ปิด: ใส่ ${CLOSER[open]} ปิดท้ายในบรรทัดเดียวกัน${open === '"' || open === "'" ? ` หรือเอา ${open} ออกถ้าไม่ต้องการ` : ''}` };
    }
  }
  if (msg.includes('without - indicator')) {
    return indentProblem(lines, i) ?? { ...here, message: 'รายการนี้ไม่มีเครื่องหมาย "- ": ทุกรายการในรายการเดียวกันต้องขึ้นต้นด้วย "- " และย่อหน้าเท่ากัน' };
  }
  if (e.code === 'BAD_INDENT' || e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'MISSING_CHAR') {
    // "key: a: b" — a colon and space inside a value.
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && /^\s*(?:-\s+)?[^:#]+:\s+[^"'[{#].*:\s/.test(line) && pos.line === i + 1) {
      return { ...here, message: 'ค่านี้มีเครื่องหมาย : ตามด้วยเว้นวรรค ซึ่ง YAML อ่านเป็นชื่อฟิลด์: ใส่ค่าไว้ในเครื่องหมายคำพูด เช่น name: "ก: ข"' };
    }
    // The parser stops on the line before a line indented too far; look at the next lines too.
    for (const k of [i, i + 1, i + 2]) {
      if (k >= lines.length || blank(lines[k]!)) continue;
      const p = indentProblem(lines, k);
      if (p) return p;
    }
    if (!/:(\s|$)/.test(line.replace(/#.*$/, '')) && /\S/.test(line)) {
      const colon = /^\s*[^\s:]+:\S/.exec(line);
      return {
        line: pos.line,
        column: indentOf(line) + 1,
        message: colon ? 'ต้องเว้นวรรคหลังเครื่องหมาย : เช่น name: ค่า (ไม่ใช่ name:ค่า)' : 'บรรทัดนี้ไม่มีเครื่องหมาย : หลังชื่อฟิลด์: เขียนเป็น ชื่อฟิลด์: ค่า หรือถ้าเป็นรายการ ให้ขึ้นต้นด้วย "- "',
      };
    }
  }
  const generic: Record<string, string> = {
    BAD_ALIAS: 'การอ้างอิง (alias *) ไม่ถูกต้อง: เขียนค่าลงไปตรง ๆ แทน',
    MISSING_ANCHOR: 'การอ้างอิง (alias *) ไม่พบ anchor (&) ที่ชื่อนี้: เขียนค่าลงไปตรง ๆ แทน',
    BAD_SCALAR_START: 'ค่าขึ้นต้นด้วยอักขระที่ YAML ใช้เป็นสัญลักษณ์ (เช่น @ ` % * &): ใส่ค่าไว้ในเครื่องหมายคำพูด "..."',
    BLOCK_IN_FLOW: 'ภายใน [...] หรือ {...} เขียนค่าต่อกันคั่นด้วย , ในบรรทัดเดียว: ย้ายรายการที่ขึ้นบรรทัดใหม่ด้วย - ออกมานอกวงเล็บ',
    MULTIPLE_DOCS: 'ไฟล์หนึ่งต้องมีเอกสาร YAML เดียว: ลบบรรทัด --- ที่เกินมา',
    UNEXPECTED_TOKEN: 'พบอักขระที่ YAML ไม่คาดว่าจะอยู่ตรงนี้: ถ้าเป็นส่วนหนึ่งของข้อความ ให้ใส่ค่าไว้ในเครื่องหมายคำพูด "..."',
  };
  return { ...here, message: generic[e.code] ?? 'ไวยากรณ์ YAML ไม่ถูกต้องตรงนี้: ตรวจการย่อหน้า (ช่องว่างเท่ากันในระดับเดียวกัน), เครื่องหมาย : หลังชื่อฟิลด์ และ "- " หน้ารายการ', generic: !(e.code in generic) };
}

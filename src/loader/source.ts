// Reading one YAML file with positions. Nothing outside src/loader touches YAML.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { ParseCache } from './parse-cache.ts';
import { yamlSyntaxProblem } from './yaml-hints.ts';

/** Caps that keep a hostile file from exhausting memory (alias bombs, giant files). */
export const LIMITS = { maxAliasCount: 100, maxFileBytes: 5 * 1024 * 1024 } as const;

export type PathSegment = string | number;

export interface SourceFile {
  /** Project-relative path used in messages. */
  file: string;
  /** The decoded text: positions are found again from it when a later check reports on this file. */
  text: string;
  /** The plain data, or undefined when the file could not be read as YAML. */
  data: unknown;
}

/**
 * Parsed documents with positions are large (about 50× the file); they are kept only while needed and
 * parsed again on demand, so memory stays proportional to the data, not to the syntax trees.
 */
const documents = new WeakMap<SourceFile, { doc: Document.Parsed; lineCounter: LineCounter }>();

function parseYaml(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // Merge keys (`<<: *defaults`) are accepted: they are valid YAML 1.1 that people copy from other projects,
  // and the aliases they use count against maxAliasCount like any other.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false, merge: true });
  return { doc, lineCounter };
}

function documentOf(source: SourceFile): { doc: Document.Parsed; lineCounter: LineCounter } {
  let d = documents.get(source);
  if (!d) {
    d = parseYaml(source.text);
    documents.set(source, d);
  }
  return d;
}

/** Lets the syntax tree go once a file has passed its schema. */
export function releaseDocument(source: SourceFile): void {
  documents.delete(source);
}

/** Line and column (1-based) of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      const column = new TextDecoder().decode(bytes.subarray(lineStart, i)).length + 1;
      return { line, column };
    }
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += need + 1;
  }
  return { line, column: 1 };
}

/**
 * Parses a file's bytes. Returns the source (possibly with data undefined) and the problems found:
 * not UTF-8, too big, empty, YAML syntax errors, duplicate keys, alias bombs. With a `cache`, bytes parsed
 * before without a message are not parsed again.
 */
export function parseSource(file: string, bytes: Uint8Array, cache?: ParseCache): { source?: SourceFile; diagnostics: Diagnostic[] } {
  const key = cache ? ParseCache.key(bytes) : undefined;
  const cached = cache && key ? cache.get(key) : undefined;
  if (cached !== undefined) return { source: { file, text: new TextDecoder().decode(bytes), data: cached }, diagnostics: [] };
  const parsed = parseNew(file, bytes);
  if (cache && key && parsed.source?.data !== undefined && parsed.diagnostics.length === 0) cache.set(key, parsed.source.data);
  return parsed;
}

function parseNew(file: string, bytes: Uint8Array): { source?: SourceFile; diagnostics: Diagnostic[] } {
  const at = (line: number, column: number, message: string): Diagnostic => ({ severity: 'error', file, line, column, message });
  if (bytes.length > LIMITS.maxFileBytes) {
    return { diagnostics: [at(1, 1, `ไฟล์ใหญ่เกินไป (${(bytes.length / 2 ** 20).toFixed(1)} MB, สูงสุด ${LIMITS.maxFileBytes / 2 ** 20} MB): แยกเป็นหลายไฟล์`)] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const p = firstInvalidUtf8(bytes);
    return { diagnostics: [at(p.line, p.column, 'ไฟล์ไม่ได้บันทึกเป็น UTF-8: บันทึกไฟล์ใหม่ด้วยการเข้ารหัส UTF-8 (ใน VS Code: Save with Encoding → UTF-8)')] };
  }
  const { doc, lineCounter } = parseYaml(text);
  const source: SourceFile = { file, text, data: undefined };
  documents.set(source, { doc, lineCounter });
  const diagnostics: Diagnostic[] = [];
  // One message per mistake: the parser often reports one mistake several ways, at its line and the next ones.
  const seenLines = new Set<number>();
  for (const e of doc.errors) {
    const p = yamlSyntaxProblem(e, text, lineCounter);
    if (seenLines.has(p.line) || (p.generic && diagnostics.length > 0)) continue;
    seenLines.add(p.line);
    diagnostics.push(at(p.line, p.column, p.message));
  }
  // The parser only warns about a tag it does not know (`!include`, `!!js/function`) and keeps the text as a
  // string, which would silently change what the author meant: an error here.
  for (const w of doc.warnings) {
    const p = lineCounter.linePos(w.pos[0]);
    const tag = /Unresolved tag: (\S+)/.exec(w.message)?.[1];
    diagnostics.push(
      w.code === 'TAG_RESOLVE_FAILED'
        ? at(p.line, p.col, `ไม่รองรับแท็ก YAML ${tag?.replace(/^tag:yaml\.org,2002:/, '!!') ?? ''}: ลบแท็กออกแล้วเขียนค่าลงไปตรง ๆ (ไฟล์อื่นนำเข้ามาไม่ได้)`)
        : { ...at(p.line, p.col, `ตรวจไวยากรณ์ YAML ตรงนี้: ไฟล์อ่านได้ แต่อาจไม่ได้ค่าตามที่ตั้งใจ (${w.message.split('\n')[0]})`), severity: 'warning' },
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    return { source, diagnostics: [at(1, 1, 'ไฟล์ว่าง: ต้องมีข้อมูลในรูปแบบ ชื่อฟิลด์: ค่า (ดูตัวอย่างใน README)')] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (e) {
    // yaml throws on excessive aliasing ("billion laughs"); point at the first alias.
    let pos = { line: 1, col: 1 };
    visit(doc, { Alias(_key, node) {
      if (node.range) pos = lineCounter.linePos(node.range[0]);
      return visit.BREAK;
    } });
    const why = e instanceof Error && /alias/i.test(e.message) ? 'ใช้การอ้างอิง (alias *) มากเกินไป: เขียนค่าลงไปตรง ๆ แทน' : `อ่านไฟล์ไม่ได้: ${String(e)}`;
    return { source, diagnostics: [at(pos.line, pos.col, why)] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const p = lineCounter.linePos(doc.contents.range?.[0] ?? 0);
    return { source, diagnostics: [at(p.line, p.col, 'ไฟล์ต้องเป็นชุดของ ชื่อฟิลด์: ค่า (mapping) ไม่ใช่ข้อความหรือรายการ')] };
  }
  normaliseText(data);
  source.data = data;
  return { source, diagnostics };
}

/**
 * Every string value in its composed form, so search, comparison and layout see one spelling: Unicode NFC,
 * and Thai SARA AM typed as NIKHAHIT + SARA AA (ํ + า, also with a tone mark between: นํ้า) composed to ำ,
 * which NFC leaves alone (the decomposition is a compatibility one). In place; aliases may share objects
 * and even form cycles, so each object is visited once.
 */
export function normaliseText(data: unknown, seen = new Set<object>()): void {
  if (data === null || typeof data !== 'object' || seen.has(data)) return;
  seen.add(data);
  if (!Array.isArray(data) && Object.getPrototypeOf(data) !== Object.prototype) return;
  const o = data as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'string') o[k] = composeThai(v);
    else normaliseText(v, seen);
  }
}

export function composeThai(s: string): string {
  return s.normalize('NFC').replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33');
}

/**
 * Where a field path points in the file. For a path that does not exist (a missing required field)
 * it falls back to the nearest existing parent. `key: true` points at the key instead of the value.
 */
export function locate(source: SourceFile, path: readonly PathSegment[], opts: { key?: string } = {}): { line: number; column: number } {
  const { doc, lineCounter } = documentOf(source);
  let node: unknown = doc.contents;
  let best: Node | undefined = node as Node;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      node = pair.value ?? pair.key;
      best = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
      best = item as Node;
    } else break;
  }
  if (opts.key && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === opts.key);
    if (pair && isScalar(pair.key) && pair.key.range) best = pair.key;
  }
  const offset = best?.range?.[0] ?? 0;
  const p = lineCounter.linePos(offset);
  return { line: p.line, column: p.col };
}

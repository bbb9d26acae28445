/**
 * Font subsetting with HarfBuzz's hb-subset, from the `harfbuzz-subset.wasm` that ships with harfbuzzjs (a standalone
 * WebAssembly module with no imports; harfbuzzjs has no JS wrapper for it, so we call its C API directly).
 *
 * We subset with HB_SUBSET_FLAGS_RETAIN_GIDS: glyph ids stay those HarfBuzz's shaper produced, so the PDF can use
 * CIDToGIDMap /Identity with CID = GID and no renumbering. Unused glyphs become empty, which costs a few bytes of
 * loca/hmtx per glyph of the full font (Sarabun: ~900 glyphs, ~6 KB before compression). Layout tables (GSUB,
 * GPOS, GDEF) and the cmap are dropped: a PDF viewer draws glyph ids and never shapes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, len: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_length(b: number): number;
  hb_blob_get_data(b: number, lenPtr: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_set_add(set: number, v: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_glyph_set(i: number): number;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_set_flags(i: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize?: () => void;
}

let wasm: SubsetExports | undefined;

function subsetter(): SubsetExports {
  if (wasm) return wasm;
  const require = createRequire(import.meta.url);
  const path = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const mod = new WebAssembly.Module(readFileSync(path));
  const inst = new WebAssembly.Instance(mod, {});
  wasm = inst.exports as unknown as SubsetExports;
  wasm._initialize?.();
  return wasm;
}

const HB_MEMORY_MODE_DUPLICATE = 0;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
const HB_SUBSET_FLAGS_NOTDEF_OUTLINE = 0x40;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;

function tag(s: string): number {
  return ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
}

const DROP = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'DSIG', 'STAT', 'cmap', 'kern', 'morx', 'meta'];

/** Subset a TrueType font to the given glyph ids (glyph 0 is always kept), keeping glyph ids unchanged. */
export function subsetFont(font: Uint8Array, glyphIds: Iterable<number>): Uint8Array {
  const hb = subsetter();
  const ptr = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer, ptr, font.byteLength).set(font);
  const blob = hb.hb_blob_create(ptr, font.byteLength, HB_MEMORY_MODE_DUPLICATE, 0, 0);
  hb.free(ptr);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('hb_subset_input_create_or_fail failed');
  const gset = hb.hb_subset_input_glyph_set(input);
  hb.hb_set_add(gset, 0);
  for (const g of glyphIds) hb.hb_set_add(gset, g);
  const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const d of DROP) hb.hb_set_add(drop, tag(d));
  hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
  const sub = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  hb.hb_face_destroy(face);
  if (!sub) throw new Error('hb_subset_or_fail failed');
  const outBlob = hb.hb_face_reference_blob(sub);
  const len = hb.hb_blob_get_length(outBlob);
  const lenPtr = hb.malloc(4);
  const dataPtr = hb.hb_blob_get_data(outBlob, lenPtr);
  const out = new Uint8Array(hb.memory.buffer, dataPtr, len).slice();
  hb.free(lenPtr);
  hb.hb_blob_destroy(outBlob);
  hb.hb_face_destroy(sub);
  return out;
}

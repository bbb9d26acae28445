// Property-based tests over the loader: whatever bytes a YAML author (or an editor accident) produces,
// the loader either accepts the document or returns positioned Thai errors. It never throws.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/loader/load-content.ts';
import { loadPlans } from '../src/pipeline.ts';
import { DOCUMENT_SCHEMAS, type DocumentKind } from '../src/schema/index.ts';
import { contentCopy, CONTENT } from './helpers/content-copy.ts';

const VALID = readFileSync(join(CONTENT, 'plans/2561/projects/debtor-data.yaml'), 'utf8');
const KINDS = Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[];
const YAML_BITS = [':', '-', ' ', '  ', '\n', '\t', '"', "'", '[', ']', '{', '}', '&a', '*a', '!', '|', '>', '#', ',', '?', '%', '@', '`', '2561-13', 'ก.พ. 61', '~', 'null', '1e309', '-0', '\u200b', '\u202e', '😀', 'ำ', '\r\n', '\u0000', '<<: *a', '!include ', '!!js/function ', '\u0E4D\u0E32', '๑๕,๐๐๐', '\uFEFF'];

/** A valid file with a few random edits: the kind of damage real typing does. */
const mutated = fc
  .array(
    fc.tuple(fc.nat({ max: VALID.length }), fc.nat({ max: 20 }), fc.constantFrom(...YAML_BITS)),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) => {
    let s = VALID;
    for (const [at, del, ins] of edits) {
      const i = Math.min(at, s.length);
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });

function assertWellFormed(file: string, text: string | Uint8Array, kind: DocumentKind): void {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const r = readDocument(file, bytes, kind);
  const lines = (typeof text === 'string' ? text : Buffer.from(text).toString('latin1')).split('\n').length;
  if (r.data === undefined) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  for (const d of r.diagnostics) {
    expect(d.file).toBe(file);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message).toMatch(/[\u0E00-\u0E7F]/);
  }
}

describe('loader never crashes', () => {
  it('on random edits of a valid project file', () => {
    fc.assert(fc.property(mutated, (text) => assertWellFormed('p.yaml', text, 'project')), { numRuns: 400, seed: 2561 });
  });

  it('on arbitrary strings, for every kind of document', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom(...KINDS), (text, kind) => assertWellFormed('x.yaml', text, kind)),
      { numRuns: 400, seed: 7 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => assertWellFormed('b.yaml', bytes, 'plan')), { numRuns: 300, seed: 11 });
  });

  it('on arbitrary YAML-shaped values (JSON is YAML)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...KINDS), (v, kind) => assertWellFormed('j.yaml', JSON.stringify(v) ?? 'null', kind)), {
      numRuns: 300,
      seed: 13,
    });
  });

  it('through the whole pipeline (cross-checks and model) on edited project files', () => {
    const c = contentCopy();
    try {
      fc.assert(
        fc.property(mutated, (text) => {
          const target = join(c.content, 'plans/2561/projects/debtor-data.yaml');
          writeFileSync(target, text);
          const r = loadPlans(c.content, c.root);
          if (!r.model) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        }),
        { numRuns: 60, seed: 99 },
      );
    } finally {
      c.cleanup();
    }
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlans, ParseCache } from '../pipeline.ts';
import { contentCopy } from '../../tests/helpers/content-copy.ts';

const copy = contentCopy();
afterAll(() => copy.cleanup());
const cacheFile = join(copy.root, 'cache', 'parsed.v8');
const project = join(copy.content, 'plans', '2561', 'projects', 'antivirus.yaml');
const load = (cache?: ParseCache) => loadPlans(copy.content, copy.root, { parseCache: cache });

describe('the parse cache', () => {
  const plain = load();
  const files = plain.files.length;

  it('gives the same model and messages as parsing, without parsing any file a second time', () => {
    const first = new ParseCache('v1', cacheFile);
    expect(load(first)).toMatchObject({ model: plain.model, diagnostics: plain.diagnostics });
    expect(first.stats).toEqual({ hits: 0, misses: files });
    first.save();
    const second = new ParseCache('v1', cacheFile);
    const again = load(second);
    expect(second.stats).toEqual({ hits: files, misses: 0 });
    expect(again.model).toEqual(plain.model);
    expect(again.diagnostics).toEqual(plain.diagnostics);
  });

  it('parses an edited file again, and only that one', () => {
    writeFileSync(project, readFileSync(project, 'utf8').replace(/^name: .*$/m, 'name: โครงการที่แก้ชื่อแล้ว'));
    const cache = new ParseCache('v1', cacheFile);
    const r = load(cache);
    expect(cache.stats).toEqual({ hits: files - 1, misses: 1 });
    expect(r.model!.plans[0]!.projects.find((p) => p.id === 'antivirus')!.name).toBe('โครงการที่แก้ชื่อแล้ว');
    cache.save();
  });

  it('keeps no file with a mistake: it reports it at every load, with its position', () => {
    const good = readFileSync(project, 'utf8');
    writeFileSync(project, `${good}\nname: ซ้ำ\n`);
    const messages = () => load(new ParseCache('v1', cacheFile)).diagnostics.filter((d) => d.file.endsWith('antivirus.yaml') && d.severity === 'error');
    const once = messages();
    expect(once.length).toBeGreaterThan(0);
    expect(once[0]!.line).toBeGreaterThan(1);
    expect(messages()).toEqual(once);
    writeFileSync(project, good);
  });

  it('is not read when written by other parsing code, or when damaged', () => {
    const other = new ParseCache('v2', cacheFile);
    expect(load(other).model).toEqual(load().model);
    expect(other.stats.hits).toBe(0);
    const bytes = readFileSync(cacheFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(cacheFile, bytes);
    const damaged = new ParseCache('v1', cacheFile);
    expect(load(damaged).model).toEqual(load().model);
    expect(damaged.stats.hits).toBe(0);
  });
});

// The output cache trusts an entry only while its bytes match the hash taken when it was stored.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputCache } from './cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'output-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OutputCache', () => {
  it('reuses intact entries and re-renders damaged or truncated ones, counting them', () => {
    const a = new OutputCache(dir, 'v1', true);
    a.store({ p: 1 }, 'png', new Uint8Array([1, 2, 3]));
    a.store({ p: 2 }, 'png', new Uint8Array([4, 5, 6]));
    const b = new OutputCache(dir, 'v1', true);
    expect([...b.lookup({ p: 1 }, 'png')!]).toEqual([1, 2, 3]);
    const second = readdirSync(dir).find((f) => f.startsWith(b.keyOf({ p: 2 })))!;
    writeFileSync(join(dir, second), new Uint8Array([4, 5]));
    expect(b.lookup({ p: 2 }, 'png')).toBeUndefined();
    expect(b.stats).toEqual({ hits: 1, misses: 1, corrupt: 1 });
    expect(readdirSync(dir)).not.toContain(second);
  });

  it('prunes unused entries but not a live process\'s half-written one', () => {
    const c = new OutputCache(dir, 'v2', true);
    const live = join(dir, `x.${process.ppid}.tmp`);
    writeFileSync(live, '');
    c.store({ p: 3 }, 'pdf', new Uint8Array([7]));
    c.prune();
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(2);
    expect(left).toContain(`x.${process.ppid}.tmp`);
    expect(left.find((f) => f.endsWith('.pdf'))).toMatch(new RegExp(`^${c.keyOf({ p: 3 })}\\.[0-9a-f]{32}\\.pdf$`));
  });
});

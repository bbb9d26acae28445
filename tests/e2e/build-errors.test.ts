// `astro build` on broken content fails, listing the positioned Thai message (the same as npm run check).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './build-site.ts';

it('a schema error fails the site build with file:line:column in Thai', () => {
  const dir = join(ROOT, '.cache', 'e2e', 'broken');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const file = join(dir, 'content', 'plans', '2561', 'projects', 'debtor-data.yaml');
  const text = readFileSync(file, 'utf8');
  const line = text.split('\n').findIndex((l) => l.startsWith('budget:')) + 1;
  writeFileSync(file, text.replace(/^budget: .*$/m, 'budget: ห้าหมื่น'));
  const env: Record<string, string | undefined> = {
    ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLAN_CONTENT: join(dir, 'content'), PLAN_OUT_DIR: join(dir, 'out'),
    PLAN_CACHE_DIR: join(dir, 'vite'),
  };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: ROOT, env, encoding: 'utf8' });
  const out = r.stdout + r.stderr;
  expect(r.status).not.toBe(0);
  expect(out).toContain(`debtor-data.yaml:${line}:9: ข้อผิดพลาด: จำนวนเงิน "ห้าหมื่น" ไม่ใช่ตัวเลข`);
  rmSync(dir, { recursive: true, force: true });
});

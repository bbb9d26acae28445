// `npm test` on a machine without the Debian tools, where it may not install them (not root, no sudo, no
// apt-get on the PATH): it stops before any test with one message naming the missing packages and the command
// that installs them. With everything there it says nothing and lets the tests run.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/content-copy.ts';

const PREP = join(ROOT, 'scripts', 'test-prep.ts');

it('with every tool present it passes silently', () => {
  const r = spawnSync(process.execPath, [PREP], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it('without the tools and without the right to install them it stops with one message', () => {
  const bin = mkdtempSync(join(tmpdir(), 'only-node-'));
  try {
    chmodSync(bin, 0o755);
    symlinkSync(process.execPath, join(bin, 'node'));
    // As nobody when the tests run as root (root would install the packages), with only node on the PATH.
    const asNobody = process.getuid?.() === 0 ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const cmd = [...asNobody, join(bin, 'node'), PREP];
    const r = spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', env: { PATH: bin, HOME: bin } });
    // nginx sits in /usr/sbin, which the check also looks in.
    const expected = ['poppler-utils', 'mupdf-tools', 'qpdf', 'chromium', 'libreoffice-calc', ...(existsSync('/usr/sbin/nginx') ? [] : ['nginx']), 'liblcms2-utils'];
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ยังไม่มีโปรแกรมที่การทดสอบต้องใช้: ${expected.join(', ')}`);
    expect(r.stderr).toContain(`  sudo apt-get update && sudo apt-get install -y ${expected.join(' ')}\n`);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

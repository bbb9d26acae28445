// npm test, before any test: the Debian tools the tests run (scripts/system-packages.txt) must be there. Missing
// ones are installed when this machine allows it (apt-get, as root or with sudo that needs no password);
// otherwise the tests do not start and one message names the packages and the command that installs them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const LIST = join(import.meta.dirname, 'system-packages.txt');

/** command → package, from the list (comments and blank lines skipped). */
export const systemPackages = (): Array<{ command: string; pkg: string }> =>
  readFileSync(LIST, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const [command, pkg] = l.split(/\s+/);
      return { command: command!, pkg: pkg! };
    });

// sbin too: nginx lives in /usr/sbin, which a normal user's PATH often lacks.
const dirs = () => [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'].filter(Boolean);
const has = (command: string) =>
  (command === 'chromium' && process.env.CHROMIUM_PATH !== undefined && existsSync(process.env.CHROMIUM_PATH)) || dirs().some((d) => existsSync(join(d, command)));
const missing = () => [...new Set(systemPackages().filter((p) => !has(p.command)).map((p) => p.pkg))];

const run = (cmd: string[]) => spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;

let need = missing();
if (need.length > 0) {
  const root = process.getuid?.() === 0;
  const sudo = !root && has('sudo') && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (has('apt-get') && (root || sudo)) {
    const as = root ? [] : ['sudo', '-n'];
    console.log(`npm test: ติดตั้งโปรแกรมที่การทดสอบต้องใช้: ${need.join(' ')}`);
    if (run([...as, 'apt-get', 'update', '-qq'])) run([...as, 'apt-get', 'install', '-y', '-qq', ...need]);
    need = missing();
  }
  if (need.length > 0) {
    console.error(
      `npm test: ยังไม่ได้เริ่มการทดสอบ เพราะเครื่องนี้ยังไม่มีโปรแกรมที่การทดสอบต้องใช้: ${need.join(', ')}\n` +
        `ติดตั้งด้วยคำสั่งนี้ (ต้องใช้สิทธิ์ root) แล้วรัน npm test อีกครั้ง:\n\n` +
        `  sudo apt-get update && sudo apt-get install -y ${need.join(' ')}\n\n` +
        `(the tests need these Debian packages: install them with the command above, then run npm test again)`,
    );
    process.exit(1);
  }
}

// A fresh clone must stay clean: when `npm install` rewrote the lockfile although package.json did not change,
// the committed lockfile is not the one npm writes, and `npm ci` on another machine would not install the same tree.
const git = (args: string[]) => spawnSync('git', args, { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
if (git(['rev-parse', '--is-inside-work-tree']).status === 0) {
  const changed = (file: string) => git(['diff', '--quiet', 'HEAD', '--', file]).status === 1;
  if (changed('package-lock.json') && !changed('package.json')) {
    console.error(
      'npm test: npm install เขียน package-lock.json ใหม่ทั้งที่ package.json ไม่ได้เปลี่ยน: commit ไฟล์ lockfile ตามที่ npm install เขียน\n' +
        '(npm install rewrote package-lock.json although package.json is unchanged: commit the lockfile as npm writes it)\n' +
        git(['diff', '--stat', 'HEAD', '--', 'package-lock.json']).stdout,
    );
    process.exit(1);
  }
}

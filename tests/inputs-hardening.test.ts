// Hostile and careless inputs (issue 16): image bombs as the logo, files under content/ that the loader could
// skip or crash on, and YAML and number details (merge keys, Thai digits, -0, decomposed Thai).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { imageSize, LOGO_LIMITS } from '../src/assets/logo.ts';
import { formatDiagnostic, type Diagnostic } from '../src/loader/diagnostics.ts';
import { readDocument } from '../src/loader/load-content.ts';
import { loadPlans } from '../src/pipeline.ts';
import { formatBaht, formatNumber } from '../src/thai/numbers.ts';
import { CONTENT, contentCopy, ROOT } from './helpers/content-copy.ts';

const PROJECTS = 'plans/2561/projects';
const ANTIVIRUS = readFileSync(join(CONTENT, PROJECTS, 'antivirus.yaml'), 'utf8');
const errorsOf = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

// ---------------------------------------------------------------------------------------------------------
// Image resource limits

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function ihdr(width: number, height: number): Buffer {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(width, 0);
  b.writeUInt32BE(height, 4);
  b[8] = 8; // bit depth
  b[9] = 6; // RGBA
  return chunk('IHDR', b);
}
/** The review's bomb: 109 bytes, a valid IHDR (CRC included) declaring 30000 × 30000 RGBA (3.6 GB decoded). */
const BOMB = Buffer.concat([SIGNATURE, ihdr(30000, 30000), chunk('IDAT', deflateSync(Buffer.alloc(120_001), { level: 9 }).subarray(0, 52)), chunk('IEND', new Uint8Array())]);
/** A real 16 × 16 PNG. */
const SMALL = PNG.sync.write(Object.assign(new PNG({ width: 16, height: 16 }), { data: Buffer.alloc(16 * 16 * 4, 200) }));
/** A JPEG whose frame header (SOF0) declares 30000 × 30000 after an APP0 segment and fill bytes. */
const JPEG_BOMB = Buffer.from([
  0xff, 0xd8,
  0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xff,
  0xff, 0xc0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
  0xff, 0xd9,
]);

describe('logo limits: read from the header before any decoding', () => {
  const org = readFileSync(join(CONTENT, 'organisation.yaml'), 'utf8').replace('branding:\n', 'branding:\n  logo: logo.png\n');
  const logoLine = org.split('\n').findIndex((l) => l.startsWith('  logo:')) + 1;

  /** Loads a copy with this logo; the error must be at the logo line, in well under a second, without a big allocation. */
  function logoError(bytes: Uint8Array, name = 'logo.png'): string {
    const c = contentCopy({ 'organisation.yaml': org.replace('logo.png', name), [name]: bytes });
    try {
      const rss = process.memoryUsage().rss;
      const t0 = performance.now();
      const errors = errorsOf(loadPlans(c.content, c.root, { validateOnly: true }).diagnostics);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 2 ** 20);
      expect(errors.map((d) => [d.file, d.line, d.column])).toEqual([['content/organisation.yaml', logoLine, 9]]);
      return errors[0]!.message;
    } finally {
      c.cleanup();
    }
  }

  it('states the limits', () => {
    expect(LOGO_LIMITS).toEqual({ maxBytes: 2 * 2 ** 20, maxWidth: 4096, maxHeight: 4096 });
  });

  it('reads width and height from a PNG IHDR and a JPEG SOF', () => {
    expect(BOMB.length).toBe(109);
    expect(imageSize(BOMB)).toEqual({ width: 30000, height: 30000 });
    expect(imageSize(SMALL)).toEqual({ width: 16, height: 16 });
    expect(imageSize(JPEG_BOMB)).toEqual({ width: 30000, height: 30000 });
    expect(imageSize(BOMB.subarray(0, 20))).toBeUndefined();
    expect(imageSize(JPEG_BOMB.subarray(0, 30))).toBeUndefined();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0, 0, 0, 0, 0]))).toBeUndefined();
  });

  it('a 109-byte PNG declaring 30000×30000 pixels', () => {
    expect(logoError(BOMB)).toBe('ภาพโลโก้ "logo.png" ใหญ่เกินไป (30000×30000 พิกเซล, สูงสุด 4096×4096 พิกเซล): ย่อภาพให้กว้างและสูงไม่เกิน 4096 พิกเซล');
  });

  it('the same bomb cut short (after its IDAT, right after the IHDR), and one whose pixel data is whole but short', () => {
    expect(logoError(BOMB.subarray(0, 97))).toContain('30000×30000 พิกเซล');
    expect(logoError(BOMB.subarray(0, 33))).toContain('30000×30000 พิกเซล');
    // 74 bytes: before the limits, pngjs allocated the declared 3.6 GB for it (past 6 GB in 12 s).
    const lying = Buffer.concat([SIGNATURE, ihdr(30000, 30000), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', new Uint8Array())]);
    expect(logoError(lying)).toContain('30000×30000 พิกเซล');
  });

  it('a PNG cut inside its header, and one within the limits whose pixel data is cut short', () => {
    expect(logoError(BOMB.subarray(0, 20))).toContain('เสียหาย อ่านเป็นภาพไม่ได้');
    const lying = Buffer.concat([SIGNATURE, ihdr(4000, 4000), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', new Uint8Array())]);
    expect(logoError(lying)).toContain('เสียหาย อ่านเป็นภาพไม่ได้');
  });

  it('a 3 MB PNG (a small image padded with a private chunk)', () => {
    const padded = Buffer.concat([SMALL.subarray(0, 33), chunk('paDd', Buffer.alloc(3 * 2 ** 20)), SMALL.subarray(33)]);
    expect(logoError(padded)).toBe('ไฟล์โลโก้ "logo.png" ใหญ่เกินไป (3.0 MB, สูงสุด 2 MB): ย่อภาพหรือบันทึกใหม่เป็น PNG ขนาดไม่เกิน 4096×4096 พิกเซล');
  });

  it('a JPEG whose SOF declares 30000×30000 pixels', () => {
    expect(logoError(JPEG_BOMB, 'logo.jpg')).toContain('(30000×30000 พิกเซล, สูงสุด 4096×4096 พิกเซล)');
  });

  it('a logo that is a link out of content/', () => {
    const c = contentCopy({ 'organisation.yaml': org });
    try {
      writeFileSync(join(c.root, 'outside.png'), SMALL);
      symlinkSync(join(c.root, 'outside.png'), join(c.content, 'logo.png'));
      const errors = errorsOf(loadPlans(c.content, c.root).diagnostics);
      expect(errors.map((d) => d.message)).toContain('ไฟล์โลโก้ "logo.png" ต้องอยู่ในโฟลเดอร์ content/ หรือ public/: เขียนเป็นชื่อไฟล์ เช่น logo.png (ห้ามใช้ .. หรือที่อยู่เต็ม)');
    } finally {
      c.cleanup();
    }
  });

  it('npm run check on the bomb: exit 1 with the message, in well under a second of its own time', () => {
    const c = contentCopy({ 'organisation.yaml': org, 'logo.png': BOMB });
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts'), c.content], { encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`content/organisation.yaml:${logoLine}:9: ข้อผิดพลาด: ภาพโลโก้ "logo.png" ใหญ่เกินไป`);
      const ms = Number(/ใน (\d+) ms/.exec(r.stderr)?.[1]);
      expect(ms).toBeLessThan(1000);
    } finally {
      c.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Files that slip through

describe('every entry under content/ is read or reported', () => {
  /** Loads a copy after `arrange` ran in it; nothing may throw. */
  function load(arrange: (content: string) => void) {
    const c = contentCopy();
    try {
      arrange(c.content);
      const r = loadPlans(c.content, c.root);
      return { ...r, errors: errorsOf(r.diagnostics), warnings: r.diagnostics.filter((d) => d.severity === 'warning') };
    } finally {
      c.cleanup();
    }
  }
  const at = (ds: Diagnostic[], file: string) => ds.filter((d) => d.file === `content/${file}`).map((d) => d.message);

  it('x.yml beside x.yaml: an error naming both files, and no model', () => {
    const r = load((c) => writeFileSync(join(c, PROJECTS, 'antivirus.yml'), ANTIVIRUS.replace('order: 1', 'order: 9')));
    expect(r.model).toBeUndefined();
    expect(at(r.errors, `${PROJECTS}/antivirus.yml`)).toEqual([
      'ใช้นามสกุล .yaml (ตัวพิมพ์เล็ก): เปลี่ยนชื่อไฟล์ "antivirus.yml" เป็น antivirus.yaml (มีไฟล์ antivirus.yaml อยู่แล้ว: ทั้งสองไฟล์ใช้รหัส "antivirus" เดียวกัน รวมเป็นไฟล์เดียว)',
    ]);
  });

  it('a .yml file alone, an upper-case .YAML, and plan.yml or organisation.yml beside the real ones', () => {
    const r = load((c) => {
      writeFileSync(join(c, PROJECTS, 'firewall.yml'), 'order: 9\n');
      writeFileSync(join(c, PROJECTS, 'backup.YAML'), 'order: 9\n');
      writeFileSync(join(c, 'plans/2561/plan.yml'), 'x: 1\n');
      writeFileSync(join(c, 'organisation.yml'), 'x: 1\n');
    });
    expect(at(r.errors, `${PROJECTS}/firewall.yml`)).toEqual(['ใช้นามสกุล .yaml (ตัวพิมพ์เล็ก): เปลี่ยนชื่อไฟล์ "firewall.yml" เป็น firewall.yaml']);
    expect(at(r.errors, `${PROJECTS}/backup.YAML`)).toEqual(['ใช้นามสกุล .yaml (ตัวพิมพ์เล็ก): เปลี่ยนชื่อไฟล์ "backup.YAML" เป็น backup.yaml']);
    expect(at(r.errors, 'plans/2561/plan.yml')[0]).toContain('(มีไฟล์ plan.yaml อยู่แล้ว');
    expect(at(r.errors, 'organisation.yml')[0]).toContain('(มีไฟล์ organisation.yaml อยู่แล้ว');
  });

  it('a folder named like a YAML file, and organisation.yaml as a folder', () => {
    const r = load((c) => mkdirSync(join(c, PROJECTS, 'firewall.yaml')));
    expect(at(r.errors, `${PROJECTS}/firewall.yaml`)).toEqual(['"firewall.yaml" เป็นโฟลเดอร์ ไม่ใช่ไฟล์: เปลี่ยนชื่อโฟลเดอร์ หรือลบออก']);
    const org = load((c) => {
      execFileSync('rm', [join(c, 'organisation.yaml')]);
      mkdirSync(join(c, 'organisation.yaml'));
    });
    expect(at(org.errors, 'organisation.yaml')).toEqual(['"organisation.yaml" เป็นโฟลเดอร์ ไม่ใช่ไฟล์: เปลี่ยนชื่อโฟลเดอร์ หรือลบออก']);
  });

  it('a broken symbolic link, as a project and as a plan year', () => {
    const r = load((c) => {
      symlinkSync(join(c, 'nowhere.yaml'), join(c, PROJECTS, 'firewall.yaml'));
      symlinkSync(join(c, 'nowhere'), join(c, 'plans/2562'));
    });
    expect(at(r.errors, `${PROJECTS}/firewall.yaml`)).toEqual(['ลิงก์ (symlink) นี้เสีย ไม่พบไฟล์ปลายทาง: ลบลิงก์ หรือคัดลอกไฟล์จริงมาไว้ที่นี่']);
    expect(at(r.errors, 'plans/2562')).toEqual(['ลิงก์ (symlink) นี้เสีย ไม่พบไฟล์ปลายทาง: ลบลิงก์ หรือคัดลอกไฟล์จริงมาไว้ที่นี่']);
  });

  it('a symbolic link out of content/ is reported and not followed', () => {
    const r = load((c) => {
      writeFileSync(join(c, '..', 'firewall.yaml'), ANTIVIRUS.replace('order: 1', 'order: 9'));
      symlinkSync(join(c, '..', 'firewall.yaml'), join(c, PROJECTS, 'firewall.yaml'));
    });
    expect(at(r.errors, `${PROJECTS}/firewall.yaml`)).toEqual(['ลิงก์ (symlink) นี้ชี้ออกไปนอกโฟลเดอร์ content/ จึงไม่อ่าน: คัดลอกไฟล์มาไว้ใน content/ แทนลิงก์']);
    expect(r.files).not.toContain(`content/${PROJECTS}/firewall.yaml`);
  });

  it('a FIFO named like a project is reported, not read (reading would block)', () => {
    const r = load((c) => execFileSync('mkfifo', [join(c, PROJECTS, 'firewall.yaml')]));
    expect(at(r.errors, `${PROJECTS}/firewall.yaml`)).toEqual(['ไม่ใช่ไฟล์ธรรมดา (เช่น FIFO, socket หรืออุปกรณ์): ลบออกจาก content/']);
  });

  it('stray files get a warning and the site still builds; dotfiles are skipped silently', () => {
    const r = load((c) => {
      writeFileSync(join(c, PROJECTS, 'notes.txt'), 'จดไว้');
      writeFileSync(join(c, PROJECTS, '.DS_Store'), '');
      writeFileSync(join(c, 'plans/2561/reports.txt'), '');
      writeFileSync(join(c, 'plans/README.md'), '');
      mkdirSync(join(c, 'evidence'));
      writeFileSync(join(c, 'evidence/old-project.yaml'), 'order: 1\n');
    });
    expect(r.errors.map(formatDiagnostic)).toEqual([]);
    expect(r.model).toBeDefined();
    expect(at(r.warnings, `${PROJECTS}/notes.txt`)).toEqual(['ไม่ได้อ่านไฟล์ "notes.txt": ในโฟลเดอร์ projects/ อ่านเฉพาะไฟล์ .yaml']);
    expect(at(r.warnings, `${PROJECTS}/.DS_Store`)).toEqual([]);
    expect(at(r.warnings, 'plans/2561/reports.txt')[0]).toContain('ในโฟลเดอร์แผนอ่านเฉพาะ plan.yaml');
    expect(at(r.warnings, 'plans/README.md')[0]).toContain('มีได้เฉพาะโฟลเดอร์ปี พ.ศ.');
    expect(at(r.warnings, 'evidence/old-project.yaml')[0]).toContain('ไฟล์ข้อมูลอยู่ที่ content/organisation.yaml และ content/plans/<ปี พ.ศ.>/ เท่านั้น');
  });

  it('npm run check: Thai messages, exit 1, no Node stack trace', () => {
    const c = contentCopy();
    try {
      mkdirSync(join(c.content, PROJECTS, 'firewall.yaml'));
      symlinkSync(join(c.content, 'nowhere.yaml'), join(c.content, PROJECTS, 'backup.yaml'));
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts'), c.content], { encoding: 'utf8', timeout: 20_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`content/${PROJECTS}/firewall.yaml:1:1: ข้อผิดพลาด:`);
      expect(r.stderr).toContain(`content/${PROJECTS}/backup.yaml:1:1: ข้อผิดพลาด:`);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    } finally {
      c.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// YAML and number details

const project = (text: string) => readDocument('p.yaml', new TextEncoder().encode(text), 'project');
const report = (text: string) => readDocument('r.yaml', new TextEncoder().encode(text), 'report');
const REPORT_HEAD = 'month: 2561-01\nsource: ทดสอบ\nprojects:\n  - project: antivirus\n    status: on-track\n';

describe('YAML and number details', () => {
  it('merge keys (<<: *a) are read', () => {
    const r = project(`${ANTIVIRUS.replace(/^activities:[\s\S]*?(?=^\w)/m, '')}activities:\n  - &first { name: ติดตั้งโปรแกรม, owner: monitoring-group }\n  - <<: *first\n    name: ต่ออายุสิทธิ์\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.data!.activities).toEqual([
      { name: 'ติดตั้งโปรแกรม', owner: 'monitoring-group' },
      { name: 'ต่ออายุสิทธิ์', owner: 'monitoring-group' },
    ]);
  });

  it('-0 is zero: never "-0 บาท"', () => {
    expect(formatBaht(-0)).toBe('0 บาท');
    expect(formatNumber(-0, 'thai')).toBe('๐');
    expect(formatNumber(-0.004)).toBe('0');
    expect(formatNumber(-1.5)).toBe('-1.50');
    const spent = report(`${REPORT_HEAD}    percent: -0\n    spent: -0\n`).data!.projects[0]!;
    expect(Object.is(spent.spent, 0) && Object.is(spent.percent, 0)).toBe(true);
  });

  it('satang have two places: 15000.5 and 15000.50 are fine', () => {
    expect(project(ANTIVIRUS.replace('budget: 15000', 'budget: 15000.5')).data?.budget).toBe(15000.5);
    expect(report(`${REPORT_HEAD}    spent: "5,000.50"\n`).data!.projects[0]!.spent).toBe(5000.5);
    expect(report(`${REPORT_HEAD}    spent: 5000.25\n`).data!.projects[0]!.spent).toBe(5000.25);
    expect(report(`${REPORT_HEAD}    spent: 5000.251\n`).diagnostics[0]!.message).toContain('สตางค์มีได้ 2 ตำแหน่ง');
  });

  it('Thai digits in an amount, a percent, a month and a date are read as 0–9', () => {
    const r = report(`month: ๒๕๖๑-๐๑\nsource: ทดสอบ\nreported_on: ๑๐ ก.พ. ๖๑\nprojects:\n  - project: antivirus\n    status: on-track\n    percent: ๔๐\n    spent: ๑๕,๐๐๐\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    expect(r.data).toMatchObject({ month: '2561-01', reported_on: '2561-02-10', projects: [{ percent: 40, spent: 15000 }] });
    expect(project(ANTIVIRUS.replace('start: 2560-10', 'start: ต.ค. ๖๐')).data?.period.start).toBe('2560-10');
  });

  it('decomposed Thai (ํ + า for ำ, also นํ้า) and NFD Latin are composed in every text field at load', () => {
    const r = project(ANTIVIRUS.replace(/^name: .*$/m, 'name: "จัดทําระบบนํ้าประปา Caf\\u0065\\u0301"').replace(/^rationale: .*$/m, 'rationale: การดําเนินงาน'));
    expect(r.data!.name).toBe('จัดทำระบบน้ำประปา Café');
    expect(r.data!.rationale ?? '').not.toMatch(/\u0E4D/);
  });
});

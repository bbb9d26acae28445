// Hostile content: every text a YAML author controls, filled with things that break naive publishers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { writeContentFile } from '../../src/loader/write.ts';
import { contentCopy } from './content-copy.ts';

export const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '[ลิงก์อันตราย](javascript:window.__pwned=3)',
  '<a href="javascript:window.__pwned=4">คลิก</a>',
  '&lt;b&gt; &amp; &#x3C;script&#x3E; &quot;',
  '{{ 7 * 7 }} ${process.env.HOME} <%= 1 %>',
  'ข้อความ\u202Eกลับด้าน\u202C และ\u200Bช่องว่างศูนย์\u200D',
  'อีโมจิ 😀👍🏽🇹🇭 ในชื่อโครงการ',
  '</style></title><svg onload="window.__pwned=5">',
] as const;

/** One long string of 10,000 characters of Thai and Latin words. */
export const LONG = 'ข้อความยาวมาก'.concat(' word'.repeat(10)).repeat(400).slice(0, 10_000);

/** A copy of content/ whose texts are hostile. Text-valued fields keep their type, so it still validates. */
export function hostileContent(): ReturnType<typeof contentCopy> {
  const c = contentCopy();
  let n = 0;
  const next = () => HOSTILE[n++ % HOSTILE.length]!;
  const poison = (v: unknown, key = ''): unknown => {
    if (typeof v === 'string') {
      if (/^(id|owner|priority|prepared_by|project|kpi|phase|cadence|procurement|month|start|end|year_kind|font|digits|heading_digits|page_number_digits|url|logo|primary|accent)$/.test(key)) return v;
      if (/^\d{4}-\d{2}$/.test(v) || /^[a-z0-9-]+$/.test(v)) return v; // ids and months in lists
      return `${next()} ${v}`;
    }
    if (Array.isArray(v)) return v.map((x) => poison(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x, k)]));
    return v;
  };
  const files = ['organisation.yaml', 'plans/2561/plan.yaml', 'plans/2561/projects/antivirus.yaml', 'plans/2561/projects/infographics.yaml', 'plans/2561/projects/debtor-data.yaml', 'plans/2561/projects/digital-plan.yaml'];
  for (const f of files) {
    const p = join(c.content, f);
    writeContentFile(p, poison(parse(readFileSync(p, 'utf8'))));
  }
  // The longest strings: a 10,000-character rationale and a 300-character project name.
  const p = join(c.content, 'plans/2561/projects/digital-plan.yaml');
  const d = parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  d.rationale = LONG;
  d.name = `${HOSTILE[0]} ${'ชื่อโครงการที่ยาวมาก'.repeat(20)}`.slice(0, 300);
  writeContentFile(p, d);
  writeContentFile(join(c.content, 'plans/2561/reports/2561-02.yaml'), {
    month: '2561-02',
    source: `${HOSTILE[1]} (ข้อมูลทดสอบ)`,
    projects: [{ project: 'antivirus', status: 'on-track', percent: 50, spent: 7000, note: HOSTILE[3] }],
    key_figures: [{ label: HOSTILE[0], value: 12, unit: HOSTILE[7] }],
  });
  writeFileSync(join(c.content, 'plans/2561/projects/README.txt'), 'not yaml, ignored');
  return c;
}

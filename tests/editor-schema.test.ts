// The editor's JSON Schemas, checked with a standard validator (Ajv, draft 7 as VS Code's YAML extension): the committed ones are
// what `npm run check` writes for their folder; every shipped and example file passes; the mistakes people
// make fail at the field they are in; the content's ids are offered with their Thai names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../src/loader/source.ts';
import { loadPlans } from '../src/pipeline.ts';
import { JSON_SCHEMA_FILES } from '../src/schema/json-schema.ts';
import type { DocumentKind } from '../src/schema/index.ts';
import { CONTENT, ROOT } from './helpers/content-copy.ts';

const DEMO = join(ROOT, 'examples', 'demo');
const FOLDERS = { content: CONTENT, 'examples/demo': DEMO };

/** Ajv knows the VS Code keywords that describe enum values (they validate nothing). */
function validator(dir: string) {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addKeyword('enumDescriptions');
  ajv.addKeyword('markdownEnumDescriptions');
  // The one format zod writes (for url fields, which also carry an http(s) pattern); ajv-formats is not needed for it.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  const schema = (kind: DocumentKind) => JSON.parse(readFileSync(join(dir, 'schemas', JSON_SCHEMA_FILES[kind]), 'utf8'));
  const compiled = Object.fromEntries((Object.keys(JSON_SCHEMA_FILES) as DocumentKind[]).map((k) => [k, ajv.compile(schema(k))]));
  return (kind: DocumentKind, data: unknown): ErrorObject[] => {
    const v = compiled[kind]!;
    return v(data) ? [] : v.errors!;
  };
}

const kindOf = (file: string): DocumentKind =>
  file.endsWith('/organisation.yaml') ? 'organisation' : file.endsWith('/plan.yaml') ? 'plan' : file.includes('/projects/') ? 'project' : 'report';
const dataOf = (text: string): unknown => parseSource('x.yaml', new TextEncoder().encode(text)).source!.data;
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

describe('editor JSON Schemas', () => {
  for (const [name, dir] of Object.entries(FOLDERS)) {
    const result = loadPlans(dir, join(dir, '..'), { validateOnly: true });
    it(`${name}/schemas/ is what npm run check writes for ${name} (run npm run schema)`, () => {
      for (const s of result.editorSchemas()) expect(readFileSync(s.path, 'utf8'), s.path).toBe(s.text);
    });
    it(`every file in ${name} passes its schema`, () => {
      const validate = validator(dir);
      expect(result.files.length).toBeGreaterThan(4);
      for (const f of result.files) {
        const text = readFileSync(join(dir, '..', f), 'utf8');
        expect(validate(kindOf(f), dataOf(text)), f).toEqual([]);
      }
    });
  }

  const validate = validator(CONTENT);
  const antivirus = read(CONTENT, 'plans/2561/projects/antivirus.yaml');
  const project = (from: string | RegExp, to: string) => dataOf(antivirus.replace(from, to));
  /** The instance paths of the errors, without the anyOf/enum noise of one field reported several ways. */
  const paths = (errors: ErrorObject[]) => [...new Set(errors.map((e) => (e.keyword === 'additionalProperties' ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}` : e.instancePath)))];

  it('lists the content ids with their Thai names', () => {
    const p = JSON.parse(read(CONTENT, 'schemas/project.schema.json'));
    expect(p.properties.owner.enum).toContain('monitoring-group');
    expect(p.properties.priority.enum).toEqual(['high', 'medium', 'low']);
    expect(p.properties.priority.enumDescriptions).toEqual(['ระดับสำคัญมาก ***', 'ระดับสำคัญปานกลาง **', 'ระดับสำคัญน้อย *']);
    expect(p.properties.strategies.items.enum.length).toBeGreaterThan(0);
    expect(p.properties.strategies.items.enumDescriptions[0]).toMatch(/^ยุทธศาสตร์ที่ 1 /);
    const r = JSON.parse(read(DEMO, 'schemas/report.schema.json'));
    const entry = r.properties.projects.items.properties;
    expect(entry.project.enum).toContain('network-upgrade');
    expect(entry.kpis.items.properties.kpi.enum.length).toBeGreaterThan(5);
  });

  it('accepts Thai digits in money, months and numbers', () => {
    expect(validate('project', project(/^order: \d+$/m, 'order: ๓'))).toEqual([]);
    expect(validate('project', project(/^budget: .*$/m, 'budget: "๑๕,๐๐๐"'))).toEqual([]);
    expect(validate('project', project(/start: [^,}]+/, 'start: ก.ค. ๖๐'))).toEqual([]);
    expect(validate('project', project(/start: [^,}]+/, 'start: ๒๕๖๐-๑๐'))).toEqual([]);
  });

  it('rejects each mistake at its field', () => {
    expect(paths(validate('project', project(/^budget: .*$/m, 'budget: แปดหมื่น')))).toEqual(['/budget']);
    expect(paths(validate('project', project(/^budget: .*$/m, 'budget: 15000.505')))).toEqual([]); // a number: the check says "two decimal places"
    expect(paths(validate('project', project(/^priority: .*$/m, 'priority: สูง')))).toEqual(['/priority']);
    expect(paths(validate('project', project(/^owner: .*$/m, 'owner: it-group')))).toEqual(['/owner']);
    expect(paths(validate('project', project(/^budget:/m, 'budjet:')))).toEqual(['', '/budjet']);
    expect(paths(validate('project', project(/start: [^,}]+/, 'start: 2561-13')))).toEqual(['/period/start']);
    expect(paths(validate('project', project(/^strategies: .*$/m, 'strategies: [security]')))).toEqual(['/strategies/0']);
    const report = (body: string) => dataOf(`month: 2561-02\nsource: รายงาน\n${body}`);
    expect(paths(validate('report', report('projects:\n  antivirus:\n    status: on-track\n')))).toEqual(['/projects']);
    expect(paths(validate('report', report('projects:\n  - project: firewall\n    status: on-track\n')))).toEqual(['/projects/0/project']);
    expect(validate('report', report('projects:\n  - project: antivirus\n    status: on-track\n    percent: ๔๐\n'))).toEqual([]);
  });
});

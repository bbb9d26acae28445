// The layers of issue 18 (.dependency-cruiser.cjs), checked in `npm test` through dependency-cruiser's API.
// dependency-cruiser reads no .astro file, so the imports in their frontmatter and <script> blocks are
// extracted here and held against the same path rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = join(import.meta.dirname, '..');
const CRUISED = ['src', 'templates', 'scripts'];

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/**
 * Violations that exist on purpose until the issue-18 branches that remove them are merged; each one is
 * being fixed elsewhere. Empty this list as they land: an entry that no longer occurs fails the test too,
 * so the list cannot outlive the defect it excuses.
 */
const KNOWN: Violation[] = [
  // None left: issue 18 removed the last ones. Add an entry only with a comment saying why and until when.
];

const key = (v: Violation): string => `${v.rule}: ${v.from} → ${v.to}`;

/** Module specifiers imported by an .astro file's frontmatter and <script> blocks. */
function astroImports(source: string): string[] {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const code = [frontmatter, ...scripts].join('\n');
  const statics = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g;
  const dynamics = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...code.matchAll(statics), ...code.matchAll(dynamics)].map((m) => m[1]!);
}

/** Where a specifier from `file` (repository-relative) points, in the form dependency-cruiser reports. */
function resolveFrom(file: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.join(posix.dirname(file), specifier) : posix.join('node_modules', specifier);
}

const asList = (p: string | string[] | undefined): string[] => (p === undefined ? [] : [p].flat());

/** The path conditions of a rule, which are all that an .astro import can be judged by. */
function pathMatches(condition: object, path: string): boolean {
  const { path: want, pathNot, ...rest } = condition as { path?: string | string[]; pathNot?: string | string[] };
  // A condition this check cannot evaluate must not pass silently.
  if (Object.keys(rest).length) throw new Error(`astro check cannot evaluate ${Object.keys(rest).join(', ')}`);
  const hit = (patterns: string[]) => patterns.some((p) => new RegExp(p).test(path));
  return (want === undefined || hit(asList(want))) && !hit(asList(pathNot));
}

/** Rules about single imports (a cycle needs the whole graph, and .astro files are never part of one today). */
function isPathRule(r: IForbiddenRuleType): r is IForbiddenRuleType & { to: object } {
  return 'to' in r && !('circular' in r.to);
}

function astroViolations(rules: IForbiddenRuleType[]): { violations: Violation[]; imports: number } {
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.astro'))
    .map((f) => posix.join('src', f.split('\\').join('/')));
  const pathRules = rules.filter(isPathRule);
  const violations: Violation[] = [];
  let imports = 0;
  for (const from of files) {
    for (const specifier of astroImports(readFileSync(join(root, from), 'utf8'))) {
      imports++;
      const to = resolveFrom(from, specifier);
      for (const r of pathRules) {
        if (pathMatches(r.from, from) && pathMatches(r.to, to)) violations.push({ rule: r.name ?? '(unnamed)', from, to });
      }
    }
  }
  return { violations, imports };
}

describe('architecture (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  let result: ICruiseResult;
  let rules: IForbiddenRuleType[];
  let found: Violation[];
  let astroImportCount: number;

  beforeAll(async () => {
    const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
    rules = options.ruleSet?.forbidden ?? [];
    const out = await cruise(CRUISED, { ...options, baseDir: root, validate: true }, undefined, {
      tsConfig: extractTSConfig(join(root, 'tsconfig.json')),
    });
    if (typeof out.output === 'string') throw new Error('expected a JSON cruise result');
    result = out.output;
    const astro = astroViolations(rules);
    astroImportCount = astro.imports;
    found = [
      ...result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })),
      ...astro.violations,
    ];
  });

  it('reads the whole code base and resolves every import (an unresolved import escapes every rule)', () => {
    expect(result.summary.totalCruised).toBeGreaterThan(80);
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.couldNotResolve && !d.module.startsWith('astro:')).map((d) => `${m.source} → ${d.module}`),
    );
    expect(unresolved).toEqual([]);
    expect(astroImportCount).toBeGreaterThan(30);
  });

  it('has no layer violation beyond the KNOWN list', () => {
    const reasons = new Map(rules.map((r) => [r.name, r.comment]));
    const unexpected = found.filter((f) => !KNOWN.some((k) => key(k) === key(f)));
    expect(unexpected.map((v) => `${key(v)}  (${reasons.get(v.rule) ?? ''})`)).toEqual([]);
  });

  it('has every KNOWN violation still present (remove the entries that were fixed)', () => {
    const gone = KNOWN.filter((k) => !found.some((f) => key(f) === key(k)));
    expect(gone.map(key)).toEqual([]);
  });

  it('extracts .astro imports: multi-line, type-only, side-effect and dynamic; not import.meta', () => {
    const source = [
      '---',
      "import type { Plan } from '../model/types.ts';",
      'import {',
      '  a,',
      '  type B,',
      "} from '../views/x.ts';",
      "import '../styles/global.css';",
      "import Base, { c } from '../layouts/Base.astro';",
      'const base = import.meta.env.BASE_URL;',
      "const m = await import('../site/lazy.ts');",
      '---',
      '<p>import nothing from "here"</p>',
      "<script>import { s } from '../site/client.ts';</script>",
    ].join('\n');
    expect(astroImports(source).sort()).toEqual(
      ['../layouts/Base.astro', '../model/types.ts', '../site/client.ts', '../site/lazy.ts', '../styles/global.css', '../views/x.ts'].sort(),
    );
  });

  it('holds .astro imports to the same rules (a page reaching into the loader is caught)', () => {
    const from = 'src/pages/x.astro';
    const to = resolveFrom(from, '../loader/source.ts');
    const broken = rules.filter(isPathRule).filter((r) => pathMatches(r.from, from) && pathMatches(r.to, to));
    expect(broken.map((r) => r.name)).toEqual(['renderers-read-model-and-views']);
  });
});

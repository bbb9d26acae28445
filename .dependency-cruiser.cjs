// The layers of issue 18, enforced: loader → schema → checks → model → views → renderers.
// tests/architecture.test.ts runs these rules in `npm test` (and checks the .astro files, which
// dependency-cruiser cannot read, against the same rules). Paths are relative to the repository root.

/** Everything that lays out or writes an output. */
const RENDERERS = '^(src/(site|pages|components|layouts|book|infographics|pdf|outputs|exports)/|templates/)';
/** Renderers that lay out the plan (the PDF core has its own, stricter rule). */
const PLAN_RENDERERS = '^(src/(site|pages|components|layouts|book|infographics|outputs|exports)/|templates/)';
/** The project's own code: a target outside it (node builtins, packages) is not a layer question. */
const OWN = '^(src|templates|scripts|tests|bench)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle has no bottom layer: nothing in it can be understood or tested alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'yaml-only-in-loader',
      comment: 'src/loader is the only YAML reader and writer; everything else gets parsed, checked data.',
      severity: 'error',
      from: { pathNot: '^src/loader/' },
      to: { path: '^node_modules/yaml/' },
    },
    {
      name: 'pdf-core-knows-no-plan',
      comment: 'src/pdf is a typesetting core: it may use the Thai machinery and the shared assets, never the plan.',
      severity: 'error',
      from: { path: '^src/pdf/' },
      to: { path: OWN, pathNot: ['^src/(pdf|thai|assets)/', '^src/urls\\.ts$'] },
    },
    {
      name: 'thai-self-contained',
      comment: 'src/thai is the bottom layer: calendar, digits and text machinery for everyone.',
      severity: 'error',
      from: { path: '^src/thai/' },
      to: { path: OWN, pathNot: '^src/thai/' },
    },
    {
      name: 'urls-self-contained',
      comment: 'src/urls.ts is the one URL policy, used by every layer down to the PDF core: it imports nothing of ours.',
      severity: 'error',
      from: { path: '^src/urls\\.ts$' },
      to: { path: OWN },
    },
    {
      name: 'layer-schema',
      comment: 'The schema describes the files; it knows nothing of reading, checking or showing them.',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: { path: [`^src/(loader|validate|model|views)/`, RENDERERS] },
    },
    {
      name: 'layer-loader',
      comment: 'The loader reads and parses; cross-checks, the model and the outputs come after it.',
      severity: 'error',
      from: { path: '^src/loader/' },
      to: { path: [`^src/(validate|model|views)/`, RENDERERS] },
    },
    {
      name: 'layer-checks',
      comment: 'The cross-checks look at parsed content, not at the model or what the outputs show.',
      severity: 'error',
      from: { path: '^src/validate/' },
      to: { path: [`^src/(model|views)/`, RENDERERS] },
    },
    {
      name: 'layer-model',
      comment: 'The model is built from checked content; it does not call the validator or know any output.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: [`^src/(validate|views)/`, RENDERERS] },
    },
    {
      name: 'layer-views',
      comment: 'The presentation layer is computed from the model (with Thai formatting, schema labels, paths).',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: OWN, pathNot: ['^src/(model|thai|schema|views)/', '^src/(paths|urls)\\.ts$'] },
    },
    {
      name: 'renderers-read-model-and-views',
      comment: 'Renderers lay out the model and the views; they never reach back to the loader, the checks or the schema.',
      severity: 'error',
      from: { path: PLAN_RENDERERS },
      to: { path: '^src/(loader|validate|schema)/' },
    },
    {
      name: 'renderers-use-model-entry-points',
      comment: "Renderers see the model through its public face (index.ts, types.ts), not through how it is built.",
      severity: 'error',
      from: { path: PLAN_RENDERERS },
      to: { path: '^src/model/', pathNot: '^src/model/(index|types)\\.ts$' },
    },
    {
      name: 'engine-not-templates',
      comment: 'The infographics engine receives its templates; the templates import the engine, not the other way.',
      severity: 'error',
      from: { path: '^src/infographics/' },
      to: { path: '^templates/' },
    },
    {
      name: 'product-not-tooling',
      comment: 'What ships (src, templates) never depends on the build scripts, the tests or the benchmarks.',
      severity: 'error',
      from: { path: '^(src|templates)/' },
      to: { path: '^(scripts|tests|bench)/' },
    },
  ],
  options: {
    // Tests sit beside the code they test and may use anything; they are not part of the layers.
    exclude: { path: '\\.test\\.ts$' },
    doNotFollow: { path: 'node_modules' },
    // `import type` is a dependency too: a type from a higher layer ties the layers all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};

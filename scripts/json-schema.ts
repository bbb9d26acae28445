// npm run schema [<content folder> …]: regenerate <content>/schemas/*.schema.json (by default for content/
// and examples/demo/) after changing src/schema/. `npm run check` writes the same files for its folder.
import { join, relative, resolve } from 'node:path';
import { writeIfChanged } from '../src/loader/write.ts';
import { loadPlans } from '../src/pipeline.ts';

const root = join(import.meta.dirname, '..');
const dirs = process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : [join(root, 'content'), join(root, 'examples', 'demo')];
for (const dir of dirs) {
  for (const s of loadPlans(dir, undefined, { validateOnly: true }).editorSchemas()) {
    console.log(`${writeIfChanged(s.path, s.text) ? 'wrote' : 'unchanged'} ${relative(root, s.path)}`);
  }
}

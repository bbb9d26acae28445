// npm run schema: regenerate content/schemas/*.schema.json from the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_FILES, jsonSchemaFor } from '../src/schema/json-schema.ts';

const dir = join(import.meta.dirname, '..', 'content', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [kind, file] of Object.entries(JSON_SCHEMA_FILES)) {
  writeFileSync(join(dir, file), jsonSchemaFor(kind as keyof typeof JSON_SCHEMA_FILES));
  console.log(`wrote content/schemas/${file}`);
}

// JSON Schema for editors (VS Code's YAML extension), generated from the zod schemas. The files are
// committed in content/schemas/; a test fails when they are out of date (`npm run schema` rewrites them).
import { z } from 'zod';
import { DOCUMENT_SCHEMAS, type DocumentKind } from './index.ts';

export function jsonSchemaFor(kind: DocumentKind): string {
  // io: 'input' describes what people write (before transforms like "ก.พ. 61" → "2561-02").
  const schema = z.toJSONSchema(DOCUMENT_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' });
  return JSON.stringify(schema, null, 2) + '\n';
}

export const JSON_SCHEMA_FILES: Record<DocumentKind, string> = {
  organisation: 'organisation.schema.json',
  plan: 'plan.schema.json',
  project: 'project.schema.json',
  report: 'report.schema.json',
};

// Builds the Pagefind search index over the site's HTML, once every page exists. Runs offline (pagefind's
// binary comes from its npm package). Pages opt in with data-pagefind-body (plan and project pages).
import { readdirSync, readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { join, relative, sep } from 'node:path';

/** Every HTML file under dir, in sorted order: the order a directory lists them differs between filesystems,
 *  and the index must not (same input, same bytes). */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function buildSearchIndex(outDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'th' });
  try {
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (const file of htmlFiles(outDir)) {
      const added = await index.addHTMLFile({ sourcePath: relative(outDir, file).split(sep).join('/'), content: readFileSync(file, 'utf8') });
      if (added.errors.length > 0) throw new Error(`pagefind: ${file}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    // Pages without data-pagefind-body are read but not indexed: the count is the index's own.
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { pages: Object.values(entry.languages).reduce((a, l) => a + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}

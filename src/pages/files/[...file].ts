// Evidence files cited by reports, copied from content/ to paths.evidenceFile(file) so the report pages'
// links resolve, in `astro build` and `astro dev` alike. A cited file that is missing gets no copy and no
// link (the report page names it as text).
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlanEntries } from '../../site/content.ts';
import { evidenceFiles, evidenceSource } from '../../site/evidence.ts';

export const getStaticPaths = (async () => {
  const files = [...new Set((await getPlanEntries()).flatMap((e) => evidenceFiles(e.plan)))];
  return files.flatMap((file) => {
    const source = evidenceSource(file);
    return source ? [{ params: { file: file.replace(/\\/g, '/') }, props: { source } }] : [];
  });
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = {
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8', csv: 'text/csv; charset=utf-8',
};

export const GET: APIRoute = ({ props }) => {
  const source = (props as { source: string }).source;
  const type = TYPES[source.slice(source.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
  return new Response(readFileSync(source), { headers: { 'Content-Type': type } });
};

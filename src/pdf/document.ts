/**
 * Public API of the typesetting core: lay out a DocumentSpec (sections of blocks), look up where anchors landed,
 * and write the PDF.
 */
import { loadSarabun } from './font/sarabun.ts';
import type { AnchorPos } from './render/items.ts';
import { writePdf } from './render/writer.ts';
import { flow, type Layout } from './layout/flow.ts';
import { withLayoutMemo } from './text/paragraph.ts';
import type { DocumentSpec, Theme } from './layout/types.ts';

export function defaultTheme(over?: Partial<Theme>): Theme {
  const size = over?.size ?? 14;
  return {
    family: loadSarabun(),
    size,
    lineHeight: 1.6,
    color: '#000000',
    headingSizes: [size * 1.6, size * 1.35, size * 1.15, size * 1.05, size, size],
    paragraphSpacing: size * 0.5,
    align: 'left',
    indent: 0,
    linkColor: '#1a4f9c',
    ...over,
  };
}

/** Measure pass: lay out every page without writing a PDF. */
export function layoutDocument(spec: DocumentSpec): Layout {
  return flow(spec, defaultTheme(spec.theme));
}

/** Where an anchor landed: 0-based page index and the page's label ("12", "๑๒"). */
export function anchorPage(layout: Layout, id: string): { pageIndex: number; label: string } | undefined {
  const a: AnchorPos | undefined = layout.anchors.get(id);
  if (!a) return undefined;
  return { pageIndex: a.pageIndex, label: layout.pages[a.pageIndex]!.label };
}

/** Write a laid-out document as PDF bytes. Same input, same bytes. */
export function writeLayout(layout: Layout, spec: DocumentSpec): Promise<Uint8Array> {
  return writePdf({
    pages: layout.pages, meta: spec.meta, outline: layout.outline, anchors: layout.anchors,
    structure: spec.tagged === false ? undefined : layout.structure, pdfa: spec.pdfa !== false,
  });
}

/** Lay out and write in one call. */
export async function renderPdf(spec: DocumentSpec): Promise<{ bytes: Uint8Array; layout: Layout }> {
  const layout = layoutDocument(spec);
  return { bytes: await writeLayout(layout, spec), layout };
}

/**
 * Two-pass (or more) layout for documents that print page numbers of their own anchors — a table of contents,
 * "see page N". `build` receives `pageOf(id)` (undefined in the first pass) and returns the spec; layout repeats
 * until every looked-up label is stable (at most 4 passes). The passes share their paragraph layouts.
 */
export function layoutWithPageRefs(build: (pageOf: (id: string) => string | undefined) => DocumentSpec): { spec: DocumentSpec; layout: Layout; passes: number } {
  return withLayoutMemo(() => {
    let spec = build(() => undefined);
    let layout = layoutDocument(spec);
    let passes = 1;
    while (passes < 5) {
      const labels = new Map<string, string>();
      for (const id of layout.anchors.keys()) labels.set(id, anchorPage(layout, id)!.label);
      const used = new Set<string>();
      spec = build((id) => { used.add(id); return labels.get(id); });
      layout = layoutDocument(spec);
      passes++;
      if ([...used].every((id) => anchorPage(layout, id)?.label === labels.get(id))) break;
    }
    return { spec, layout, passes };
  });
}

/** layoutWithPageRefs, then write. */
export async function renderPdfWithPageRefs(
  build: (pageOf: (id: string) => string | undefined) => DocumentSpec,
): Promise<{ bytes: Uint8Array; layout: Layout; passes: number }> {
  const { spec, layout, passes } = layoutWithPageRefs(build);
  return { bytes: await writeLayout(layout, spec), layout, passes };
}

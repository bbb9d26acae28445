/**
 * PDF typesetting core with correct Thai. See README.md in this folder.
 *
 * Shaping: HarfBuzz (harfbuzzjs). Fonts: TrueType subset (hb-subset, glyph ids retained) embedded as
 * Type0/CIDFontType2 Identity-H with widths, ToUnicode and ActualText. Line breaking: Intl.Segmenter word boundaries
 * plus punctuation rules. Layout: paragraphs, headings, lists, tables, images, canvas drawing, contents entries,
 * page flow with running headers/footers, outline, links, page labels; every display item carries a structure role.
 * PDF objects: @cantoo/pdf-lib.
 */
export { renderPdf, renderPdfWithPageRefs, layoutDocument, layoutWithPageRefs, writeLayout, anchorPage, defaultTheme } from './document.ts';
export { A4, THAI_OFFICIAL_MARGINS, formatPageNumber, type Layout, type LaidOutPage } from './layout/flow.ts';
export type {
  Block, ParagraphBlock, HeadingBlock, ListBlock, TableBlock, TableRow, TableCell, ImageBlock, CanvasBlock, Canvas,
  CanvasTextStyle, SpacerBlock, PageBreakBlock, KeepTogetherBlock, RuleBlock, TocEntryBlock, DocumentSpec, Section, PageSetup,
  Margins, RunningText, NumberStyle, Theme, Inline,
} from './layout/types.ts';
export type { Run, Align, ParagraphStyle, Line } from './text/paragraph.ts';
export { layoutParagraph, withLayoutMemo } from './text/paragraph.ts';
export { breakOpportunities, graphemeBoundaries, emergencyBreaks } from './text/breaks.ts';
export { shape, type Shaped } from './shape/shaper.ts';
export { loadFont, pickFont, type PdfFont, type FontFamily } from './font/font.ts';
export { loadSarabun, sarabunPath } from './font/sarabun.ts';
export { subsetFont } from './font/subset.ts';
export { imageFromBytes } from './render/image.ts';
export type {
  Color, DocumentMeta, ImageSource, Page, Item, AnchorPos, OutlineEntry, ItemTag, StructNode, StructRole,
} from './render/items.ts';
export { writePdf } from './render/writer.ts';
export { markdownToBlocks, mdastToBlocks, type MarkdownOptions } from './markdown.ts';

// What the file formats cannot carry. The schema refuses control characters in text; this is the last line,
// for text that reaches a model another way: XML 1.0 forbids them in a workbook (one made the file unreadable:
// exceljs writes them as they are) and iCalendar TEXT forbids them too.

const UNCARRIABLE = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without control characters (tab and line feed kept), noncharacters and lone surrogates. */
export function carriable(s: string): string {
  return s.replace(UNCARRIABLE, '');
}

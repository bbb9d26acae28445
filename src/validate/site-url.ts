// site.url against SITE_BASE. The PDFs, calendars and link previews address the site under site.url; the
// site's own links are under SITE_BASE. When the two paths differ, one of them is wrong for the intranet the
// site is published on, and every PDF link would lead to a page that is not there: said once, as a warning.
import type { SourceFile } from '../loader/source.ts';
import { isSiteUrl } from '../urls.ts';
import type { Report } from './context.ts';

/** "/plans/" for " plans ", "/" for "" (as astro.config.mjs normalises SITE_BASE). */
export const normaliseBase = (b: string): string => `/${b.trim()}/`.replace(/\/+/g, '/');

export function checkSiteBase(report: Report, source: SourceFile, siteUrl: string | undefined, siteBase: string | undefined) {
  if (siteUrl === undefined || siteBase === undefined || !isSiteUrl(siteUrl)) return;
  const url = new URL(siteUrl);
  const urlPath = normaliseBase(url.pathname);
  const base = normaliseBase(siteBase);
  if (urlPath === base) return;
  report('warning', source, ['site', 'url'],
    `site.url (${siteUrl}) อยู่ใต้ ${urlPath} แต่เว็บไซต์สร้างด้วย SITE_BASE=${base}: ลิงก์ใน PDF ปฏิทิน และภาพตัวอย่างลิงก์จะชี้ไปใต้ ${urlPath} ซึ่งไม่ใช่ที่อยู่ของหน้าเว็บ ` +
    `ให้เขียน site.url เป็น ${url.origin}${base} หรือสร้างด้วย SITE_BASE=${urlPath}`);
}

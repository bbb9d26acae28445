// A tiny element-tree builder for Satori: templates are plain TS functions returning these objects
// (no React, no JSX). Satori reads { type, props: { style, children } }.
export type Style = Record<string, string | number | undefined>;
export type Child = El | string | number | null | undefined | false;
export interface El {
  type: string;
  key?: string | number | null;
  props: { style?: Style; children?: Child | Child[]; [attr: string]: unknown };
}

/** h('div', { style }, child, child …). Nested arrays of children are flattened; null/false/undefined dropped. */
export function h(type: string, props: { style?: Style; [attr: string]: unknown } | null, ...children: Array<Child | Child[]>): El {
  const flat = (children as unknown[]).flat(Infinity as 1).filter((c) => c !== null && c !== undefined && c !== false) as Child[];
  const p: El['props'] = { ...(props ?? {}) };
  if (flat.length === 1) p.children = flat[0];
  else if (flat.length > 1) p.children = flat;
  return { type, props: p };
}

/** A flex column / row box: every box in our templates is explicit flex (Satori's default). */
export const col = (style: Style, ...children: Array<Child | Child[]>): El =>
  h('div', { style: { display: 'flex', flexDirection: 'column', ...style } }, ...children);
export const row = (style: Style, ...children: Array<Child | Child[]>): El =>
  h('div', { style: { display: 'flex', flexDirection: 'row', ...style } }, ...children);

export * from './calendar.ts';
export * from './numbers.ts';
export * from './width.ts';
export * from './ellipsis.ts';

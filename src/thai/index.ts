export * from './calendar.ts';
export * from './numbers.ts';

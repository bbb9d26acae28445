// The build's two dates, named for what they are. SOURCE_DATE_EPOCH (seconds, as reproducible builds set it)
// decides both when given.
type Env = Record<string, string | undefined>;

function epoch(env: Env): Date | undefined {
  const e = env.SOURCE_DATE_EPOCH?.trim();
  return e && /^\d+$/.test(e) ? new Date(Number(e) * 1000) : undefined;
}

/** The date written into outputs (PDF metadata, cache keys): SOURCE_DATE_EPOCH, or none, so that
 *  two builds of the same content are byte-identical. */
export function sourceDate(env: Env = process.env): Date | undefined {
  return epoch(env);
}

/** "Now" for the site (the current-month marker): SOURCE_DATE_EPOCH, else the build's own clock.
 *  Pages never call Date themselves. */
export function now(env: Env = process.env): Date {
  return epoch(env) ?? new Date();
}

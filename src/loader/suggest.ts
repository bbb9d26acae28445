// "Did you mean": the allowed name nearest to what was written, for unknown fields and unknown ids. A name is
// an ASCII key or id (budget, high) and may have Thai names (งบประมาณ, ระดับสำคัญมาก): either may be typed.

export interface Choice {
  /** What to write: the key or the id. */
  id: string;
  /** Its Thai names, matched too. */
  names?: readonly string[];
}

/**
 * Edit distance (insertions, deletions, substitutions and swaps of two neighbours, as in "hihg" for "high")
 * over code points, so a Thai vowel or tone mark counts as one.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[x.length]![y.length]!;
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/[\s_]+/g, '-');
/** Close enough to be a slip of the keyboard: about one mistake in three characters, at least one. */
const close = (written: string, name: string) => editDistance(written, name) <= Math.max(1, Math.floor([...name].length / 3));

/**
 * The choice the author most likely meant, or undefined when none is close. A Thai name also matches when
 * what was written is part of it or it is part of what was written ("งบประมาณ" for "งบประมาณ (บาท)").
 * When several are equally close none is suggested: the full list follows in the message anyway.
 */
export function nearest(written: string, choices: readonly Choice[]): Choice | undefined {
  const w = norm(written);
  if (w === '') return undefined;
  let best: { choice: Choice; score: number } | undefined;
  let tie = false;
  for (const c of choices) {
    const id = norm(c.id);
    let score = close(w, id) ? editDistance(w, id) : Infinity;
    // A name's words in brackets are a note ("งบประมาณ (บาท)"): the name without them counts too.
    for (const n of (c.names ?? []).flatMap((n) => [n, n.replace(/\s*\([^)]*\)/g, '')])) {
      const name = norm(n);
      if (close(w, name)) score = Math.min(score, editDistance(w, name));
      else if ([...w].length >= 2 && (name.includes(w) || w.includes(name))) score = Math.min(score, 1.5);
    }
    if (score === Infinity) continue;
    if (!best || score < best.score) {
      best = { choice: c, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.choice : undefined;
}

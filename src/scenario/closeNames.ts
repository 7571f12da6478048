/** Edit distance (Levenshtein) between two strings, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The names closest to `wanted` (at most `max`, nearest first): those within an edit distance of about a third of
 * its length, or that contain it or are contained in it.
 */
export function closeNames(wanted: string, names: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.ceil(wanted.length / 3));
  const w = wanted.toLowerCase();
  return [...new Set(names)]
    .map((n) => ({
      n,
      d: distance(wanted, n),
      sub: n.toLowerCase().includes(w) || w.includes(n.toLowerCase()),
    }))
    .filter((c) => c.d <= limit || (c.sub && w.length >= 3))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, max)
    .map((c) => c.n);
}

/** ` (did you mean a or b?)`, or `` when nothing is close. */
export function didYouMean(wanted: string, names: Iterable<string>): string {
  const close = closeNames(wanted, names);
  if (close.length === 0) return "";
  return ` (did you mean ${close.map((c) => `'${c}'`).join(" or ")}?)`;
}

/** `; known: a, b, c` listing up to `max` names, or `; none defined`. */
export function knownNames(names: readonly string[], max = 12): string {
  if (names.length === 0) return "; none defined";
  const shown = names.slice(0, max).join(", ");
  return `; known: ${shown}${names.length > max ? `, ... (${names.length} in all)` : ""}`;
}

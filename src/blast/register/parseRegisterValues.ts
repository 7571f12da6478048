/** Reads yes/no cells: true, yes, y, 1, critical, important -> true; false, no, n, 0, not critical -> false. */
export function parseYesNo(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (v === "") return undefined;
  if (["true", "yes", "y", "1", "critical", "important", "critical or important"].includes(v)) return true;
  if (["false", "no", "n", "0", "not critical", "not critical or important"].includes(v)) return false;
  return undefined;
}

/** A non-negative number (hours, money), or undefined when empty; NaN when unreadable. */
export function parseAmount(raw: string): number | undefined {
  const v = raw.trim().replaceAll("_", "");
  if (v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : Number.NaN;
}

/**
 * Level of reliance, matched on whole words (so "allow" or "below" are not "low"): a cell with the word "low" (as in
 * "low reliance"), the words "not significant" in a row, or exactly "none" -> soft; "material", "full" and anything
 * else -> hard.
 */
export function relianceKind(raw: string): "hard" | "soft" {
  const words: string[] = raw.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (words.includes("low")) return "soft";
  if (words.length === 1 && words[0] === "none") return "soft";
  for (let i = 0; i + 1 < words.length; i++)
    if (words[i] === "not" && words[i + 1] === "significant") return "soft";
  return "hard";
}

/**
 * Substitutability: "not substitutable" -> none, "highly complex" -> difficult, "medium" -> medium, "easily" -> easy;
 * empty -> undefined; anything else kept lower case.
 */
export function substitutabilityOf(raw: string): string | undefined {
  const v = raw.trim().toLowerCase();
  if (v === "") return undefined;
  if (v.startsWith("not") || v === "none") return "none";
  if (v.includes("high") || v.includes("difficult")) return "difficult";
  if (v.includes("medium")) return "medium";
  if (v.includes("eas")) return "easy";
  return v;
}

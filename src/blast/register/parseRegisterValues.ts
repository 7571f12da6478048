import { ebaMember, isEbaCode, RELIANCE, SUBSTITUTABILITY, YES_NO } from "./ebaCodes.js";

/**
 * Reads yes/no cells: `eba_BT:x28`, true, yes, y, 1, critical, important -> true; `eba_BT:x29`, false, no, n, 0,
 * not critical -> false; anything else (including "assessment not performed", see {@link isNotAssessed}) undefined.
 */
export function parseYesNo(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (v === "") return undefined;
  const coded = YES_NO[ebaMember(v) ?? ""];
  if (coded !== undefined) return coded === "not assessed" ? undefined : coded;
  if (["true", "yes", "y", "1", "critical", "important", "critical or important"].includes(v)) return true;
  if (["false", "no", "n", "0", "not critical", "not critical or important"].includes(v)) return false;
  return undefined;
}

/** True for "assessment not performed" (`eba_BT:x21`), a valid answer that says neither yes nor no. */
export function isNotAssessed(raw: string): boolean {
  const v = raw.trim().toLowerCase();
  return YES_NO[ebaMember(v) ?? ""] === "not assessed" || v === "assessment not performed";
}

/**
 * A non-negative number (hours, money), or undefined when empty; NaN when unreadable, including an enumeration code
 * (`eba_CT:x212` is a code, never an amount).
 */
export function parseAmount(raw: string): number | undefined {
  const v = raw.trim().replaceAll("_", "");
  if (v === "") return undefined;
  if (isEbaCode(v)) return Number.NaN;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : Number.NaN;
}

/**
 * Level of reliance. A code alone is decoded (`eba_ZZ:x794` not significant and `x795` low reliance -> soft,
 * `x796` material and `x797` full -> hard). Words are matched whole (so "allow" or "below" are not "low"): a cell
 * with the word "low" (as in "low reliance"), the words "not significant" in a row, or exactly "none" -> soft;
 * "material", "full" and anything else -> hard.
 */
export function relianceKind(raw: string): "hard" | "soft" {
  const coded = RELIANCE[ebaMember(raw) ?? ""];
  if (coded) return coded;
  const words: string[] = raw.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (words.includes("low")) return "soft";
  if (words.length === 1 && words[0] === "none") return "soft";
  for (let i = 0; i + 1 < words.length; i++)
    if (words[i] === "not" && words[i + 1] === "significant") return "soft";
  return "hard";
}

/**
 * Substitutability: codes `eba_ZZ:x959` none, `x960` difficult, `x961` medium, `x962` easy; text "not substitutable"
 * -> none, "highly complex" -> difficult, "medium" -> medium, "easily" -> easy; empty -> undefined; other text kept
 * lower case.
 */
export function substitutabilityOf(raw: string): string | undefined {
  const v = raw.trim().toLowerCase();
  if (v === "") return undefined;
  const coded = SUBSTITUTABILITY[ebaMember(v) ?? ""];
  if (coded) return coded;
  if (v.startsWith("not") || v === "none") return "none";
  if (v.includes("high") || v.includes("difficult")) return "difficult";
  if (v.includes("medium")) return "medium";
  if (v.includes("eas")) return "easy";
  return v;
}

/** Names that register tools write when they have none: never shown as a provider's or an entity's name. */
const PLACEHOLDERS = new Set(["0", "-", "--", "n/a", "na", "null", "none", "unknown", "?", "tbd"]);

/**
 * The name to show for a provider or entity: the first of `candidates` that is a real name, else `id` (its code or
 * LEI). Empty cells, placeholders ("0", "n/a", "-") and enumeration codes are not names.
 */
export function displayName(id: string, ...candidates: readonly (string | undefined)[]): string {
  for (const c of candidates) {
    const v = (c ?? "").trim();
    if (v !== "" && !PLACEHOLDERS.has(v.toLowerCase()) && !isEbaCode(v)) return v;
  }
  return id;
}

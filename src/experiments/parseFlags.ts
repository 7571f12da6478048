import { parseDuration } from "../core/parseDuration.js";
import { StampedeError } from "../core/StampedeError.js";

function bad(flag: string, message: string): StampedeError {
  return new StampedeError("E_BAD_FLAG", message, { path: flag });
}

/** A whole number >= `min` given to `flag`. */
export function parseWhole(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < min)
    throw bad(flag, `expected a whole number >= ${min}, got '${text}'`);
  return n;
}

/** A positive finite number given to `flag` (a scale factor). */
export function parsePositive(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw bad(flag, `expected a number > 0, got '${text}'`);
  return n;
}

/** A positive duration (`10h`, `90m`, `3600`), seconds. */
export function parseUntil(text: string): number {
  let s: number;
  try {
    s = parseDuration(text);
  } catch (e) {
    throw bad("--until", e instanceof Error ? e.message : String(e));
  }
  if (!(s > 0)) throw bad("--until", `expected a duration > 0, got '${text}'`);
  return s;
}

/** Repeated `--set path=value` flags as a map (later ones win). */
export function parseSets(items: readonly string[]): Record<string, string> {
  // Null prototype: a user's path (`__proto__`) is a key like any other, checked (and refused) by the loader.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw bad("--set", `expected path=value, got '${item}'`);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return out;
}

/** `--format`: one of `allowed`. */
export function parseFormat<T extends string>(text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text))
    throw bad("--format", `expected ${allowed.join(" or ")}, got '${text}'`);
  return text as T;
}

/**
 * `--openmetrics-start now|scenario` (default `scenario`): the time base of series.om. Throws a located flag error
 * (exit 2) for anything else.
 */
export function parseOpenMetricsStart(text: string | undefined): "now" | "scenario" {
  if (text === undefined || text === "scenario") return "scenario";
  if (text === "now") return "now";
  throw bad("--openmetrics-start", `expected now or scenario, got '${text}'`);
}

/** Commander collector for repeatable flags. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The flags `run`, `compare` and `sweep` share, as commander gives them. */
export interface ScenarioRunFlags {
  seed: string;
  format: string;
  set: string[];
  scale?: string;
  until?: string;
  engine?: string;
}

/**
 * Parses the flags `run`, `compare` and `sweep` share, in this order: --seed, --format (text|json), --set, --scale,
 * --until. Throws the first bad one as a one-line StampedeError.
 */
export function parseScenarioRunFlags(flags: ScenarioRunFlags): {
  seed: number;
  format: "text" | "json";
  set: Record<string, string>;
  scale: number | undefined;
  until: number | undefined;
  engine: "event" | "fluid" | undefined;
} {
  const engine = flags.engine;
  if (engine !== undefined && engine !== "event" && engine !== "fluid")
    throw new StampedeError("E_BAD_FLAG", `--engine must be event or fluid, got '${engine}'`, {
      path: "--engine",
    });
  return {
    engine,
    seed: parseWhole("--seed", flags.seed, 0),
    format: parseFormat(flags.format, ["text", "json"] as const),
    set: parseSets(flags.set),
    scale: flags.scale === undefined ? undefined : parsePositive("--scale", flags.scale),
    until: flags.until === undefined ? undefined : parseUntil(flags.until),
  };
}

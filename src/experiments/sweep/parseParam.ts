import { parseDuration } from "../../core/parseDuration.js";
import { parseRate } from "../../core/parseRate.js";
import { StampedeError } from "../../core/StampedeError.js";

/** One swept parameter: `path=FROM..TO:POINTS[:log]`. */
export interface SweepParam {
  /** Field path, as for `--set` (`faults.spike.end`). */
  path: string;
  /** The bounds as the user wrote them, in the field's units (`5s`, `2m`). */
  fromText: string;
  toText: string;
  /** The bounds as numbers in base units (seconds, per second). */
  from: number;
  to: number;
  points: number;
  log: boolean;
  /** The grid values, from FROM to TO inclusive. */
  values: number[];
}

/** Reads one bound: a plain number, a duration (`90s`, `1h30m`), a rate (`1200/s`) or a percentage (`50%`). */
export function parseBound(text: string, path: string): number {
  const t = text.trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  for (const parse of [parseDuration, parseRate]) {
    try {
      return parse(t);
    } catch {
      // try the next reading
    }
  }
  throw new StampedeError(
    "E_BAD_PARAM",
    `'${text}' is not a number, duration (90s), rate (100/s) or percentage (50%)`,
    { path },
  );
}

/** The units a parameter's bounds were written in, so that its values print the same way. */
export type ParamUnits = "number" | "duration" | "rate" | "percent";

/** The units of a bound as written: a plain number, a duration (`90s`), a rate (`100/s`) or a percentage (`50%`). */
export function paramUnits(text: string): ParamUnits {
  const t = text.trim();
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(t)) return "number";
  if (t.endsWith("%")) return "percent";
  if (t.includes("/")) return "rate";
  try {
    parseDuration(t);
    return "duration";
  } catch {
    return "rate";
  }
}

/** Rounds away floating-point noise (0.30000000000000004 -> 0.3) so grid values print and serialise cleanly. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** The POINTS grid values from `from` to `to`, evenly spaced, or geometrically spaced when `log`. */
export function gridValues(from: number, to: number, points: number, log: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < points; i++) {
    const f = i / (points - 1);
    const v = log ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from))) : from + f * (to - from);
    out.push(i === 0 ? from : i === points - 1 ? to : clean(v));
  }
  return out;
}

/**
 * Parses `--param path=FROM..TO:POINTS[:log]`: FROM and TO in the field's units (`5s..2m:12`, `0.5..0.95:10`,
 * `1..1000:7:log`), at least 2 points, FROM below TO, and a log range strictly above 0. Throws E_BAD_PARAM with the
 * path. Whether the path exists and the field takes the values is checked later against the scenario
 * (`validateSweepParams`).
 */
export function parseParam(text: string): SweepParam {
  const eq = text.indexOf("=");
  const path = eq > 0 ? text.slice(0, eq).trim() : "";
  const syntax = (why: string): StampedeError =>
    new StampedeError("E_BAD_PARAM", `--param '${text}': ${why}; expected path=FROM..TO:POINTS[:log]`, {
      ...(path ? { path } : {}),
    });
  if (!path) throw syntax("missing the field path");
  const spec = text.slice(eq + 1);
  const dots = spec.indexOf("..");
  if (dots < 0) throw syntax("missing '..' between FROM and TO");
  const fromText = spec.slice(0, dots).trim();
  const [toText = "", pointsText = "", mode, ...extra] = spec.slice(dots + 2).split(":");
  if (!fromText || !toText.trim()) throw syntax("missing FROM or TO");
  if (!/^\d+$/.test(pointsText.trim())) throw syntax("POINTS must be a whole number");
  if (extra.length > 0 || (mode !== undefined && mode.trim() !== "log"))
    throw syntax("only ':log' may follow POINTS");
  const points = Number(pointsText);
  const log = mode !== undefined;
  const from = parseBound(fromText, path);
  const to = parseBound(toText, path);
  const fail = (why: string): StampedeError =>
    new StampedeError("E_BAD_PARAM", `--param '${text}': ${why}`, { path });
  if (points < 2) throw fail(`a sweep needs at least 2 points, got ${points}`);
  if (from > to) throw fail(`FROM (${fromText.trim()}) is greater than TO (${toText.trim()})`);
  if (from === to) throw fail("FROM and TO are equal: nothing to sweep");
  if (log && from <= 0) throw fail("a log scale needs a range strictly above 0");
  return {
    path,
    fromText,
    toText: toText.trim(),
    from,
    to,
    points,
    log,
    values: gridValues(from, to, points, log),
  };
}

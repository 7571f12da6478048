import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import { isStampedeError, type StampedeError } from "../../core/StampedeError.js";
import { builtinDir, builtinNames } from "../../scenario/builtins.js";
import { loadScenarioText } from "../../scenario/loadScenario.js";
import { mutateScenario, seededRandom } from "../../scenario/testing/mutateScenario.js";
import { E_RUN_TOO_LARGE } from "../estimateRun.js";
import { runScenario } from "../runScenario.js";

/** What happened to one fuzzed file. */
export interface FuzzOutcome {
  index: number;
  kind: string;
  /**
   * `ok`: valid and ran (or stopped by the memory guard, exit 3); `invalid`: every error located (exit 2); `refused`:
   * valid but refused by the size estimate (exit 2, naming the field and --allow-large); `unlocated` or `internal`: a
   * bug.
   */
  result: "ok" | "invalid" | "refused" | "unlocated" | "internal";
  message: string;
  /** Wall seconds spent validating and running. */
  seconds: number;
  /** The mutated text (kept only for failures). */
  text?: string;
}

/** Options of a fuzz run. */
export interface FuzzOptions {
  /** Seed of the mutations. */
  seed: number;
  /** Number of files. */
  files: number;
  /** Run length of valid files, seconds. Default 600 (`--until 10m`). */
  until?: number;
  /** Scale of valid files. Default 0.05. */
  scale?: number;
}

/** True when the error (and every one it carries) has a `file:line:col`. */
function located(e: StampedeError): boolean {
  const many = (e as { errors?: StampedeError[] }).errors;
  if (many && many.length > 0) return many.every((x) => x.location !== undefined);
  return e.location !== undefined;
}

/**
 * Mutates the built-in scenarios `files` times (seeded), validates each file and runs the valid ones in process
 * (`--until 10m --scale 0.05`), the way `stampede run FILE` would. Returns one outcome per file.
 */
export function fuzzScenarios(options: FuzzOptions, onOutcome?: (o: FuzzOutcome) => void): FuzzOutcome[] {
  const r = seededRandom(options.seed);
  const dir = builtinDir();
  const sources = builtinNames(dir).map((n) => {
    const text = readFileSync(`${dir}/${n}.yaml`, "utf8");
    return { name: n, text, raw: parse(text) as unknown };
  });
  const out: FuzzOutcome[] = [];
  for (let index = 0; index < options.files; index++) {
    const src = sources[Math.floor(r() * sources.length)]!;
    const { kind, text } = mutateScenario(src.raw, src.text, r);
    const file = `fuzz-${options.seed}-${index}.yaml`;
    const t0 = performance.now();
    let result: FuzzOutcome["result"] = "ok";
    let message = "";
    try {
      const scenario = loadScenarioText(text, file, { scale: options.scale ?? 0.05 });
      runScenario(scenario, { until: options.until ?? 600 });
    } catch (e) {
      if (isStampedeError(e)) {
        result = e.code === E_RUN_TOO_LARGE ? "refused" : located(e) ? "invalid" : "unlocated";
        const many = (e as { errors?: StampedeError[] }).errors;
        message = (many?.[0] ?? e).format();
      } else {
        result = "internal";
        message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    }
    const o: FuzzOutcome = {
      index,
      kind: `${src.name}:${kind}`,
      result,
      message,
      seconds: (performance.now() - t0) / 1000,
      ...(result === "unlocated" || result === "internal" ? { text } : {}),
    };
    onOutcome?.(o);
    out.push(o);
  }
  return out;
}

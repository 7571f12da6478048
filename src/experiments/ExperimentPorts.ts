import type { RunResult, Series } from "../metrics/RunResult.js";
import type { Scenario } from "../scenario/Scenario.js";

/** Options of one run: `runScenario(scenario, options)`. */
export interface RunOptions {
  /** Root seed of the run's random streams. */
  seed: number;
  /** Run length, seconds. Default: the scenario's `duration`. */
  until?: number;
  /** Called now and then with the fraction of the run done, 0..1, and a function giving the series so far. */
  onProgress?: (fraction: number, snapshot: () => Series) => void;
  /** Asked now and then: true cancels the run (it throws E_CANCELLED). */
  cancelled?: () => boolean;
  /** Memory limit of the run, bytes (see runScenario). Default 75% of the heap limit. */
  maxMemory?: number;
  /** Skip the pre-run size estimate (`--allow-large`). */
  allowLarge?: boolean;
  /** The engine: `event` (default) or `fluid` (docs/fluid.md). */
  engine?: "event" | "fluid";
}

/** Runs one scenario: a pure function of (scenario, seed) apart from `summary.timing`. */
export type ScenarioRunner = (scenario: Scenario, options: RunOptions) => RunResult | Promise<RunResult>;

/** How to resolve a scenario: a variant, overrides by field path (values as the user wrote them), a scale factor. */
export interface LoadOptions {
  variant?: string;
  /** Overrides by field path. Strings are parsed in the field's units (`"90s"`); numbers are taken as is. */
  set?: Record<string, string | number>;
  /** Population / capacity scale factor. Default 1. */
  scale?: number;
}

/** Loads a scenario by file path or built-in name and resolves it; throws StampedeError on bad input. */
export type ScenarioLoader = (ref: string, options: LoadOptions) => Scenario | Promise<Scenario>;

/** A scenario's text and its content address (see preparedScenarios.ts). */
export interface ScenarioTextRef {
  /** The file name used in messages and `origin`. */
  file: string;
  text: string;
  /** SHA-256 of `text`, hex. */
  hash: string;
}

/**
 * What the experiments need from the rest of stampede: a loader and a runner. The CLI passes the real ones; tests pass
 * a tiny fake model (src/experiments/testing/fakeModel.ts) so the machinery is tested without the cloud model.
 */
export interface ExperimentPorts {
  load: ScenarioLoader;
  run: ScenarioRunner;
  /** Reads a scenario's text by reference (sharded and queued sweeps hash it; queue workers get it from Redis). */
  source?: (ref: string) => ScenarioTextRef;
  /** Loads a scenario from text (a queue worker has no file); like `load` otherwise. */
  loadText?: (text: string, file: string, options: LoadOptions) => Scenario | Promise<Scenario>;
}

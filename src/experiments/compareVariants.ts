import type { CompareResult, VariantRuns, VariantStats } from "../metrics/CompareResult.js";
import type { RunSummary } from "../metrics/RunResult.js";
import type { JobRunner, JobSpec } from "./JobSpec.js";
import { meanInterval } from "./stats/meanInterval.js";
import { median } from "./stats/median.js";
import { type ShareEstimate, wilsonInterval } from "./stats/wilsonInterval.js";

/** Options of `compareVariants`. */
export interface CompareOptions {
  /** Scenario file or built-in name. */
  scenario: string;
  /** Variants to compare with the baseline (the scenario as written). */
  variants: readonly string[];
  /** Replications per variant. Default 5. */
  replications?: number;
  /** Seed of the first replication; replication i uses seed + i in every variant (common random numbers). Default 1. */
  seed?: number;
  scale?: number;
  set?: Record<string, string | number>;
  /** Run length, seconds. Default: the scenario's duration. */
  until?: number;
  /** Called after each run with the number done and the total. */
  onRunDone?: (done: number, total: number) => void;
  /** Skip the size estimate of each run (`--allow-large`). */
  allowLarge?: boolean;
  /** Memory limit of each run, bytes (`--max-memory`). */
  maxMemory?: number;
  /** The engine of every run (`--engine`); absent: event. */
  engine?: "event" | "fluid";
}

export type { CompareResult, VariantRuns, VariantStats } from "../metrics/CompareResult.js";

/** Computes a variant's statistics from its run summaries (pure; see VariantStats for the definitions). */
export function variantStats(variant: string | null, all: readonly RunSummary[]): VariantStats {
  const summaries = all.filter((s) => s.verdict.metastable !== null);
  const since = (s: RunSummary, t: number | null): number | null =>
    t === null ? null : t - (s.verdict.triggerStart ?? 0);
  const recovered = summaries.filter((s) => s.verdict.recoveredAt !== null);
  const diagnosed = recovered.map((s) => since(s, s.verdict.diagnosedAt)).filter((d) => d !== null);
  return {
    variant,
    runs: all.length,
    undetermined: all.length - summaries.length,
    metastable: shareOf(summaries, (s) => s.verdict.metastable === true),
    sustained: shareOf(summaries, (s) => s.verdict.sustained === true),
    recovered: recovered.length,
    medianRecoverySeconds: median(recovered.map((s) => since(s, s.verdict.recoveredAt))),
    medianDiagnosisSeconds: median(diagnosed),
    diagnosedAmongRecovered: diagnosed.length,
    peakAmplification: meanInterval(summaries.map((s) => s.verdict.peakAmplification)),
    goodputLostSeconds: meanInterval(summaries.map((s) => s.verdict.goodputLostSeconds)),
    dependentsOutageMinutes: meanInterval(
      summaries.map((s) => Object.values(s.dependents).reduce((a, d) => a + d.outageSeconds, 0) / 60),
    ),
  };
}

/** Share of `summaries` for which `test` holds, with its Wilson 95% interval (share NaN over no runs). */
function shareOf(summaries: readonly RunSummary[], test: (s: RunSummary) => boolean): ShareEstimate {
  const n = summaries.length;
  return (
    wilsonInterval(summaries.filter(test).length, n) ?? { count: 0, n: 0, share: Number.NaN, low: 0, high: 1 }
  );
}

/**
 * Runs the baseline and each variant `replications` times with common random numbers (replication i uses seed + i
 * everywhere, so differences between variants are not drowned by seed noise) and summarises each variant. Runs go to
 * `runner` all at once, so a pool runs them in parallel; results are ordered by variant and replication.
 */
export async function compareVariants(runner: JobRunner, options: CompareOptions): Promise<CompareResult> {
  const replications = options.replications ?? 5;
  const seed = options.seed ?? 1;
  const seeds = Array.from({ length: replications }, (_, i) => seed + i);
  const variants: (string | null)[] = [null, ...options.variants];
  const total = variants.length * replications;
  let done = 0;
  const perVariant = variants.map((variant) =>
    Promise.all(
      seeds.map(async (s, i) => {
        const job: JobSpec = {
          scenario: options.scenario,
          set: options.set ?? {},
          seed: s,
          series: i === 0,
          ...(variant === null ? {} : { variant }),
          ...(options.scale === undefined ? {} : { scale: options.scale }),
          ...(options.until === undefined ? {} : { until: options.until }),
          ...(options.allowLarge === true ? { allowLarge: true } : {}),
          ...(options.maxMemory === undefined ? {} : { maxMemory: options.maxMemory }),
          ...(options.engine === undefined ? {} : { engine: options.engine }),
        };
        const out = await runner.run(job);
        options.onRunDone?.(++done, total);
        return out;
      }),
    ),
  );
  const outputs = await Promise.all(perVariant);
  const runs: VariantRuns[] = outputs.map((outs, k) => ({
    variant: variants[k]!,
    summaries: outs.map((o) => o.summary),
    firstSeries: outs[0]?.series ?? null,
  }));
  return {
    scenario: options.scenario,
    seeds,
    stats: runs.map((r) => variantStats(r.variant, r.summaries)),
    runs,
  };
}

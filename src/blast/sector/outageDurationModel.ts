import { parseDuration } from "../../core/parseDuration.js";
import { StampedeError } from "../../core/StampedeError.js";
import { Constant } from "../../engine/distributions/Constant.js";
import type { Distribution } from "../../engine/distributions/Distribution.js";
import { Exponential } from "../../engine/distributions/Exponential.js";
import { LogNormal } from "../../engine/distributions/LogNormal.js";
import { Weibull } from "../../engine/distributions/Weibull.js";
import type { FromRunsSource } from "./outageDurationsFromRuns.js";

/**
 * Published durations of whole-region AWS us-east-1 outages in the scenario library's reference
 * (shared/reference/incidents.md), seconds: S3 28 Feb 2017 09:37-13:54 (4 h 17 min); 7 Dec 2021 trigger to all
 * devices recovered (6 h 52 min); 19-20 Oct 2025 23:48-14:20 PDT (14 h 32 min). Facts; the fits below are assumptions.
 */
export const PUBLISHED_OUTAGE_SECONDS: readonly number[] = [
  4 * 3600 + 17 * 60,
  6 * 3600 + 52 * 60,
  14 * 3600 + 32 * 60,
];

/** A named outage-duration distribution with its parameters (assumptions, labelled as such in outputs). */
export interface OutageDurationModel {
  /** `lognormal`, `weibull`, `exponential` or `constant`. */
  readonly family: string;
  /** Parameters in words, e.g. `mu=10.12 sigma=0.62 (fitted to 3 published durations)`. */
  readonly parameters: string;
  readonly distribution: Distribution;
  /** Present when the durations come from simulated runs (`--from-runs`, outageDurationsFromRuns). */
  readonly fromRuns?: FromRunsSource;
}

/**
 * Lognormal fitted to the published durations: mu and sigma are the mean and the sample standard deviation (n - 1)
 * of their logarithms (the maximum-likelihood mu, the unbiased variance). With 4.3 h, 6.9 h and 14.5 h: median
 * about 7.5 h, sigma about 0.62.
 */
export function fitLognormal(samples: readonly number[] = PUBLISHED_OUTAGE_SECONDS): LogNormal {
  const logs = samples.map(Math.log);
  const mu = logs.reduce((a, b) => a + b, 0) / logs.length;
  const v = logs.reduce((a, b) => a + (b - mu) ** 2, 0) / (logs.length - 1);
  return new LogNormal(mu, Math.sqrt(v));
}

/**
 * Weibull with shape 1.5 (assumption: a rising hazard, repairs converge) and the scale that gives the published
 * durations' mean (scale = mean / Gamma(1 + 1/1.5)).
 */
export function fitWeibull(samples: readonly number[] = PUBLISHED_OUTAGE_SECONDS): Weibull {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const shape = 1.5;
  return new Weibull(mean / 0.9027452929509336, shape); // Gamma(1 + 1/1.5) = 0.90275
}

/**
 * Reads `--duration`: `lognormal` (default), `weibull` or `exponential` fitted to the published durations (the
 * exponential with their mean), or a fixed duration (`8h`). Anything else is E_SECTOR_BAD_DURATION (exit 2).
 */
export function outageDurationModel(text = "lognormal"): OutageDurationModel {
  const hours = (s: number) => `${(s / 3600).toFixed(2)} h`;
  const n = PUBLISHED_OUTAGE_SECONDS.length;
  if (text === "lognormal") {
    const d = fitLognormal();
    return {
      family: "lognormal",
      parameters: `mu=${d.mu.toFixed(3)} sigma=${d.sigma.toFixed(3)} (ln seconds; median ${hours(Math.exp(d.mu))}; fitted to ${n} published us-east-1 durations)`,
      distribution: d,
    };
  }
  if (text === "weibull") {
    const d = fitWeibull();
    return {
      family: "weibull",
      parameters: `shape=1.5 (assumption) scale=${hours(d.lambda)} (mean of ${n} published durations)`,
      distribution: d,
    };
  }
  if (text === "exponential") {
    const mean = PUBLISHED_OUTAGE_SECONDS.reduce((a, b) => a + b, 0) / n;
    return {
      family: "exponential",
      parameters: `mean=${hours(mean)} (mean of ${n} published durations)`,
      distribution: new Exponential(mean),
    };
  }
  let s: number;
  try {
    s = parseDuration(text);
  } catch {
    s = Number.NaN;
  }
  if (!(s > 0))
    throw new StampedeError(
      "E_SECTOR_BAD_DURATION",
      `--duration "${text}": expected lognormal, weibull, exponential or a duration such as 8h`,
    );
  return { family: "constant", parameters: `${hours(s)}`, distribution: new Constant(s) };
}

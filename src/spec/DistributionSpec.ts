import type { Distribution } from "../engine/distributions/Distribution.js";

/** A distribution as written in a file, resolved to seconds: `{ type: exponential, mean: 20ms }` etc. */
export type DistributionSpec =
  | { type: "constant"; value: number }
  | { type: "uniform"; min: number; max: number }
  | { type: "exponential"; mean: number }
  | { type: "normal"; mean: number; stddev: number }
  | { type: "lognormal"; mean: number; cv: number }
  | { type: "pareto"; min: number; alpha: number }
  | { type: "weibull"; scale: number; shape: number }
  | { type: "empirical"; samples: number[] };

/** Builds an engine Distribution from its spec. */
export type DistributionFactory = (spec: DistributionSpec) => Distribution;

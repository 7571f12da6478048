import * as z from "zod";
import { duration, positive } from "./units.js";

const nonNegative = () =>
  z
    .number({ error: "expected a number" })
    .min(0, { error: (iss) => `must be >= 0, got ${String(iss.input)}` });

/**
 * A distribution of durations, raw form `{ type: exponential, mean: 20ms }`; every time parameter is a duration
 * (resolved to seconds). Produces a `DistributionSpec`.
 */
export const distributionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("constant"), value: duration() }),
    z.strictObject({ type: z.literal("uniform"), min: duration(), max: duration() }).superRefine((d, ctx) => {
      if (d.max < d.min)
        ctx.addIssue({ code: "custom", path: ["max"], message: `must be >= min (${d.min} s)` });
    }),
    z.strictObject({ type: z.literal("exponential"), mean: duration("positive") }),
    z.strictObject({ type: z.literal("normal"), mean: duration(), stddev: duration() }),
    z.strictObject({
      type: z.literal("lognormal"),
      mean: duration("positive"),
      /** Coefficient of variation (stddev / mean), >= 0. */
      cv: nonNegative(),
    }),
    z.strictObject({ type: z.literal("pareto"), min: duration("positive"), alpha: positive() }),
    z.strictObject({ type: z.literal("weibull"), scale: duration("positive"), shape: positive() }),
    z.strictObject({
      type: z.literal("empirical"),
      samples: z.array(duration()).min(2, { error: "needs at least two samples" }),
    }),
  ],
  {
    error:
      "expected a distribution: { type: constant|uniform|exponential|normal|lognormal|pareto|weibull|empirical, ... }",
  },
);

import * as z from "zod";
import { duration, positive } from "./units.js";

const nonNegative = () =>
  z
    .number({ error: "expected a number" })
    .min(0, { error: (iss) => `must be >= 0, got ${String(iss.input)}` });

/** The `type` field of one distribution. */
const kind = <T extends string>(t: T) => z.literal(t).describe(`Distribution kind: ${t}.`);

/**
 * A distribution of durations, raw form `{ type: exponential, mean: 20ms }`; every time parameter is a duration
 * (resolved to seconds). Produces a `DistributionSpec`.
 */
export const distributionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: kind("constant"), value: duration().describe("The one value (a duration).") }),
    z
      .strictObject({
        type: kind("uniform"),
        min: duration().describe("Smallest value (a duration)."),
        max: duration().describe("Largest value (a duration), >= min."),
      })
      .superRefine((d, ctx) => {
        if (d.max < d.min)
          ctx.addIssue({ code: "custom", path: ["max"], message: `must be >= min (${d.min} s)` });
      }),
    z.strictObject({
      type: kind("exponential"),
      mean: duration("positive").describe("Mean (a duration), > 0."),
    }),
    z.strictObject({
      type: kind("normal"),
      mean: duration().describe("Mean (a duration); draws below 0 are cut to 0."),
      stddev: duration().describe("Standard deviation (a duration)."),
    }),
    z.strictObject({
      type: kind("lognormal"),
      mean: duration("positive").describe("Mean (a duration), > 0."),
      cv: nonNegative().describe("Coefficient of variation (stddev / mean), >= 0."),
    }),
    z.strictObject({
      type: kind("pareto"),
      min: duration("positive").describe("Scale: the smallest value (a duration), > 0."),
      alpha: positive().describe("Shape (tail index), > 0; the mean is finite only above 1."),
    }),
    z.strictObject({
      type: kind("weibull"),
      scale: duration("positive").describe("Scale (a duration), > 0."),
      shape: positive().describe("Shape, > 0 (1 = exponential)."),
    }),
    z.strictObject({
      type: kind("empirical"),
      samples: z
        .array(duration())
        .min(2, { error: "needs at least two samples" })
        .describe("Observed values (durations), drawn with equal probability; at least two."),
    }),
  ],
  {
    error:
      "expected a distribution: { type: constant|uniform|exponential|normal|lognormal|pareto|weibull|empirical, ... }",
  },
);

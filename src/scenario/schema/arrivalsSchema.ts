/** The zod schemas of open-loop arrival processes (`load.arrivals`) and of fixed work (`fleets.F.work`). */
import * as z from "zod";
import { count, duration } from "./units.js";

const factor = z
  .number({ error: "expected a number" })
  .nonnegative({ error: "must be >= 0" })
  .describe("Multiplier of the load's rate in this state.");

export const arrivalsSchema = z
  .union(
    [
      z
        .enum(["poisson", "paced"])
        .describe("poisson (default): exponential gaps; paced: deterministic spacing 1 / (rate x clients)."),
      z.strictObject({
        type: z
          .literal("onoff")
          .describe("Bursts: Poisson at rate during on, nothing during off, from time 0."),
        on: duration("positive").describe("Length of each on period."),
        off: duration("positive").describe("Length of each off period."),
      }),
      z.strictObject({
        type: z
          .literal("mmpp")
          .describe("2-state Markov-modulated Poisson: rate x factors[i] in state i, exponential sojourns."),
        factors: z.tuple([factor, factor]).describe("Rate multipliers of states 0 and 1 (at least one > 0)."),
        sojourns: z
          .tuple([duration("positive"), duration("positive")])
          .describe("Mean time spent in states 0 and 1."),
      }),
    ],
    {
      error:
        "expected arrivals: poisson, paced, { type: onoff, on, off } or { type: mmpp, factors, sojourns }",
    },
  )
  .refine((a) => typeof a === "string" || a.type !== "mmpp" || a.factors[0] + a.factors[1] > 0, {
    error: "at least one of the factors must be > 0",
  });

export const workSchema = z.strictObject({
  requests: count(1).describe(
    "Requests each client makes (each ends in success or after its retries), then stops.",
  ),
});

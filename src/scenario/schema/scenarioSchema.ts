/**
 * The whole scenario file as a strict zod schema. Input: the raw form (durations `250ms`, rates `1200/s`, defaults
 * omitted). Output: the resolved form, which `validateScenario` completes into a `Scenario` (names filled in from
 * references). `RawScenario` is the typed input `defineScenario` takes.
 */
import * as z from "zod";
import { fleetSchema, linkSchema, networkSchema, serviceSchema } from "./entitySchemas.js";
import { automationSchema, faultSchema } from "./eventSchemas.js";
import { monitoringSchema, operatorsSchema } from "./operationsSchemas.js";
import { count, duration, fraction, MAX_DURATION, name, named } from "./units.js";

const dependencyRefSchema = z
  .union(
    [
      name(),
      z.strictObject({
        service: name(),
        kind: z.enum(["hard", "soft"]).default("hard"),
        plane: z.enum(["control", "data"]).optional().describe("Default: the service's plane."),
      }),
    ],
    { error: "expected a service name or { service, kind?, plane? }" },
  )
  .transform((r) => (typeof r === "string" ? { service: r, kind: "hard" as const } : r));

export const dependentSchema = z.strictObject({
  description: z.string().optional(),
  illustrative: z.boolean().default(false).describe("True when the dependencies are illustrative."),
  requires: z
    .array(
      z
        .strictObject({
          k: count(1).default(1).describe("How many of `of` must be up. Default 1."),
          of: z.array(dependencyRefSchema).min(1, { error: "needs at least one service" }),
        })
        .superRefine((g, ctx) => {
          if (g.k > g.of.length)
            ctx.addIssue({
              code: "custom",
              path: ["k"],
              message: `must be <= ${g.of.length} (the size of 'of')`,
            });
        }),
    )
    .min(1, { error: "needs at least one group" }),
});

const ratio = (dflt: number) => fraction().default(dflt).describe(`Default ${dflt}.`);

export const verdictSchema = z.strictObject({
  goodputFleets: z.array(name()).optional().describe("Fleets whose successes make goodput. Default: all."),
  baselineWindow: duration("positive").default(600).describe("Default 10m."),
  recoveredRatio: ratio(0.9),
  recoveredFor: duration("positive").default(300).describe("Default 5m."),
  metastableRatio: ratio(0.5),
  metastableAfter: duration("positive").default(1800).describe("Default 30m."),
  metastableWindow: duration("positive")
    .default(60)
    .describe(
      "The metastable test averages goodput over this window from triggerEnd + metastableAfter. Default 1m.",
    ),
  smoothing: duration("positive")
    .default(60)
    .describe("Goodput is judged on means over this window in the recovery test. Default 1m."),
  stableRatio: fraction()
    .default(0.5)
    .describe(
      "A run whose goodput never falls under this share of baseline is stable (sweeps). Default 0.5.",
    ),
  outageRatio: ratio(0.5),
});

export const variantSchema = z.strictObject({
  description: z.string(),
  set: z
    .record(z.string(), z.unknown())
    .describe("Overrides by field path (`fleets.clients.retry`), like --set path=value."),
});

export const noteSchema = z.strictObject({
  text: z.string(),
  source: z.string().optional(),
  path: z.string().optional().describe("The field this note is about."),
});

/** Wall-clock date and time with a zone: `2021-12-07T07:00:00-08:00` or `...Z`. */
const START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe("JSON Schema for editors; ignored."),
  name: z.string().min(1),
  description: z.string(),
  start: z
    .string()
    .regex(START, { error: "expected an ISO 8601 date-time with a zone, e.g. 2021-12-07T07:00:00-08:00" }),
  duration: duration("positive")
    .refine((s) => s <= MAX_DURATION, {
      error: "must be at most 366d (use --until and --allow-large for more)",
    })
    .describe("Default run length, at most 366 days."),
  interval: duration("positive").default(10).describe("Metrics interval. Default 10s."),
  networks: named(networkSchema),
  links: named(linkSchema).default({}),
  services: named(serviceSchema),
  fleets: named(fleetSchema),
  automation: named(automationSchema).default({}),
  faults: named(faultSchema).default({}),
  monitoring: monitoringSchema.optional(),
  operators: operatorsSchema.optional(),
  dependents: named(dependentSchema).default({}),
  verdict: verdictSchema.prefault({}),
  variants: named(variantSchema).default({}),
  notes: z
    .strictObject({ facts: z.array(noteSchema).default([]), assumptions: z.array(noteSchema).default([]) })
    .prefault({}),
});

/** The raw scenario as written (what `defineScenario` accepts): durations and rates as strings or numbers. */
export type RawScenario = z.input<typeof scenarioSchema>;
/** What the schema produces, before references are resolved. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

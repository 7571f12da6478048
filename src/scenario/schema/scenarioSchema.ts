/**
 * The whole scenario file as a strict zod schema. Input: the raw form (durations `250ms`, rates `1200/s`, defaults
 * omitted). Output: the resolved form, which `validateScenario` completes into a `Scenario` (names filled in from
 * references). `RawScenario` is the typed input `defineScenario` takes.
 */
import * as z from "zod";
import { fleetSchema, linkSchema, networkSchema, serviceSchema } from "./entitySchemas.js";
import { automationSchema, faultSchema } from "./eventSchemas.js";
import { monitoringSchema, operatorsSchema } from "./operationsSchemas.js";
import { formatSchema } from "./scenarioFormat.js";
import { count, duration, fraction, MAX_DURATION, name, named } from "./units.js";

const dependencyRefSchema = z
  .union(
    [
      name(),
      z.strictObject({
        service: name().describe("The service depended on."),
        kind: z
          .enum(["hard", "soft"])
          .default("hard")
          .describe("hard: down when the service is; soft: degraded only. Default hard."),
        plane: z.enum(["control", "data"]).optional().describe("Default: the service's plane."),
      }),
    ],
    { error: "expected a service name or { service, kind?, plane? }" },
  )
  .transform((r) => (typeof r === "string" ? { service: r, kind: "hard" as const } : r))
  .describe("A service name, or { service, kind, plane }.");

export const dependentSchema = z.strictObject({
  description: z.string().optional().describe("Who this is (metadata)."),
  illustrative: z.boolean().default(false).describe("True when the dependencies are illustrative."),
  requires: z
    .array(
      z
        .strictObject({
          k: count(1).default(1).describe("How many of `of` must be up. Default 1."),
          of: z
            .array(dependencyRefSchema)
            .min(1, { error: "needs at least one service" })
            .describe("The services of this group (k of them must be up)."),
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
    .min(1, { error: "needs at least one group" })
    .describe("Groups that must all hold for the dependent to be up."),
});

const ratio = (dflt: number, what: string) => fraction().default(dflt).describe(`${what}. Default ${dflt}.`);

export const verdictSchema = z.strictObject({
  goodputFleets: z.array(name()).optional().describe("Fleets whose successes make goodput. Default: all."),
  baselineWindow: duration("positive")
    .default(600)
    .describe(
      "Goodput's baseline (mean and noise floor) is taken over this window before the trigger. Default 10m.",
    ),
  recoveredRatio: ratio(0.9, "Recovered: every smoothed goodput mean at or above this share of baseline"),
  recoveredFor: duration("positive").default(300).describe("...for this long. Default 5m."),
  metastableRatio: ratio(0.5, "Metastable: goodput still below this share of baseline"),
  metastableAfter: duration("positive")
    .default(1800)
    .describe("...this long after the trigger ended. Default 30m."),
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
  outageRatio: fraction()
    .default(0.5)
    .describe("A service is out while its callers' success ratio is below this. Default 0.5."),
});

export const variantSchema = z.strictObject({
  description: z.string().describe("What the variant changes (shown by list and describe)."),
  set: z
    .record(z.string(), z.unknown())
    .describe("Overrides by field path (`fleets.clients.retry`), like --set path=value."),
});

export const noteSchema = z.strictObject({
  text: z.string().describe("The fact or assumption, in words."),
  source: z.string().optional().describe("Where it comes from (a publication, a URL)."),
  path: z.string().optional().describe("The field this note is about."),
});

/** Wall-clock date and time with a zone: `2021-12-07T07:00:00-08:00` or `...Z`. */
const START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe("JSON Schema for editors; ignored."),
  format: formatSchema,
  name: z.string().min(1).describe("The scenario's name (outputs carry it)."),
  description: z
    .string()
    .describe("What the scenario shows; its first sentence is the one-line summary of list."),
  start: z
    .string()
    .regex(START, { error: "expected an ISO 8601 date-time with a zone, e.g. 2021-12-07T07:00:00-08:00" })
    .describe(
      "Wall-clock date, time and zone of time 0, e.g. 2021-12-07T07:00:00-08:00; outputs count seconds from it.",
    ),
  duration: duration("positive")
    .refine((s) => s <= MAX_DURATION, {
      error: "must be at most 366d (use --until and --allow-large for more)",
    })
    .describe("Default run length, at most 366 days."),
  interval: duration("positive").default(10).describe("Metrics interval. Default 10s."),
  networks: named(networkSchema).describe("The networks, by name."),
  links: named(linkSchema)
    .default({})
    .describe("Device groups (routing, NAT) joining two networks, by name. Default none."),
  services: named(serviceSchema).describe("The services, by name."),
  fleets: named(fleetSchema).describe("The client fleets, by name."),
  automation: named(automationSchema).default({}).describe("Timed automated actions, by name. Default none."),
  faults: named(faultSchema)
    .default({})
    .describe("Faults of a service or a link over a time window, by name. Default none."),
  monitoring: monitoringSchema
    .optional()
    .describe("Telemetry, dashboards and alarms (they see only the data that arrived). Default none."),
  operators: operatorsSchema.optional().describe("Diagnosis times and the runbook. Default none."),
  dependents: named(dependentSchema)
    .default({})
    .describe("Organisations that depend on services, by name. Default none."),
  verdict: verdictSchema.prefault({}).describe("Thresholds of the verdict (recovered, metastable, outages)."),
  variants: named(variantSchema)
    .default({})
    .describe("Named sets of overrides (run --variant NAME; compare them). Default none."),
  notes: z
    .strictObject({
      facts: z.array(noteSchema).default([]).describe("Published facts, each with its source."),
      assumptions: z.array(noteSchema).default([]).describe("Calibrated assumptions, each naming its field."),
    })
    .prefault({})
    .describe("Facts and assumptions behind the numbers (metadata: shown by describe)."),
});

/** The raw scenario as written (what `defineScenario` accepts): durations and rates as strings or numbers. */
export type RawScenario = z.input<typeof scenarioSchema>;
/** What the schema produces, before references are resolved. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

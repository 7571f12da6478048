/** Zod schemas of the people side: monitoring (telemetry, alarms, slow channel) and operators (runbook). */
import * as z from "zod";
import { viaSchema } from "./entitySchemas.js";
import { backoffSchema, budgetSchema, retrySchema } from "./policySchemas.js";
import { trafficSchema } from "./trafficSelectorSchema.js";
import { count, duration, fraction, name, named, rate } from "./units.js";

export const monitoringSchema = z.strictObject({
  network: name().describe("Network where the monitoring system lives."),
  sources: z.array(name()).min(1, { error: "needs at least one fleet or service" }),
  interval: duration("positive").default(10).describe("Telemetry emission interval. Default 10s."),
  timeout: duration("positive").default(5).describe("Telemetry delayed more than this is lost. Default 5s."),
  via: viaSchema
    .optional()
    .describe("Links crossed by telemetry ([] = out-of-band). Default: derived route."),
  dependsOn: z
    .array(name())
    .optional()
    .describe(
      "Services the monitoring system (status page) stores its data in: while one is out, telemetry is lost. A reroute of `monitoring` removes this dependency. Default none.",
    ),
  staleAfter: duration("positive").default(60).describe("Data older than this is stale. Default 60s."),
  alarms: z
    .strictObject({
      errorRatio: z
        .strictObject({
          threshold: fraction().default(0.1).describe("Default 0.1."),
          for: duration().default(60).describe("Default 60s."),
        })
        .prefault({}),
      noData: z.strictObject({ after: duration().default(300).describe("Default 300s.") }).prefault({}),
    })
    .prefault({}),
  slowChannel: z
    .strictObject({
      delay: duration().default(1800).describe("Logs and customer reports delay. Default 30m."),
    })
    .prefault({}),
});

export const operatorActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("reroute"),
      traffic: trafficSchema,
      via: viaSchema,
    }),
    z.strictObject({ type: z.literal("block"), fleet: name(), fraction: fraction() }),
    z.strictObject({ type: z.literal("readmit"), fleet: name(), over: duration().default(0) }),
    z.strictObject({ type: z.literal("rate-limit"), fleet: name(), rate: rate() }),
    z.strictObject({ type: z.literal("add-capacity"), link: name(), devices: count(1) }),
    z.strictObject({ type: z.literal("scale"), service: name(), servers: count(1) }),
    z.strictObject({ type: z.literal("disable-automation"), name: name() }),
    z
      .strictObject({ type: z.literal("isolate"), fleet: name() })
      .describe("Holds the fleet's circuit breakers open (its clients refuse locally) until reset-breakers."),
    z
      .strictObject({ type: z.literal("reset-breakers"), fleet: name() })
      .describe("Closes the fleet's circuit breakers and forgets their history."),
    z.strictObject({
      type: z.literal("deploy-fix"),
      fleet: name(),
      retry: retrySchema.optional(),
      reconnect: backoffSchema.optional(),
      budget: budgetSchema.optional(),
      over: duration().default(0).describe("Rollout duration. Default 0 (all at once)."),
    }),
  ],
  {
    error:
      "expected an action: { type: reroute|block|readmit|rate-limit|add-capacity|scale|disable-automation|deploy-fix, ... }",
  },
);

export const operatorStepSchema = z.strictObject({
  after: z.string().min(1).describe("`detection`, `diagnosis`, or the name of another runbook step."),
  delay: duration().default(0).describe("Delay after that (an assumption: label it in notes). Default 0."),
  do: operatorActionSchema,
});

export const operatorsSchema = z.strictObject({
  diagnosis: z.strictObject({
    visible: duration().describe("Looking time needed with fresh monitoring."),
    blind: duration().describe("Looking time needed with stale monitoring."),
  }),
  runbook: named(operatorStepSchema).default({}),
});

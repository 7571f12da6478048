/** Zod schemas of the people side: monitoring (telemetry, alarms, slow channel) and operators (runbook). */
import * as z from "zod";
import { CLOCK_TIME } from "../../metrics/clockSeconds.js";
import { viaSchema } from "./entitySchemas.js";
import { backoffSchema, budgetSchema, retrySchema } from "./policySchemas.js";
import { trafficSchema } from "./trafficSelectorSchema.js";
import { count, duration, fraction, name, named, rate } from "./units.js";

export const monitoringSchema = z.strictObject({
  network: name().describe("Network where the monitoring system lives."),
  sources: z
    .array(name())
    .min(1, { error: "needs at least one fleet or service" })
    .describe("Fleets and services whose telemetry is collected (at least one)."),
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
          threshold: fraction().default(0.1).describe("Error ratio that raises the alarm. Default 0.1."),
          for: duration().default(60).describe("How long it must last. Default 60s."),
        })
        .prefault({})
        .describe("Metric alarm on the error ratio of telemetry that arrived."),
      noData: z
        .strictObject({ after: duration().default(300).describe("Default 300s.") })
        .prefault({})
        .describe("No-data alarm: telemetry stale this long."),
    })
    .prefault({})
    .describe("Alarms that detect the outage."),
  slowChannel: z
    .strictObject({
      delay: duration().default(1800).describe("Logs and customer reports delay. Default 30m."),
    })
    .prefault({})
    .describe("Logs and customer reports: detection without dashboards."),
});

/** The `type` field of an operator action. */
const kind = <T extends string>(t: T) => z.literal(t).describe(`Operator action: ${t}.`);

export const operatorActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: kind("reroute"),
      traffic: trafficSchema,
      via: viaSchema.describe("The links the traffic crosses from now on ([] = none)."),
    }),
    z.strictObject({
      type: kind("block"),
      fleet: name().describe("The fleet blocked."),
      fraction: fraction().describe("Share of its clients blocked, in [0, 1]."),
    }),
    z.strictObject({
      type: kind("readmit"),
      fleet: name().describe("The fleet readmitted."),
      over: duration().default(0).describe("Readmit gradually over this long. Default 0 (all at once)."),
    }),
    z.strictObject({
      type: kind("rate-limit"),
      fleet: name().describe("The fleet limited."),
      rate: rate().describe("Most first attempts per second, for the whole fleet."),
    }),
    z.strictObject({
      type: kind("add-capacity"),
      link: name().describe("The link that gets devices."),
      devices: count(1).describe("Devices added (they serve only new connections)."),
    }),
    z.strictObject({
      type: kind("scale"),
      service: name().describe("The service scaled."),
      servers: count(1).describe("Its new number of servers."),
    }),
    z.strictObject({
      type: kind("disable-automation"),
      name: name().describe("The automation entry that no longer runs."),
    }),
    z
      .strictObject({ type: kind("isolate"), fleet: name().describe("The fleet isolated.") })
      .describe("Holds the fleet's circuit breakers open (its clients refuse locally) until reset-breakers."),
    z
      .strictObject({
        type: kind("reset-breakers"),
        fleet: name().describe("The fleet whose breakers close."),
      })
      .describe("Closes the fleet's circuit breakers and forgets their history."),
    z.strictObject({
      type: kind("deploy-fix"),
      fleet: name().describe("The fleet whose clients get the fix."),
      retry: retrySchema.optional().describe("The fixed retry policy. Default: unchanged."),
      reconnect: backoffSchema.optional().describe("The fixed reconnect backoff. Default: unchanged."),
      budget: budgetSchema.optional().describe("The fixed retry budget. Default: unchanged."),
      over: duration().default(0).describe("Rollout duration. Default 0 (all at once)."),
    }),
  ],
  {
    error:
      "expected an action: { type: reroute|block|readmit|rate-limit|add-capacity|scale|disable-automation|deploy-fix, ... }",
  },
);

export const operatorStepSchema = z
  .strictObject({
    after: z
      .string()
      .min(1)
      .optional()
      .describe(
        "`detection`, `diagnosis`, `sustained` (an impact still seen in a whole interval after every fault ended), `sustained-diagnosis` (diagnosis accrued afresh from sustained), or the name of another runbook step (exactly one of after and at).",
      ),
    at: z
      .union(
        [
          z.string().regex(CLOCK_TIME, { error: "expected a clock time HH:MM[:SS] from 00:00 to 23:59:59" }),
          duration(),
        ],
        {
          error: "expected a clock time HH:MM[:SS] or a duration from the start (e.g. 3h)",
        },
      )
      .optional()
      .describe(
        "A fixed time instead of after: a clock time HH:MM[:SS] on the start's clock (first occurrence at or after the start) or a duration from the start.",
      ),
    delay: duration().default(0).describe("Delay after that (an assumption: label it in notes). Default 0."),
    do: operatorActionSchema.describe("The action of this step."),
  })
  .superRefine((st, ctx) => {
    if ((st.after === undefined) === (st.at === undefined))
      ctx.addIssue({ code: "custom", path: [], message: "needs exactly one of after or at" });
  });

export const operatorsSchema = z.strictObject({
  diagnosis: z
    .strictObject({
      visible: duration().describe("Looking time needed with fresh monitoring."),
      blind: duration().describe("Looking time needed with stale monitoring."),
    })
    .describe(
      "How long finding the cause takes, with fresh or with stale monitoring (or a mix in proportion).",
    ),
  runbook: named(operatorStepSchema).default({}).describe("Operator steps by name. Default none."),
});

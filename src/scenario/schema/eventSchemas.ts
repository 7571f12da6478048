/** Zod schemas of what happens to the system: automation actions and faults (both can be marked as triggers). */
import * as z from "zod";
import { count, duration, fraction, name } from "./units.js";

/** The `type` field of an automation action. */
const kind = <T extends string>(t: T) => z.literal(t).describe(`Automation action: ${t}.`);

export const automationActionSchema = z.discriminatedUnion(
  "type",
  [
    z
      .strictObject({
        type: kind("change-endpoints"),
        service: name().describe(
          "The service whose endpoints change: persistent connections to it are set up again.",
        ),
        fraction: z
          .number()
          .gt(0)
          .lte(1)
          .optional()
          .describe("Share of each fleet's clients affected, in (0, 1]. Default 1."),
        over: duration()
          .optional()
          .describe(
            "Window the tear-downs are spread over, from the action's time. Default 0 (all at once).",
          ),
        shape: z
          .enum(["uniform", "ramp"])
          .optional()
          .describe(
            "How tear-downs spread over `over`: uniform (constant rate) or ramp (rate rising linearly). Default uniform.",
          ),
      })
      .superRefine((a, ctx) => {
        if (a.shape !== undefined && !((a.over ?? 0) > 0))
          ctx.addIssue({ code: "custom", path: ["shape"], message: "needs a window: set over > 0" });
      }),
    z.strictObject({
      type: kind("scale"),
      service: name().describe("The service scaled."),
      servers: count(1).describe("Its new number of servers."),
    }),
    z
      .strictObject({
        type: kind("remove-capacity"),
        link: name().optional().describe("A link losing devices (exactly one of link or service)."),
        service: name().optional().describe("A service losing servers (exactly one of link or service)."),
        devices: count(1).optional().describe("Devices removed from the link."),
        servers: count(1).optional().describe("Servers removed from the service."),
      })
      .superRefine((a, ctx) => {
        if ((a.link === undefined) === (a.service === undefined))
          ctx.addIssue({ code: "custom", path: [], message: "needs exactly one of link or service" });
        else if (a.link !== undefined && a.devices === undefined)
          ctx.addIssue({
            code: "custom",
            path: ["devices"],
            message: "is required when removing link capacity",
          });
        else if (a.service !== undefined && a.servers === undefined)
          ctx.addIssue({
            code: "custom",
            path: ["servers"],
            message: "is required when removing service capacity",
          });
      }),
    z.strictObject({
      type: kind("restart"),
      service: name().describe("The service restarted (down meanwhile)."),
      duration: duration("positive").describe("How long it is down."),
    }),
    z.strictObject({
      type: kind("load"),
      fleet: name().describe("The fleet whose load changes."),
      factor: z
        .number({ error: "expected a number" })
        .gt(0, { error: (iss) => `must be > 0, got ${String(iss.input)}` })
        .describe("Multiplier of the fleet's configured load (1 = back to normal)."),
    }),
    z.strictObject({
      type: kind("cache-loss"),
      service: name().describe("The service (with a cache) that loses keys."),
      hottest: fraction().default(1).describe("Share of the keys lost, most popular first. Default 1."),
    }),
  ],
  {
    error:
      "expected an action: { type: change-endpoints|scale|remove-capacity|restart|load|cache-loss, ... }",
  },
);

export const automationSchema = z.strictObject({
  at: duration().describe("When, from the scenario's start."),
  action: automationActionSchema.describe("What the automation does."),
  trigger: z.boolean().default(true).describe("Part of the verdict's trigger window. Default true."),
});

export const faultSchema = z
  .strictObject({
    target: name().describe("A service or a link."),
    start: duration().describe("From the scenario's start."),
    end: duration().describe("From the scenario's start; >= start."),
    errorRate: fraction()
      .optional()
      .describe("Probability that a request fails (service) or is dropped (link)."),
    addedLatency: duration()
      .optional()
      .describe("Latency added to every request (service) or crossing (link)."),
    capacityFactor: fraction().optional().describe("Capacity multiplier during the fault (0.1 = 90% lost)."),
    partition: z.boolean().optional().describe("Nothing gets through."),
    unresolvable: z
      .boolean()
      .optional()
      .describe(
        "DNS / endpoint fault of a service: its endpoint resolves to nothing, so new connection set-ups to it fail at once (non-persistent calls fail before they are sent); connections already up live on.",
      ),
    trigger: z.boolean().default(true).describe("Part of the verdict's trigger window. Default true."),
  })
  .superRefine((f, ctx) => {
    if (f.end < f.start)
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `must be >= start (${f.start} s), got ${f.end} s`,
      });
    if (
      f.errorRate === undefined &&
      f.addedLatency === undefined &&
      f.capacityFactor === undefined &&
      f.partition === undefined &&
      f.unresolvable === undefined
    )
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "has no effect: set errorRate, addedLatency, capacityFactor, partition or unresolvable",
      });
  });

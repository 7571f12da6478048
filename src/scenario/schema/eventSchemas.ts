/** Zod schemas of what happens to the system: automation actions and faults (both can be marked as triggers). */
import * as z from "zod";
import { count, duration, fraction, name } from "./units.js";

export const automationActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("change-endpoints"),
      service: name(),
      fraction: z.number().gt(0).lte(1).optional(),
    }),
    z.strictObject({ type: z.literal("scale"), service: name(), servers: count(1) }),
    z
      .strictObject({
        type: z.literal("remove-capacity"),
        link: name().optional(),
        service: name().optional(),
        devices: count(1).optional(),
        servers: count(1).optional(),
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
    z.strictObject({ type: z.literal("restart"), service: name(), duration: duration("positive") }),
    z.strictObject({
      type: z.literal("load"),
      fleet: name(),
      factor: z
        .number({ error: "expected a number" })
        .gt(0, { error: (iss) => `must be > 0, got ${String(iss.input)}` })
        .describe("Multiplier of the fleet's configured load (1 = back to normal)."),
    }),
    z.strictObject({
      type: z.literal("cache-loss"),
      service: name(),
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
  action: automationActionSchema,
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
    addedLatency: duration().optional(),
    capacityFactor: fraction().optional().describe("Capacity multiplier during the fault (0.1 = 90% lost)."),
    partition: z.boolean().optional().describe("Nothing gets through."),
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
      f.partition === undefined
    )
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "has no effect: set errorRate, addedLatency, capacityFactor or partition",
      });
  });

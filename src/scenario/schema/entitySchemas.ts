/** Zod schemas of the scenario's structural entities: networks, links (device groups), services and fleets. */
import * as z from "zod";
import { distributionSchema } from "./distributionSchema.js";
import { backoffSchema, breakerSchema, budgetSchema, queueSchema, retrySchema } from "./policySchemas.js";
import { count, duration, name, named, rate } from "./units.js";

const nonNegative = (what = "a number") =>
  z
    .number({ error: `expected ${what}` })
    .min(0, { error: (iss) => `must be >= 0, got ${String(iss.input)}` });
const atLeastOne = () =>
  z
    .number({ error: "expected a number" })
    .min(1, { error: (iss) => `must be >= 1, got ${String(iss.input)}` });

/** A list of link names crossed, in order (`[]`: no link, e.g. out-of-band). */
export const viaSchema = z.array(name(), { error: "expected a list of link names" });

export const networkSchema = z
  .union([z.null(), z.strictObject({ description: z.string().optional() })], {
    error: "expected a network: {} or { description: ... }",
  })
  .transform((v) => v ?? {});

export const linkSchema = z.strictObject({
  between: z.tuple([name(), name()], { error: "expected the two network names: [a, b]" }),
  devices: count(1).describe("Number of parallel devices (k)."),
  forwardRate: rate().describe("Requests forwarded per second, per device."),
  setupRate: rate().describe("Connection setups (NAT translations) per second, per device."),
  buffer: count(1).describe("Buffer per device, in jobs (requests + setups)."),
  latency: duration().default(0).describe("Base one-way latency through the group. Default 0."),
});

export const dependencySchema = z.strictObject({
  service: name(),
  hard: z.boolean().default(true).describe("Hard (default): the request fails when this call fails."),
  timeout: duration("positive").describe("Per-attempt timeout of the call."),
  retry: retrySchema.optional().describe("Retry policy of the call. Default: a single attempt."),
  via: viaSchema.optional(),
});

export const degradationSchema = z.strictObject({
  perQueued: nonNegative()
    .default(0)
    .describe("Service-time growth per queued request (fraction). Default 0."),
  maxFactor: atLeastOne().default(10).describe("Upper bound of the service-time factor. Default 10."),
  coldFactor: atLeastOne().default(1).describe("Service-time factor right after a restart. Default 1."),
  warmup: duration().default(0).describe("Time for the cold factor to decay back to 1. Default 0."),
});

export const serviceSchema = z.strictObject({
  description: z.string().optional(),
  network: name(),
  servers: count(1).describe("Parallel servers (c)."),
  serviceTime: distributionSchema,
  queue: queueSchema
    .default({ type: "fifo" })
    .describe("Queue discipline (policies library queue config, without limit). Default { type: fifo }."),
  queueLimit: count(0).describe("Maximum requests waiting (not in service); more are rejected at once."),
  cancelAbandoned: z
    .boolean()
    .default(false)
    .describe("Drop work whose caller already gave up. Default false."),
  degradation: degradationSchema.optional(),
  dependencies: named(dependencySchema).default({}),
  plane: z.enum(["control", "data"]).default("data"),
});

export const loadSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("open"),
      rate: rate().describe("First attempts per second, per client (Poisson)."),
    }),
    z.strictObject({ type: z.literal("closed"), think: distributionSchema }),
  ],
  { error: "expected a load: { type: open, rate: ... } or { type: closed, think: ... }" },
);

export const connectionSchema = z.strictObject({
  persistent: z.boolean().default(true),
  setupTimeout: duration("positive").describe("Timeout of one connection-setup attempt."),
  reconnect: backoffSchema.describe("Backoff between failed setup attempts (policies library)."),
});

export const fleetSchema = z.strictObject({
  description: z.string().optional(),
  network: name(),
  target: name().describe("The service this fleet calls."),
  clients: count(1),
  load: loadSchema,
  timeout: duration("positive").describe("Per-attempt timeout."),
  retry: retrySchema,
  budget: budgetSchema.optional(),
  breaker: breakerSchema.optional(),
  connection: connectionSchema.optional(),
  trafficClass: z
    .string()
    .min(1)
    .optional()
    .describe("Traffic class for reroute actions. Default: the fleet's name."),
  via: viaSchema.optional(),
});

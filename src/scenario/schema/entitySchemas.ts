/** Zod schemas of the scenario's structural entities: networks, links (device groups), services and fleets. */
import * as z from "zod";
import { arrivalsSchema, workSchema } from "./arrivalsSchema.js";
import { distributionSchema } from "./distributionSchema.js";
import { leasesSchema } from "./leasesSchema.js";
import { backoffSchema, breakerSchema, budgetSchema, queueSchema, retrySchema } from "./policySchemas.js";
import { poolSchema } from "./poolSchema.js";
import { processorSharingSchema } from "./processorSharingSchema.js";
import { count, duration, fraction, MAX_CLIENTS, name, named, rate } from "./units.js";

const nonNegative = (what = "a number") =>
  z
    .number({ error: `expected ${what}` })
    .min(0, { error: (iss) => `must be >= 0, got ${String(iss.input)}` });
const atLeastOne = () =>
  z
    .number({ error: "expected a number" })
    .min(1, { error: (iss) => `must be >= 1, got ${String(iss.input)}` });

/** A list of link names crossed, in order (`[]`: no link, e.g. out-of-band). */
export const viaSchema = z
  .array(name(), { error: "expected a list of link names" })
  .describe(
    "Links crossed, in order ([] = none, e.g. out-of-band). Default: the route derived from the networks.",
  );

export const networkSchema = z
  .union(
    [
      z.null(),
      z.strictObject({ description: z.string().optional().describe("What this network is (metadata).") }),
    ],
    {
      error: "expected a network: {} or { description: ... }",
    },
  )
  .transform((v) => v ?? {})
  .describe("A network: {} or { description }. Links join two networks.");

export const linkSchema = z.strictObject({
  between: z
    .tuple([name(), name()], { error: "expected the two network names: [a, b]" })
    .describe("The two networks this device group joins: [a, b]."),
  devices: count(1).describe("Number of parallel devices (k)."),
  forwardRate: rate().describe("Requests forwarded per second, per device."),
  setupRate: rate().describe("Connection setups (NAT translations) per second, per device."),
  buffer: count(1).describe("Buffer per device, in jobs (requests + setups)."),
  latency: z
    .union([duration(), distributionSchema], {
      error:
        "expected a duration such as 1ms, or a distribution such as { type: lognormal, mean: 1ms, cv: 0.5 }",
    })
    .default(0)
    .describe(
      "One-way latency through the group: a duration, or a distribution drawn per crossing (stream link/NAME/latency). Default 0.",
    ),
  setupRetransmit: duration("positive")
    .optional()
    .describe(
      "A connection setup this group drops is sent again by its client after this delay, then after doubling delays (TCP's SYN retransmission: 1s gives 1, 3, 7 s after the first try), within the setup timeout. Default: none (a dropped setup is silent; the client learns of it at its setup timeout).",
    ),
  queues: z
    .enum(["shared", "separate"], { error: "expected shared or separate" })
    .optional()
    .describe(
      "shared (default): setups and forwarded requests wait in one buffer per device. separate: a setup queue and a forwarding queue per device, each with its own buffer of `buffer` jobs, neither delaying the other (a proxy whose accept backlog holds only new connections).",
    ),
});

export const dependencySchema = z.strictObject({
  service: name().describe("The service called."),
  hard: z.boolean().default(true).describe("Hard (default): the request fails when this call fails."),
  timeout: duration("positive").describe("Per-attempt timeout of the call."),
  retry: retrySchema.optional().describe("Retry policy of the call. Default: a single attempt."),
  budget: budgetSchema
    .optional()
    .describe("Retry budget or throttle of the call, one for the whole calling service. Default none."),
  breaker: breakerSchema
    .optional()
    .describe("Circuit breaker of the call, one for the whole calling service. Default none."),
  pool: poolSchema
    .optional()
    .describe(
      "Connection pool: at most size calls in flight per server of the calling service; more wait for a free connection, timeout running. Default none (no limit).",
    ),
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

export const cacheSchema = z.strictObject({
  dependency: name().describe("The dependency the cache stands in front of (its backing store)."),
  keys: count(1).describe("Number of distinct keys."),
  zipf: nonNegative().default(1).describe("Zipf exponent of key popularity. Default 1."),
  ttl: duration("positive").describe("How long a filled key stays cached."),
  coalesce: z.boolean().default(false).describe("One miss per key calls the backing store. Default false."),
});

export const restartSchema = z.strictObject({
  base: duration().default(0).describe("Fixed part of a full restart. Default 0."),
  perItem: duration()
    .default(0)
    .describe("Restart time per item of state (safety checks over metadata). Default 0."),
  items: nonNegative("a count")
    .default(0)
    .describe("Items of state the service holds (split over its cells). Default 0."),
  waitForDependencies: z
    .boolean()
    .default(true)
    .describe("A restart starts only when the services of its hard dependencies are up. Default true."),
});

const SHARE_PATTERN = String.raw`^\s*(?:\d+(?:\.\d+)?|\.\d+)\s*%\s*$`;

/** `10%` -> `{ share: 0.1 }`: a share (0 < share <= 1) of the hosts taken out. */
const percentShare = z
  .string()
  .regex(new RegExp(SHARE_PATTERN), {
    error: "expected a whole number of hosts or a percentage such as '10%'",
  })
  .transform((v, ctx) => {
    const share = Number.parseFloat(v) / 100;
    if (!(share > 0 && share <= 1)) {
      ctx.addIssue({ code: "custom", message: `must be a percentage in (0%, 100%], got ${v.trim()}` });
      return z.NEVER;
    }
    return { share };
  });

export const healthCheckSchema = z.strictObject({
  failAfter: duration("positive").describe(
    "The service's hosts are marked unhealthy once it has been out (callers' success ratio below verdict.outageRatio) this long without a break.",
  ),
  replace: duration("positive").describe("Time to replace one unhealthy host."),
  concurrent: z
    .union([count(1), percentShare], {
      error: "expected a whole number of hosts or a percentage such as '10%'",
    })
    .default(1)
    .describe(
      "Replacements under way at a time: a number of hosts (scaled with --scale) or a percentage of the hosts taken out (at least one). Default 1.",
    ),
  minHealthy: fraction()
    .default(0)
    .describe(
      "Share of the hosts taken out that must be replaced before any goes back into service; later ones go back as they finish. Default 0 (each at once).",
    ),
});

export const serviceSchema = z.strictObject({
  description: z.string().optional().describe("What this service is (metadata)."),
  network: name().describe("The network the service's servers are in."),
  servers: count(1).describe("Parallel servers (c)."),
  serviceTime: distributionSchema.describe("Time one server takes for one request (a distribution)."),
  queue: queueSchema
    .default({ type: "fifo" })
    .describe("Queue discipline (policies library queue config, without limit). Default { type: fifo }."),
  queueLimit: count(0).describe("Maximum requests waiting (not in service); more are rejected at once."),
  cancelAbandoned: z
    .boolean()
    .default(false)
    .describe("Drop work whose caller already gave up. Default false."),
  cancelAt: z
    .enum(["start", "timeout"])
    .default("start")
    .describe(
      "With cancelAbandoned: 'start' drops abandoned work when a server would start it; 'timeout' removes it from the queue (or frees its server) as soon as its caller gives up. Default start.",
    ),
  degradation: degradationSchema
    .optional()
    .describe("Service time growing with the queue or after a restart (GC, cold cache). Default none."),
  cache: cacheSchema.optional().describe("Look-aside cache in front of one dependency. Default none."),
  dependencies: named(dependencySchema)
    .default({})
    .describe("Calls this service makes for each request, by key (each travels its route). Default none."),
  minServers: count(1)
    .optional()
    .describe(
      "Minimum capacity: when remove-capacity leaves fewer servers (per cell: minServers/cells), the service (cell) goes down and needs a full restart. Default none.",
    ),
  restart: restartSchema
    .optional()
    .describe(
      "Duration of a full restart: base + perItem x items/cells, then a cold start. Default instant.",
    ),
  cells: count(1)
    .optional()
    .describe(
      "Independent cells (servers, items and restarts split evenly; a removal hits one cell). Default 1.",
    ),
  healthCheck: healthCheckSchema
    .optional()
    .describe(
      "Host replacement: after failAfter of outage the hosts are taken out and replaced (replace each, concurrent at a time) once the hard dependencies answer again. Default none.",
    ),
  plane: z
    .enum(["control", "data"])
    .default("data")
    .describe("Service plane, for dependents and reports. Default data."),
  connectionCost: distributionSchema
    .optional()
    .describe(
      "Server time to accept one connection (TLS, auth), drawn per connection setup that reaches the service (stream service/NAME/connectionCost); handshakes go before queued requests and the setup succeeds only if answered within setupTimeout. Default none.",
    ),
  leases: leasesSchema
    .optional()
    .describe(
      "Leases on resources renewed through a dependency: when it cannot be reached they lapse (the resource's capacity falls) and re-establishing them is queued work on this service. Default none.",
    ),
  processorSharing: processorSharingSchema
    .optional()
    .describe(
      "Processor sharing: admitted requests share the servers as cores (rate min(1, servers/n) each), optionally with a concurrency cap. Default none: FIFO servers.",
    ),
  contention: z
    .strictObject({
      keys: count(1).describe("Keys written (each finished request writes one, uniformly)."),
      conflictWindow: duration("positive").describe(
        "A write within this long after another committed write to its key conflicts (the read-to-write time).",
      ),
    })
    .optional()
    .describe(
      "Optimistic concurrency control: concurrent writes to the same key conflict and fail (error answer, retryable). Default none.",
    ),
  stock: z
    .strictObject({
      units: count(0).describe(
        "Units in the stock at the start (instances a region can still launch, tickets, licences).",
      ),
    })
    .optional()
    .describe(
      "A finite stock: each successful request consumes one unit; once it is empty, requests fail at once (no server time; an error answer, retryable; counted in the summary's stockOuts), like a capacity pool answering 'insufficient capacity'. Default none: unlimited.",
    ),
  errorTime: distributionSchema
    .optional()
    .describe(
      "How long the service takes to answer an error (down, a fault's errorRate, a failed hard dependency, a full queue), drawn per error answer (stream service/NAME/errorTime). Default none: errors answer at once.",
    ),
});

export const loadSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("open").describe("Load kind: open loop (Poisson arrivals per client)."),
      rate: rate().describe("First attempts per second, per client (Poisson)."),
      arrivals: arrivalsSchema
        .optional()
        .describe("Arrival process: poisson (default), paced, onoff or mmpp (each at rate per client)."),
    }),
    z.strictObject({
      type: z
        .literal("closed")
        .describe("Load kind: closed loop (each client waits a think time after each request)."),
      think: distributionSchema.describe("Think time between a request's end and the client's next request."),
    }),
  ],
  { error: "expected a load: { type: open, rate: ... } or { type: closed, think: ... }" },
);

export const connectionSchema = z.strictObject({
  persistent: z
    .boolean()
    .default(true)
    .describe("Keep one connection per client, set up through every device on the route. Default true."),
  setupTimeout: duration("positive").describe("Timeout of one connection-setup attempt."),
  reconnect: backoffSchema.describe("Backoff between failed setup attempts (policies library)."),
  whileDisconnected: z
    .enum(["queue", "fail", "wait"])
    .optional()
    .describe(
      "A request issued while its connection is down: queue (wait, timeout running), fail (fail at once, not sent; counted as refused), wait (wait, timeout not running). Default queue.",
    ),
  budget: budgetSchema
    .optional()
    .describe(
      "Budget every connection set-up must acquire, one per client (a set-up after a tear-down asks as a first attempt, later ones as retries); a refused set-up waits for the reconnect backoff, at least setupTimeout. Default none.",
    ),
});

const persistenceList = z
  .union([fraction(), z.array(fraction()).min(1, { error: "needs at least one probability" })], {
    error: "expected a probability or a list of probabilities (one per attempt, the last repeats)",
  })
  .transform((v) => (typeof v === "number" ? [v] : v));

/** Retrial persistence: `{ error: [1, 0.5], timeout: 0.5 }`; item k-1 applies after attempt k, the last repeats. */
export const persistenceSchema = z.strictObject({
  error: persistenceList.default([1]).describe("After an error answer (rejected, failed). Default 1."),
  timeout: persistenceList.default([1]).describe("After a timeout. Default 1."),
});

export const fleetSchema = z.strictObject({
  description: z.string().optional().describe("What these clients are (metadata)."),
  network: name().describe("The network the clients are in."),
  target: name().describe("The service this fleet calls."),
  clients: count(1, MAX_CLIENTS).describe("Number of clients, at most 10,000,000."),
  load: loadSchema.describe("How each client makes first attempts: open (rate) or closed (think time)."),
  timeout: duration("positive").describe("Per-attempt timeout."),
  retry: retrySchema.describe("Retry policy of every client (policies library RetryConfig)."),
  budget: budgetSchema.optional().describe("Retry budget or throttle, one per client. Default none."),
  breaker: breakerSchema.optional().describe("Circuit breaker, one per client. Default none."),
  connection: connectionSchema
    .optional()
    .describe("Persistent connections and their setup. Default none (no connection setup)."),
  work: workSchema
    .optional()
    .describe(
      "Fixed work: each client makes this many requests and stops (closed loads only); the summary gives the time to finish. Default none (runs for the whole duration).",
    ),
  pool: poolSchema
    .optional()
    .describe(
      "Connection pool per client: at most size attempts in flight per client; more wait for a free connection, timeout running. Not with persistent connections. Default none (no limit).",
    ),
  timeoutDistribution: distributionSchema
    .optional()
    .describe(
      "Each attempt's timeout is drawn from this distribution (e.g. exponential); default: always `timeout`.",
    ),
  retryDelay: distributionSchema
    .optional()
    .describe("Delay before each retry drawn from this distribution instead of the retry policy's backoff."),
  persistence: persistenceSchema
    .optional()
    .describe(
      "Probability of retrying after attempt k ended with an error or a timeout (retrial persistence).",
    ),
  trafficClass: z
    .string()
    .min(1)
    .optional()
    .describe("Traffic class for reroute actions. Default: the fleet's name."),
  criticality: z
    .enum(["critical-plus", "critical", "sheddable-plus", "sheddable"])
    .default("critical")
    .describe(
      "Criticality of the fleet's requests (Google's), carried by the dependency calls made for them: a service with queue { type: criticality } serves the most critical first and sheds the least critical when full. Default critical.",
    ),
  via: viaSchema.optional(),
});

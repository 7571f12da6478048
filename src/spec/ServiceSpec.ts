import type { QueueConfig } from "../policies/queue/makeQueue.js";
import type { CacheSpec } from "./CacheSpec.js";
import type { DependencySpec } from "./DependencySpec.js";
import type { DistributionSpec } from "./DistributionSpec.js";
import type { HealthCheckSpec } from "./HealthCheckSpec.js";
import type { LeasesSpec } from "./LeasesSpec.js";
import type { ProcessorSharingSpec } from "./ProcessorSharingSpec.js";

export interface DegradationSpec {
  /** Service time grows by this fraction per request waiting in the queue (GC, memory pressure). Default 0. */
  perQueued: number;
  /** Upper bound of the service-time factor. Default 10. */
  maxFactor: number;
  /** After a restart, service time starts at `coldFactor` x and decays linearly back over `warmup` seconds. */
  coldFactor: number;
  warmup: number;
}

/** A full restart's duration: `base + perItem x items / cells` seconds (safety checks over the state held). */
export interface RestartSpec {
  /** Fixed part, seconds. Default 0. */
  base: number;
  /** Seconds per item of state. Default 0. */
  perItem: number;
  /** Items of state the whole service holds (each cell holds items / cells). Default 0. */
  items: number;
  /** The restart starts only once the services of its hard dependencies are up. Default true. */
  waitForDependencies: boolean;
}

export interface ServiceSpec {
  description?: string;
  network: string;
  /** Parallel servers (c). */
  servers: number;
  serviceTime: DistributionSpec;
  /**
   * Queue discipline (policies library queue config: fifo, lifo, adaptive-lifo, codel, ...). Default FIFO. A file
   * cannot set its `limit`: `queueLimit` is the bound (build the queue with `{ ...queue, limit: queueLimit }`).
   */
  queue: QueueConfig;
  /** Maximum requests waiting (not in service); arrivals beyond it are rejected at once. */
  queueLimit: number;
  /** Drop work whose caller already gave up (when it would start). Default false: abandoned work burns capacity. */
  cancelAbandoned: boolean;
  /**
   * When abandoned work is cancelled (with `cancelAbandoned`): `start` (default) when a server would start it;
   * `timeout` as soon as its caller gives up (it leaves the queue, or its server is freed).
   */
  cancelAt: "start" | "timeout";
  degradation?: DegradationSpec;
  /** Look-aside cache in front of one dependency. Default none. */
  cache?: CacheSpec;
  dependencies: Record<string, DependencySpec>;
  /**
   * Minimum capacity: when `remove-capacity` leaves fewer servers than this (per cell: `minServers / cells`), the
   * service (the cell) goes down, answering errors, until a full restart. Default: none (no floor).
   */
  minServers?: number;
  /** Duration of the full restart after falling below `minServers`. Default: instant. */
  restart?: RestartSpec;
  /** Independent cells: servers, items and restarts split evenly; a removal hits one cell. Default 1. */
  cells?: number;
  /** Health checks that take a failing service's hosts out for replacement. Default: none. */
  healthCheck?: HealthCheckSpec;
  /**
   * Time to answer an error (down, a fault's error rate, a failed hard dependency, a shed request): a distribution
   * drawn per error answer from the stream `service/<name>/errorTime`, added to the answer's return trip. The server
   * is not held meanwhile. Default none: errors answer at once (fail fast).
   */
  errorTime?: DistributionSpec;
  /**
   * Processor sharing instead of `servers` parallel FIFO servers: admitted requests share the servers as cores.
   * Default: none (each server works on one request at a time).
   */
  processorSharing?: ProcessorSharingSpec;
  /** Leases on resources renewed through a dependency (see LeasesSpec). Default none. */
  leases?: LeasesSpec;
  /**
   * Server-side cost of accepting one connection (TLS handshake, authentication): a distribution of server time, drawn
   * per accepted connection from the stream `service/<name>/connectionCost`. Each connection setup of a fleet that
   * reaches the service through a device group holds a server this long (handshakes are taken before queued
   * requests), and the setup succeeds only when the answer is back before the fleet's `setupTimeout`. Default none:
   * accepting a connection costs the service nothing.
   */
  connectionCost?: DistributionSpec;
  /** Service plane, used by dependents and reports. Default data. */
  plane: "control" | "data";
  /**
   * Optimistic concurrency control: each finished request writes one of `keys` keys (uniform); a write within
   * `conflictWindow` seconds after another committed write to the same key conflicts and is answered with an error.
   * Default none: no conflicts.
   */
  contention?: { keys: number; conflictWindow: number };
  /**
   * A finite stock of `units` (a region's capacity pool, tickets): each request answered with success consumes one
   * unit; once the stock is empty, arriving requests are answered with an error at once, without server time, and a
   * request whose work finishes after the last unit went is answered with an error too (both counted as stock-outs).
   * Default none: unlimited.
   */
  stock?: { units: number };
}

import { StampedeError } from "../core/StampedeError.js";
import { makeDistribution } from "../model/makeDistribution.js";
import type { Scenario } from "../scenario/Scenario.js";

/** Error code of a run refused by the size estimate (exit 2: found before work starts). */
export const E_RUN_TOO_LARGE = "E_RUN_TOO_LARGE";

/**
 * Engine events per first attempt at steady state (arrival, hops through each device group, service, answer,
 * timers), measured on the built-ins: see docs/experiments.md for the estimate's error on each.
 */
export const EVENTS_PER_ATTEMPT = 6;
/** Bytes of model state per client (per-client arrays, its pending arrival, connection state). */
export const BYTES_PER_CLIENT = 160;
/** Bytes per cache key (popularity, expiry, leader, waiters). */
export const BYTES_PER_KEY = 40;
/** Bytes per job a device buffer or service queue can hold when full (pool slot, queue slot). */
export const BYTES_PER_SLOT = 80;
/**
 * Bytes per cell of the series (interval x column): the Float64Array, the plain array of `toSeries`, series.csv and
 * the JSON embedded in report.html.
 */
export const BYTES_PER_CELL = 64;
/** Most events a run may be expected to need without `--allow-large`: about 10 minutes at 5 M events/s. */
export const DEFAULT_MAX_EVENTS = 3e9;

/** The expected size of a run, before it starts. */
export interface RunEstimate {
  /** Clients over every fleet. */
  clients: number;
  /** First attempts per second over every fleet (open: clients x rate; closed: clients / mean think time). */
  firstAttemptsPerSecond: number;
  /** Expected engine events: firstAttemptsPerSecond x until x EVENTS_PER_ATTEMPT (a storm adds retries). */
  events: number;
  /** Intervals recorded. */
  intervals: number;
  /** Series columns. */
  columns: number;
  /** Bytes of model state: clients, cache keys, buffers and queues. */
  poolBytes: number;
  /** Bytes of the series in memory and in the outputs. */
  seriesBytes: number;
  /** poolBytes + seriesBytes. */
  bytes: number;
  /** The field path that contributes most (the fleet with most attempts, or `duration` for long series). */
  largest: string;
}

/**
 * Estimates the size of running `scenario` for `until` seconds: `events = sum over fleets of first attempts per
 * second x until x EVENTS_PER_ATTEMPT`; `bytes = clients x BYTES_PER_CLIENT + cache keys x BYTES_PER_KEY + (device
 * buffers + service queue limits + servers) x BYTES_PER_SLOT + intervals x columns x BYTES_PER_CELL`, with
 * `intervals = until / interval` and `columns = 11 per fleet + 8 per link + 8 to 11 per service + 4 + dependents`.
 * A guide, not a bound: a storm multiplies attempts by up to the retry limit.
 */
export function estimateRun(scenario: Scenario, until: number): RunEstimate {
  let clients = 0;
  let rate = 0;
  let largest = "duration";
  let largestRate = -1;
  for (const [name, f] of Object.entries(scenario.fleets)) {
    clients += f.clients;
    const perClient =
      f.load.type === "open" ? f.load.rate : 1 / Math.max(makeDistribution(f.load.think).mean, 1e-3);
    const r = f.clients * (Number.isFinite(perClient) ? perClient : 0);
    rate += r;
    if (r > largestRate) {
      largestRate = r;
      largest = `fleets.${name}.clients`;
    }
  }
  let slots = 0;
  let keys = 0;
  let columns = 4 + Object.keys(scenario.dependents).length;
  for (const l of Object.values(scenario.links)) {
    slots += l.devices * l.buffer;
    columns += 8;
  }
  for (const s of Object.values(scenario.services)) {
    slots += s.queueLimit + s.servers;
    keys += s.cache?.keys ?? 0;
    columns += 8 + (s.cache ? 1 : 0) + (s.minServers !== undefined || s.cells !== undefined ? 1 : 0);
    columns += s.healthCheck ? 1 : 0;
  }
  columns += 11 * Object.keys(scenario.fleets).length;
  const intervals = Math.ceil(until / scenario.interval);
  const poolBytes = clients * BYTES_PER_CLIENT + keys * BYTES_PER_KEY + slots * BYTES_PER_SLOT;
  const seriesBytes = intervals * columns * BYTES_PER_CELL;
  if (seriesBytes > poolBytes && largestRate * until * EVENTS_PER_ATTEMPT < DEFAULT_MAX_EVENTS)
    largest = "duration";
  return {
    clients,
    firstAttemptsPerSecond: rate,
    events: rate * until * EVENTS_PER_ATTEMPT,
    intervals,
    columns,
    poolBytes,
    seriesBytes,
    bytes: poolBytes + seriesBytes,
    largest,
  };
}

/** Limits of the pre-run check. */
export interface RunLimits {
  /** Most expected events. Default {@link DEFAULT_MAX_EVENTS}. */
  maxEvents?: number;
  /** Most expected bytes (the memory guard's limit). */
  maxBytes: number;
}

/** `1.2 GB`, `340 MB`: bytes in decimal units for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toPrecision(3)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toPrecision(3)} MB`;
  return `${Math.ceil(bytes / 1e3)} kB`;
}

/**
 * Refuses a run whose estimate exceeds the limits, with a one-line E_RUN_TOO_LARGE error that names the largest
 * contributor, the ways to shrink the run and the `--allow-large` flag. Returns the estimate otherwise.
 */
export function checkRunSize(scenario: Scenario, until: number, limits: RunLimits): RunEstimate {
  const e = estimateRun(scenario, until);
  const maxEvents = limits.maxEvents ?? DEFAULT_MAX_EVENTS;
  const tooMany = !(e.events <= maxEvents);
  const tooBig = !(e.bytes <= limits.maxBytes);
  if (tooMany || tooBig) {
    const what = [
      tooMany ? `about ${e.events.toPrecision(2)} events (limit ${maxEvents.toPrecision(2)})` : "",
      tooBig ? `about ${formatBytes(e.bytes)} of memory (limit ${formatBytes(limits.maxBytes)})` : "",
    ]
      .filter((x) => x !== "")
      .join(" and ");
    throw new StampedeError(
      E_RUN_TOO_LARGE,
      `this run would need ${what}: ${e.clients} clients, ${e.intervals} intervals of ${scenario.interval}s; ` +
        "shrink it with --scale or --until, or pass --allow-large to run it anyway",
      { path: e.largest },
    );
  }
  return e;
}

import { z } from "zod";

const time = z.number().finite();
const window = z.strictObject({ start: time, end: time });
/** A count: whole for the event engine, an expected value (fractional) for the fluid engine. */
const count = z.number().finite().nonnegative();
const share = z.number().min(0).max(1);

/**
 * The RunSummary output contract (summary.json, `stampede run --format json`) as a strict zod schema: a field that is
 * added, renamed or retyped without updating the contract fails its test. `z.toJSONSchema(runSummarySchema)` gives
 * the JSON Schema for consumers.
 */
/** A connection pool's run figures (`fleets.F.pool`, `services.S.pools.D`). */
const pool = z.strictObject({
  waited: count,
  waitTimeouts: count,
  meanWait: z.number().nonnegative(),
  peakWaiters: count,
});

export const runSummarySchema = z.strictObject({
  schemaVersion: z.literal(6),
  stampedeVersion: z.string().min(1),
  engine: z.enum(["event", "fluid", "lab"]),
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/),
  scenario: z.string().min(1),
  variant: z.string().nullable(),
  overrides: z.record(z.string(), z.unknown()),
  scale: z.number().positive(),
  seed: z.number().int(),
  start: z.string().min(1),
  simulatedSeconds: z.number().positive(),
  events: z.number().int().nonnegative().nullable(),
  steps: z.number().int().nonnegative().nullable(),
  stepSeconds: z.number().positive().nullable(),
  verdict: z.strictObject({
    metastable: z.boolean().nullable(),
    sustained: z.boolean().nullable(),
    stable: z.boolean(),
    triggerStart: time.nullable(),
    triggerEnd: time.nullable(),
    detectedAt: time.nullable(),
    detectedBy: z.enum(["metric-alarm", "no-data-alarm", "slow-channel"]).nullable(),
    diagnosedAt: time.nullable(),
    recoveredAt: time.nullable(),
    peakAmplification: z.number().nonnegative(),
    baselineGoodput: z.number().nonnegative(),
    minGoodputRatio: z.number().nonnegative(),
    goodputLostSeconds: z.number().nonnegative(),
    goodputNoiseFloor: z.number().nonnegative(),
  }),
  triggers: z.array(
    z.strictObject({
      name: z.string().min(1),
      kind: z.enum(["automation", "fault"]),
      start: time,
      end: time,
    }),
  ),
  fleets: z.record(
    z.string(),
    z.strictObject({
      clients: count,
      firstAttempts: count,
      attempts: count,
      setupAttempts: count,
      refused: count,
      successes: count,
      timeouts: count,
      errors: count,
      rejected: count,
      amplification: z.number().nonnegative(),
      latencyP50: z.number().nonnegative().nullable(),
      latencyP99: z.number().nonnegative().nullable(),
      setupRefused: count.optional(),
      pool: pool.optional(),
      work: z
        .strictObject({
          requests: count,
          finishedClients: count,
          finishedAt: z.number().nonnegative().nullable(),
          meanFinish: z.number().nonnegative().nullable(),
        })
        .optional(),
    }),
  ),
  links: z.record(
    z.string(),
    z.strictObject({
      devices: count,
      forwarded: count,
      setups: count,
      drops: count,
      peakQueue: count,
      peakUtilisation: share,
      wastedShare: share.nullable(),
      peakStormFactor: z.number().nonnegative().nullable(),
    }),
  ),
  services: z.record(
    z.string(),
    z.strictObject({
      requests: count,
      successes: count,
      failures: count,
      peakQueue: count.nullable(),
      wastedShare: share.nullable(),
      outageWindows: z.array(window),
      outageSeconds: z.number().nonnegative(),
      conflicts: count.optional(),
      stockOuts: count.optional(),
      pools: z.record(z.string(), pool).optional(),
    }),
  ),
  monitoring: z
    .strictObject({
      staleSeconds: z.number().nonnegative(),
      maxStaleness: z.number().nonnegative(),
      staleWindows: z.array(window),
    })
    .nullable(),
  operators: z.array(z.strictObject({ name: z.string(), type: z.string(), at: time.nullable() })),
  dependents: z.record(
    z.string(),
    z.strictObject({
      illustrative: z.boolean(),
      outageSeconds: z.number().nonnegative(),
      windows: z.array(window),
    }),
  ),
  timing: z.strictObject({
    wallSeconds: z.number().nonnegative(),
    eventsPerSecond: z.number().nonnegative().nullable(),
  }),
  /** Only in lab runs. */
  lab: z
    .strictObject({
      speed: z.number().positive(),
      wallSeconds: z.number().nonnegative(),
      lagP99Ms: z.number().nonnegative(),
      timerDriftMs: z.number().nonnegative(),
      processes: z.array(
        z.strictObject({
          cpuSeconds: z.number().nonnegative(),
          lagP99Ms: z.number().nonnegative(),
          timerDriftMs: z.number().nonnegative(),
        }),
      ),
      unreliable: z.boolean(),
      noiseFloor: z.number().nonnegative().nullable(),
    })
    .optional(),
  /** Only in a run stopped early by a resource guard. */
  partial: z.literal(true).optional(),
});

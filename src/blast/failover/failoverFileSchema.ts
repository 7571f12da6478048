import { z } from "zod";
import { STANDBY_KINDS } from "./standbyDefaults.js";

const duration = z.union([z.number().nonnegative(), z.string().min(1)]);

/** Capacity a function must acquire in its secondary: a number of instances or a share of its primary footprint. */
export const FailoverCapacitySchema = z.union([
  z.strictObject({ instances: z.int().min(0).describe("instances to launch in the secondary") }),
  z.strictObject({
    share: z.number().min(0).max(1).describe("share (0..1) of the primary footprint to launch"),
    of: z.int().min(1).optional().describe("primary footprint in instances; default 10"),
  }),
]);

/** One entry of a failover side file: the failover behaviour of one function of one organisation. */
export const FailoverEntrySchema = z.strictObject({
  function: z.string().min(1).describe("function identifier as in the register (B_06.01 c0010) or catalog"),
  lei: z.string().min(1).describe("LEI of the financial entity (ISO 17442, checked)"),
  detection: duration.optional().describe("time from outage start to detection; default 5m"),
  decision: duration.optional().describe("time from detection to the decision to fail over; default 15m"),
  secondary: z
    .strictObject({
      provider: z.string().min(1).optional().describe("provider of the secondary; default the primary's"),
      region: z.string().min(1).describe('secondary region node id, e.g. "aws/us-west-2"'),
    })
    .optional()
    .describe("where the function fails over to; required unless standby is none"),
  primary: z
    .strictObject({
      provider: z
        .string()
        .min(1)
        .optional()
        .describe("provider of the primary; default the region id's prefix"),
      region: z.string().min(1).describe('primary region node id, e.g. "aws/us-east-1"'),
    })
    .optional()
    .describe(
      "where the function runs (registers record countries, not regions); with a secondary, the function needs 1 of the two regions",
    ),
  standby: z.enum(STANDBY_KINDS).optional().describe("standby kind; default cold"),
  capacity: FailoverCapacitySchema.optional().describe("capacity to acquire; default from the standby kind"),
  dnsTtl: duration.optional().describe("DNS TTL clients wait out after the switch; default 60s"),
  rto: duration.optional().describe("recovery time objective; default the register's RTO"),
  impactTolerance: duration
    .optional()
    .describe("impact tolerance (maximum tolerable outage); default the RTO"),
  dora: z
    .strictObject({
      clients: z.boolean().optional().describe("Art. 9(1) clients, counterparts, transactions threshold met"),
      reputational: z.boolean().optional().describe("Art. 9(2) reputational impact threshold met"),
      geographical: z.boolean().optional().describe("Art. 9(4) geographical spread threshold met"),
      dataLosses: z
        .boolean()
        .optional()
        .describe(
          "Art. 9(5)(a) data losses: impact on availability, authenticity, integrity or confidentiality of data",
        ),
      maliciousAccess: z
        .boolean()
        .optional()
        .describe(
          "Art. 9(5)(b): successful, malicious and unauthorised access to network and information systems that may result in data losses (major on its own, Art. 8(1)(a))",
        ),
      economic: z.boolean().optional().describe("Art. 9(6) economic impact threshold met"),
    })
    .optional()
    .describe(
      "DORA 2024/1772 criteria stampede cannot simulate, as the firm assesses them for an outage of this function; default unknown (null)",
    ),
  reservation: z
    .int()
    .min(0)
    .optional()
    .describe("instances reserved in the secondary (launched without queueing)"),
});

/**
 * The launch control plane of one secondary region, shared by every function that fails over into it (the sector
 * Monte Carlo makes it a service of the generated scenario). All values are assumptions; defaults in
 * src/blast/sector/controlPlaneDefaults.ts.
 */
export const ControlPlaneSchema = z.strictObject({
  concurrency: z.int().min(1).optional().describe("launches in progress at once (servers); default 20"),
  launchTime: duration.optional().describe("mean time of one instance launch (exponential); default 30s"),
  queueLimit: z
    .int()
    .min(0)
    .optional()
    .describe("launch requests waiting before the API throttles (rejects at once); default 100"),
  timeout: duration.optional().describe("the clients' timeout of one launch request; default 5m"),
  capacity: z
    .int()
    .min(0)
    .optional()
    .describe(
      "instances the region's capacity pool can still launch for the sector (a finite stock: once empty, launches fail at once with insufficient capacity); default unlimited",
    ),
});

/** A failover side file (`stampede: failover/v1`), kept beside a register so the register stays valid. */
export const FailoverFileSchema = z.strictObject({
  stampede: z.literal("failover/v1"),
  functions: z.array(FailoverEntrySchema),
  controlPlanes: z
    .record(z.string().min(1), ControlPlaneSchema)
    .optional()
    .describe("launch control planes of the secondary regions, keyed by region id; default assumptions"),
});

/** Parsed (unchecked) failover side file. */
export type FailoverFile = z.infer<typeof FailoverFileSchema>;

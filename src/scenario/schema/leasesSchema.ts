import * as z from "zod";
import { distributionSchema } from "./distributionSchema.js";
import { backoffSchema, budgetSchema } from "./policySchemas.js";
import { count, duration, name } from "./units.js";

/** Leases a service holds on resources, renewed through a dependency (`LeasesSpec`). */
export const leasesSchema = z.strictObject({
  count: count(1).describe("Leases held (one per resource: host, partition), all held at time 0."),
  ttl: distributionSchema.describe(
    "Lifetime of a lease after each renewal or re-establishment, drawn per lease (stream service/NAME/leases/ttl).",
  ),
  renewEvery: duration("positive").describe("Renewal period of every held lease."),
  via: name().describe(
    "The dependency (a key of this service's dependencies) that renewals and re-establishments must reach.",
  ),
  resource: name()
    .optional()
    .describe(
      "The service whose servers the leases carry (1/count of them each): a lapsed lease removes its share. Default: this service.",
    ),
  work: distributionSchema.describe(
    "Server time of one lease re-establishment on this service (stream service/NAME/leases/work); it is queued before requests.",
  ),
  timeout: duration("positive").describe(
    "A re-establishment not finished this long after it was queued is abandoned (its work still runs) and queued again.",
  ),
  waitForVia: z
    .boolean()
    .default(false)
    .describe(
      "A lapsed lease is queued for re-establishment only at a renewal tick at which its dependency is reachable, and a job that ends with it unreachable waits again (no work spent against a dependency that is gone). Default false: queued at once.",
    ),
  requeue: backoffSchema
    .optional()
    .describe(
      "Delay before an abandoned or failed re-establishment is queued again. Default none (at once).",
    ),
  budget: budgetSchema
    .optional()
    .describe(
      "Budget the re-queues draw on (each is a retry, each established lease a success). Default none (unlimited).",
    ),
});

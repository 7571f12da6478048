/** The zod schema of a client connection pool (`fleets.F.pool`, `services.S.dependencies.D.pool`). */
import * as z from "zod";
import { count } from "./units.js";

export const poolSchema = z.strictObject({
  size: count(1).describe(
    "Connections per client (a fleet) or per server of the calling service (a dependency); an attempt holds one from when it is sent until it ends and waits, timeout running, when all are busy.",
  ),
});

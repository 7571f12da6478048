import * as z from "zod";
import { count } from "./units.js";

/** A service's processor-sharing discipline (`ProcessorSharingSpec`). */
export const processorSharingSchema = z.strictObject({
  concurrency: count(1)
    .optional()
    .describe(
      "At most this many requests in flight (in work or in dependency calls); more wait in the queue (queue, queueLimit). Default: no cap.",
    ),
});

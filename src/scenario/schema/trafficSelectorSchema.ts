/** Zod schema of a reroute's `traffic`: which traffic an operator moves, named explicitly. */
import * as z from "zod";
import { NAME_PATTERN, name } from "./units.js";

const SEGMENT = NAME_PATTERN.slice(1, -1);
const HINT =
  "write { class: NAME } (the fleets of a trafficClass), { fleet: NAME }, { dependency: SERVICE.KEY } (one dependency call) or monitoring";

/** One selector. A bare string other than `monitoring` is refused: it used to match classes, fleets and dependency keys at once. */
export const trafficSelectorSchema = z.union(
  [
    z.literal("monitoring").describe("Monitoring telemetry."),
    z.strictObject({ class: name().describe("Every fleet whose trafficClass is this.") }),
    z.strictObject({ fleet: name().describe("One fleet, by name.") }),
    z.strictObject({
      dependency: z
        .string()
        .regex(new RegExp(`^${SEGMENT}\\.${SEGMENT}$`), {
          error: "expected SERVICE.KEY: a service name and one of its dependency keys, such as api.dns",
        })
        .describe("One dependency call: SERVICE.KEY."),
    }),
  ],
  {
    error: (iss) =>
      typeof iss.input === "string"
        ? `ambiguous traffic selector '${iss.input}': ${HINT}`
        : `expected a traffic selector: ${HINT}`,
  },
);

/** `traffic`: one selector or a list of them (kept as written, so that problems point at the file). */
export const trafficSchema = z
  .union(
    [trafficSelectorSchema, z.array(trafficSelectorSchema).min(1, { error: "needs at least one selector" })],
    {
      error: (iss) =>
        typeof iss.input === "string"
          ? `ambiguous traffic selector '${iss.input}': ${HINT}`
          : `expected a traffic selector or a list of them: ${HINT}`,
    },
  )
  .describe(
    "What the reroute moves: monitoring, { class: NAME }, { fleet: NAME }, { dependency: SERVICE.KEY }, or a list of these.",
  );

import * as z from "zod";

/**
 * The scenario file format this stampede reads: a file's `format` field (default: this one). Bumped when a file
 * written for the previous format would load with another meaning or not at all; docs/scenario-format.md ("Format
 * versions") says how to migrate each.
 */
export const SCENARIO_FORMAT = 2;

/** How to bring a file of an older format up to date, by format. */
const MIGRATIONS: Readonly<Record<number, string>> = {
  1:
    "format 1 (stampede before run summary schemaVersion 2) is not read any more; to migrate: write each reroute's `traffic` as explicit selectors " +
    "({ class: NAME }, { fleet: NAME }, { dependency: SERVICE.KEY } or monitoring; a bare name is refused), check " +
    "every `breaker` (fleets' breakers were ignored by format 1 and now act), then set `format: 2` " +
    "(docs/scenario-format.md, 'Format versions')",
};

/** The `format` field: absent means the current format; an older one fails with how to migrate, a newer one asks for an upgrade. */
export const formatSchema = z
  .number({ error: `expected the format version, a whole number (this stampede reads ${SCENARIO_FORMAT})` })
  .int({ error: `expected the format version, a whole number (this stampede reads ${SCENARIO_FORMAT})` })
  .superRefine((v, ctx) => {
    if (v === SCENARIO_FORMAT) return;
    const message =
      v > SCENARIO_FORMAT
        ? `format ${v} is newer than this stampede reads (${SCENARIO_FORMAT}): upgrade stampede-sim`
        : (MIGRATIONS[v] ??
          `format ${v} was never a stampede format; this stampede reads ${SCENARIO_FORMAT}`);
    ctx.addIssue({ code: "custom", message });
  })
  .optional()
  .meta({ const: SCENARIO_FORMAT })
  .describe(
    `Scenario file format version. Default ${SCENARIO_FORMAT} (the current one); an older file fails with how to migrate.`,
  );

import type { z } from "zod";
import { parseDuration } from "../../core/parseDuration.js";
import { isStampedeError } from "../../core/StampedeError.js";
import type { ImportIssues } from "../import/ImportIssues.js";
import { isValidLei } from "../register/isValidLei.js";
import {
  DEFAULT_DECISION_SECONDS,
  DEFAULT_DETECTION_SECONDS,
  DEFAULT_DNS_TTL_SECONDS,
  DEFAULT_FOOTPRINT_INSTANCES,
  type FailoverSpec,
} from "./FailoverSpec.js";
import type { FailoverEntrySchema } from "./failoverFileSchema.js";
import { DEFAULT_STANDBY, STANDBY_DEFAULTS } from "./standbyDefaults.js";

/** Where a field of the entry is: file, line, col and its field path. */
export type LocateField = (path: readonly PropertyKey[]) => {
  file: string;
  line: number;
  col: number;
  path: string;
};

/**
 * Checks one schema-valid failover entry (from a side file or Backstage annotations) and applies the documented
 * defaults (FailoverSpec, standbyDefaults). Problems go to `issues` at `at(fieldPath)`; returns the spec, or
 * undefined when a field could not be read. The one place where failover fields are interpreted.
 */
export function toFailoverSpec(
  f: z.infer<typeof FailoverEntrySchema>,
  at: LocateField,
  issues: ImportIssues,
): FailoverSpec | undefined {
  const before = issues.count;
  if (!isValidLei(f.lei)) {
    issues.add("E_FAILOVER_BAD_LEI", `"${f.lei}" is not a valid LEI (ISO 17442 mod-97 check)`, at(["lei"]));
  }
  const standby = f.standby ?? DEFAULT_STANDBY;
  const defaults = STANDBY_DEFAULTS[standby];
  if (defaults.failsOver && !f.secondary) {
    issues.add(
      "E_FAILOVER_NO_SECONDARY",
      `standby "${standby}" fails over, so it needs secondary.region (or standby: none)`,
      at([]),
    );
  }
  if (!defaults.failsOver && (f.secondary || f.capacity || f.reservation !== undefined)) {
    issues.add(
      "E_FAILOVER_UNUSED",
      'standby "none" does not fail over: remove secondary, capacity and reservation',
      at(["standby"]),
    );
  }
  const seconds = (v: string | number | undefined, field: string): number | undefined => {
    if (v === undefined) return undefined;
    try {
      return parseDuration(v);
    } catch (e) {
      issues.add("E_FAILOVER_BAD_DURATION", isStampedeError(e) ? e.message : String(e), at([field]));
      return undefined;
    }
  };
  const detection = seconds(f.detection, "detection");
  const decision = seconds(f.decision, "decision");
  const dnsTtl = seconds(f.dnsTtl, "dnsTtl");
  const rto = seconds(f.rto, "rto");
  const tolerance = seconds(f.impactTolerance, "impactTolerance");
  if (issues.count > before) return undefined;
  const needed = !defaults.failsOver
    ? 0
    : f.capacity === undefined
      ? Math.ceil(defaults.captureShare * DEFAULT_FOOTPRINT_INSTANCES)
      : "instances" in f.capacity
        ? f.capacity.instances
        : Math.ceil(f.capacity.share * (f.capacity.of ?? DEFAULT_FOOTPRINT_INSTANCES));
  const reserved = f.reservation ?? 0;
  const region = defaults.failsOver ? f.secondary?.region : undefined;
  const { path: _, ...source } = at([]);
  return {
    functionId: f.function,
    lei: f.lei,
    detectionSeconds: detection ?? DEFAULT_DETECTION_SECONDS,
    decisionSeconds: decision ?? DEFAULT_DECISION_SECONDS,
    primaryRegion: f.primary?.region,
    primaryProvider:
      f.primary === undefined ? undefined : (f.primary.provider ?? f.primary.region.split("/")[0]),
    secondaryRegion: region,
    secondaryProvider: region === undefined ? undefined : (f.secondary?.provider ?? region.split("/")[0]),
    standby,
    instancesToLaunch: Math.max(0, needed - reserved),
    reservedInstances: reserved,
    dnsTtlSeconds: dnsTtl ?? DEFAULT_DNS_TTL_SECONDS,
    rtoSeconds: rto,
    impactToleranceSeconds: tolerance,
    ...(f.dora !== undefined ? { dora: f.dora } : {}),
    source,
  };
}

import type { ImportIssues } from "../import/ImportIssues.js";
import { ANNOTATION } from "../import/readCatalogEntities.js";
import type { FailoverSpec } from "./FailoverSpec.js";
import { FailoverEntrySchema } from "./failoverFileSchema.js";
import { type LocateField, toFailoverSpec } from "./toFailoverSpec.js";

/**
 * Backstage annotation (without the `stampede.dev/` prefix) for each failover field; the same fields and defaults
 * as the side file. Capacity: `failover-capacity` is a number of instances ("40") or a share ("50%" or "0.5").
 */
export const FAILOVER_ANNOTATIONS = {
  lei: "lei",
  detection: "failover-detection",
  decision: "failover-decision",
  region: "failover-region",
  provider: "failover-provider",
  primaryRegion: "failover-primary-region",
  standby: "failover-standby",
  capacity: "failover-capacity",
  footprint: "failover-footprint",
  reservation: "failover-reservation",
  dnsTtl: "failover-dns-ttl",
  rto: "rto",
  impactTolerance: "impact-tolerance",
} as const;

/**
 * The failover behaviour of a catalog function from its `stampede.dev/failover-*` annotations, or undefined when it
 * has none. Checked by the same schema and {@link toFailoverSpec} as the side file; problems are located at the
 * annotation (`at(["metadata","annotations",key])`).
 */
export function failoverFromAnnotations(
  functionId: string,
  annotations: Readonly<Record<string, string>>,
  at: LocateField,
  issues: ImportIssues,
): FailoverSpec | undefined {
  const A = FAILOVER_ANNOTATIONS;
  if (!Object.keys(annotations).some((k) => k.startsWith("failover-"))) return undefined;
  const field = (key: string) => at(["metadata", "annotations", ANNOTATION + key]);
  const int = (key: string): number | string | undefined => {
    const v = annotations[key];
    return v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : v;
  };
  const cap = annotations[A.capacity];
  const capacity =
    cap === undefined
      ? undefined
      : cap.endsWith("%")
        ? {
            share: Number(cap.slice(0, -1)) / 100,
            ...(int(A.footprint) !== undefined ? { of: int(A.footprint) } : {}),
          }
        : /^\d+$/.test(cap)
          ? { instances: Number(cap) }
          : { share: Number(cap), ...(int(A.footprint) !== undefined ? { of: int(A.footprint) } : {}) };
  const raw = Object.fromEntries(
    Object.entries({
      function: functionId,
      lei: annotations[A.lei] ?? "",
      detection: annotations[A.detection],
      decision: annotations[A.decision],
      secondary:
        annotations[A.region] === undefined
          ? undefined
          : {
              region: annotations[A.region],
              ...(annotations[A.provider] ? { provider: annotations[A.provider] } : {}),
            },
      primary:
        annotations[A.primaryRegion] === undefined ? undefined : { region: annotations[A.primaryRegion] },
      standby: annotations[A.standby],
      capacity,
      reservation: int(A.reservation),
      dnsTtl: annotations[A.dnsTtl],
      rto:
        annotations[A.rto] !== undefined && /^\d+(\.\d+)?$/.test(annotations[A.rto]!)
          ? `${annotations[A.rto]}h`
          : annotations[A.rto],
      impactTolerance: annotations[A.impactTolerance],
    }).filter(([, v]) => v !== undefined),
  );
  const keyOf: Record<string, string> = {
    lei: A.lei,
    detection: A.detection,
    decision: A.decision,
    secondary: A.region,
    primary: A.primaryRegion,
    standby: A.standby,
    capacity: A.capacity,
    reservation: A.reservation,
    dnsTtl: A.dnsTtl,
    rto: A.rto,
    impactTolerance: A.impactTolerance,
  };
  const located: LocateField = (path) => {
    const top = String(path[0] ?? "");
    const key = keyOf[top];
    return {
      ...(key ? field(key) : at(["metadata", "annotations"])),
      path: key ? ANNOTATION + key : "metadata.annotations",
    };
  };
  const parsed = FailoverEntrySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      issues.add("E_FAILOVER_SCHEMA", issue.message, located(issue.path));
    return undefined;
  }
  return toFailoverSpec(parsed.data, located, issues);
}

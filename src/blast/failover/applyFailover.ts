import { isStampedeError } from "../../core/StampedeError.js";
import type { GraphBuilder } from "../../graph/GraphBuilder.js";
import { ImportIssues } from "../import/ImportIssues.js";
import type { FailoverSpec } from "./FailoverSpec.js";

/** A failover spec matched to its function node of the graph. */
export interface PlacedFailover {
  readonly spec: FailoverSpec;
  /** Id of the function node (`<LEI>/<function id>` for registers, the entity id for catalogs). */
  readonly functionNode: string;
}

/** The function node a spec describes: `<LEI>/<function id>` (register), else the bare id (catalog), else none. */
function functionNodeOf(builder: GraphBuilder, spec: FailoverSpec): string | undefined {
  for (const id of [`${spec.lei}/${spec.functionId}`, spec.functionId]) {
    const i = builder.indexOf(id);
    if (i !== undefined && builder.info(i).type === "function") return id;
  }
  return undefined;
}

/**
 * Wires failover specs into the graph being built: each spec must name a function node (E_FAILOVER_UNKNOWN_FUNCTION
 * at the entry otherwise). A spec with a primary region adds the region node (depending on its provider node when the
 * graph has one: a register's providers are LEIs, so there the region stands alone) and
 * makes the function need it; with a secondary too, the function needs 1 of {primary, secondary} (hard), and when the
 * node has no `failoverSeconds` yet it gets detection + decision + DNS TTL (the static view's failover time, no
 * queueing). A secondary alone (a catalog function whose location the catalog already gives) adds only the region
 * node. Every problem is thrown at once (ImportError, exit 2).
 */
export function applyFailover(builder: GraphBuilder, specs: readonly FailoverSpec[]): PlacedFailover[] {
  const issues = new ImportIssues();
  const placed: PlacedFailover[] = [];
  const region = (id: string, provider: string | undefined): number => {
    const had = builder.indexOf(id);
    if (had !== undefined) return had;
    const r = builder.ensureNode({ id, type: "region" });
    const p = provider === undefined ? undefined : builder.indexOf(provider);
    if (p !== undefined && builder.info(p).type === "provider") builder.dependsOn(r, p);
    return r;
  };
  for (const spec of specs) {
    const node = functionNodeOf(builder, spec);
    if (node === undefined) {
      issues.add(
        "E_FAILOVER_UNKNOWN_FUNCTION",
        `no function "${spec.functionId}" of ${spec.lei} in the graph (register function ${spec.lei}/${spec.functionId} or catalog component ${spec.functionId})`,
        { ...spec.source, path: "function" },
      );
      continue;
    }
    try {
      wire(builder.indexOf(node)!, spec);
    } catch (e) {
      if (!isStampedeError(e)) throw e;
      issues.add(e.code, e.message, { ...spec.source, path: "secondary" });
      continue;
    }
    placed.push({ spec, functionNode: node });
  }
  issues.throwIfAny("failover side files");
  return placed;

  function wire(fn: number, spec: FailoverSpec): void {
    const secondary =
      spec.secondaryRegion === undefined ? undefined : region(spec.secondaryRegion, spec.secondaryProvider);
    if (spec.primaryRegion !== undefined) {
      const primary = region(spec.primaryRegion, spec.primaryProvider);
      if (secondary !== undefined && secondary !== primary) {
        builder.dependsOnGroup(fn, [primary, secondary], 1);
        if (builder.info(fn).failoverSeconds === undefined)
          builder.update(fn, {
            failoverSeconds: spec.detectionSeconds + spec.decisionSeconds + spec.dnsTtlSeconds,
          });
      } else builder.dependsOn(fn, primary);
    }
  }
}

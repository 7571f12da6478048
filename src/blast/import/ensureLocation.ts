import type { GraphBuilder } from "../../graph/GraphBuilder.js";

/**
 * Index of the provider, region or zone node with this id, adding it (and its parents) when missing. Region ids are
 * `provider/region` (`aws/us-east-1`), zone ids `provider/region/zone`; a zone depends on its region, a region on its
 * provider (hard, data plane).
 */
export function ensureLocation(
  builder: GraphBuilder,
  type: "provider" | "region" | "zone",
  id: string,
): number {
  const have = builder.indexOf(id);
  if (have !== undefined) return have;
  const parts = id.split("/");
  const i = builder.ensureNode({ id, type });
  if (type === "region" && parts.length >= 2)
    builder.dependsOn(i, ensureLocation(builder, "provider", parts[0]!));
  if (type === "zone" && parts.length >= 3) {
    builder.dependsOn(i, ensureLocation(builder, "region", parts.slice(0, -1).join("/")));
  }
  return i;
}

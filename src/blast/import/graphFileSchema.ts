import { z } from "zod";
import { NODE_TYPES } from "../../graph/NodeType.js";

const duration = z.union([z.number().nonnegative(), z.string().min(1)]);
const kind = z.enum(["hard", "soft"]).optional().describe("hard (default): unmet means down; soft: degraded");
const plane = z.enum(["data", "control"]).optional().describe("plane of the dependency used; default data");

/** One entry of `dependsOn`: a node id, an edge with options, or a k-of-n group. */
export const DependencySchema = z.union([
  z.string().min(1).describe("id of a node this one needs (hard, data plane)"),
  z.strictObject({ on: z.string().min(1), kind, plane }),
  z.strictObject({
    anyOf: z.array(z.string().min(1)).min(1).describe("members of a redundancy group"),
    k: z.int().min(1).optional().describe("members needed; default 1"),
    kind,
    plane,
  }),
]);

/** One node of a stampede graph file. */
export const GraphNodeSchema = z.strictObject({
  id: z.string().min(1),
  type: z.enum(NODE_TYPES),
  name: z.string().optional(),
  critical: z.boolean().optional().describe("function: critical or important"),
  rto: duration.optional().describe('function: recovery time objective ("4h" or seconds)'),
  rtoHours: z.number().nonnegative().optional().describe("function: RTO in hours"),
  failover: duration
    .optional()
    .describe("time down while failing over inside a redundancy group (seconds or '5m')"),
  assets: z.number().nonnegative().optional(),
  sector: z.string().optional(),
  entityType: z.string().optional(),
  country: z.string().optional(),
  lei: z.string().optional(),
  ultimateParent: z.string().optional().describe("provider: id of the ultimate parent"),
  serviceType: z.string().optional(),
  spend: z.number().nonnegative().optional().describe("service: annual spend"),
  substitutability: z.enum(["none", "difficult", "medium", "easy"]).optional(),
  alternatives: z.boolean().optional(),
  entity: z.string().optional().describe("function: the entity that performs it (adds entity -> function)"),
  provider: z.string().optional().describe("service/region: provider id (added when missing)"),
  region: z
    .string()
    .optional()
    .describe("service/zone: region id such as aws/us-east-1 (added when missing)"),
  zone: z
    .string()
    .optional()
    .describe("service: zone id such as aws/us-east-1/use1-az1 (added when missing)"),
  dependsOn: z.array(DependencySchema).optional(),
});

/** A stampede dependency graph file (`stampede: graph/v1`). */
export const GraphFileSchema = z.strictObject({
  stampede: z.literal("graph/v1").optional(),
  description: z.string().optional(),
  nodes: z.array(GraphNodeSchema),
  correlated: z
    .array(z.tuple([z.string(), z.string()]))
    .optional()
    .describe("pairs of node ids that fail together (a region and its control plane), for --n-2"),
});

export type GraphFile = z.infer<typeof GraphFileSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;

/** JSON Schema of the graph file format, for editors. */
export function graphJsonSchema(): unknown {
  return z.toJSONSchema(GraphFileSchema);
}

import { describe, expect, it } from "vitest";
import type { StampedeError } from "../../core/StampedeError.js";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { NodeState } from "../../graph/NodeState.js";
import { graphJsonSchema } from "./graphFileSchema.js";
import { ImportError } from "./ImportIssues.js";
import { importGraphFile } from "./importGraphFile.js";

function errors(text: string): readonly StampedeError[] {
  try {
    importGraphFile("g.yaml", text, new GraphBuilder());
  } catch (e) {
    if (e instanceof ImportError) return e.errors;
    throw e;
  }
  throw new Error("expected errors");
}

const GOOD = `stampede: graph/v1
nodes:
  - { id: bank, type: entity, assets: 1000 }
  - id: payments
    type: function
    entity: bank
    critical: true
    rto: 4h
    dependsOn:
      - { anyOf: [pay-east, pay-west], k: 1 }
      - { on: iam, plane: control }
  - { id: pay-east, type: service, region: aws/us-east-1, provider: aws }
  - { id: pay-west, type: service, region: aws/us-west-2, provider: aws }
  - { id: iam, type: service, provider: aws }
correlated:
  - [aws/us-east-1, iam]
`;

describe("importGraphFile", () => {
  it("builds nodes, shorthand locations, groups and correlated pairs", () => {
    const b = new GraphBuilder();
    const r = importGraphFile("g.yaml", GOOD, b);
    const g = b.build();
    expect(r.correlated).toEqual([["aws/us-east-1", "iam"]]);
    expect(g.type(g.indexOf("aws/us-east-1")!)).toBe("region");
    expect(g.info(g.indexOf("payments")!).rtoSeconds).toBe(4 * 3600);
    const out = new Uint8Array(g.nodeCount);
    g.evaluateSparse([g.indexOf("aws/us-east-1")!], undefined, out);
    expect(out[g.indexOf("payments")!]).toBe(NodeState.DEGRADED);
    g.clearImpacted(out);
    g.evaluateSparse([g.indexOf("aws")!], undefined, out);
    expect(out[g.indexOf("bank")!]).toBe(NodeState.DOWN);
  });

  it("reports every problem at its line: schema, unknown ids, bad durations, duplicates, bad k", () => {
    const errs = errors(`nodes:
  - { id: a, type: function, rto: soon }
  - { id: a, type: service }
  - { id: b, type: planet }
  - id: c
    type: function
    dependsOn: [nowhere]
`);
    // schema errors stop before references are checked
    expect(errs.map((e) => [e.code, e.location?.line])).toEqual([["E_GRAPH_SCHEMA", 4]]);
    const later = errors(`nodes:
  - { id: a, type: function, rto: soon }
  - { id: a, type: service }
  - id: c
    type: function
    dependsOn:
      - nowhere
      - { anyOf: [a], k: 2 }
`);
    expect(later.map((e) => [e.code, e.location?.line])).toEqual([
      ["E_GRAPH_BAD_DURATION", 2],
      ["E_GRAPH_DUPLICATE_NODE", 3],
      ["E_GRAPH_UNKNOWN_NODE", 7],
      ["E_GRAPH_BAD_GROUP", 8],
    ]);
    expect(errors("nodes: [\n").map((e) => e.code)).toContain("E_YAML_SYNTAX");
  });

  it("handles a cycle of dependsOn without hanging", () => {
    const b = new GraphBuilder();
    importGraphFile(
      "g.yaml",
      `nodes:
  - { id: a, type: service, dependsOn: [b] }
  - { id: b, type: service, dependsOn: [c] }
  - { id: c, type: service, dependsOn: [a] }
  - { id: f, type: function, dependsOn: [a] }
`,
      b,
    );
    const g = b.build();
    const out = new Uint8Array(g.nodeCount);
    expect(g.evaluate(new Uint8Array(g.nodeCount), out)).toBe(0);
    const mask = new Uint8Array(g.nodeCount);
    mask[g.indexOf("c")!] = 1;
    expect(g.evaluate(mask, out)).toBe(4);
  });

  it("exports a JSON Schema", () => {
    const s = graphJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(["nodes", "correlated"]));
  });
});

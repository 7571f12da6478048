import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { NodeState } from "../../graph/NodeState.js";
import type { ImportError } from "./ImportIssues.js";
import { importBackstage } from "./importBackstage.js";

const CATALOG = join(import.meta.dirname, "../../../examples/catalog/catalog-info.yaml");

describe("importBackstage", () => {
  it("imports the sample catalog: us-east-1 takes down single-region organisations, Netflix only degrades", () => {
    const b = new GraphBuilder();
    const r = importBackstage(CATALOG, readFileSync(CATALOG, "utf8"), b);
    expect(r.entities).toBeGreaterThan(30);
    const g = b.build();
    const out = new Uint8Array(g.nodeCount);
    g.evaluateSparse([g.indexOf("aws/us-east-1")!], undefined, out);
    expect(out[g.indexOf("system:default/venmo")!]).toBe(NodeState.DOWN);
    expect(out[g.indexOf("component:default/netflix-streaming")!]).toBe(NodeState.DEGRADED);
    // the Ring cycle (router <-> registry) resolves: both down with DynamoDB
    expect(out[g.indexOf("component:default/ring-event-router")!]).toBe(NodeState.DOWN);
  });

  it("reports unknown references, missing names and annotations without a provider, at their lines", () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
spec:
  dependsOn:
    - resource:default/nowhere
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  title: no name
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: db
  annotations:
    stampede.dev/region: us-east-1
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: ignored
`;
    let errs: ImportError | undefined;
    try {
      importBackstage("c.yaml", text, new GraphBuilder());
    } catch (e) {
      errs = e as ImportError;
    }
    expect(errs?.errors.map((e) => [e.code, e.location?.line])).toEqual([
      ["E_CATALOG_UNKNOWN_REF", 7],
      ["E_CATALOG_SCHEMA", 12],
      ["E_CATALOG_BAD_ANNOTATION", 19],
    ]);
  });

  it("a dependsOn cycle does not hang: no failure keeps it up, one member failing takes all down", () => {
    const doc = (n: string, dep: string): string =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${n}\nspec:\n  dependsOn: [component:${dep}]\n`;
    const b = new GraphBuilder();
    importBackstage("c.yaml", [doc("a", "b"), doc("b", "c"), doc("c", "a")].join("---\n"), b);
    const g = b.build();
    const out = new Uint8Array(g.nodeCount);
    expect(g.evaluate(new Uint8Array(g.nodeCount), out)).toBe(0);
    g.evaluateSparse([0], undefined, out);
    expect(Array.from(out)).toEqual([NodeState.DOWN, NodeState.DOWN, NodeState.DOWN]);
  });
});

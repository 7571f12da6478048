import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { NodeState } from "../../graph/NodeState.js";
import { ImportError } from "./ImportIssues.js";
import { importBackstage } from "./importBackstage.js";

const entity = (
  kind: string,
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  apiVersion: "backstage.io/v1alpha1",
  kind,
  metadata: { name, ...((extra["metadata"] as object) ?? {}) },
  ...(extra["spec"] ? { spec: extra["spec"] } : {}),
  ...(extra["relations"] ? { relations: extra["relations"] } : {}),
});
const region = entity("Resource", "region", {
  metadata: { annotations: { "stampede.dev/provider": "aws", "stampede.dev/region": "us-east-1" } },
});

/** States after the region fails, by node id. */
function statesAfterRegion(text: string): Record<string, number> {
  const b = new GraphBuilder();
  importBackstage("catalog.json", text, b);
  const g = b.build();
  const out = new Uint8Array(g.nodeCount);
  g.evaluateSparse([g.indexOf("aws/us-east-1")!], undefined, out);
  return Object.fromEntries(Array.from(out, (s, i) => [g.info(i).id, s]));
}

function errorsOf(text: string): { code: string; line: number | undefined; path: string | undefined }[] {
  try {
    importBackstage("catalog.yaml", text, new GraphBuilder());
  } catch (e) {
    if (e instanceof ImportError)
      return e.errors.map((x) => ({ code: x.code, line: x.location?.line, path: x.path }));
    throw e;
  }
  return [];
}

describe("catalogLinks", () => {
  it("matches references ignoring case, with the field's default kind and the referrer's namespace", () => {
    const items = [
      region,
      entity("Component", "Db-Proxy", {
        metadata: { namespace: "Payments" },
        spec: { dependsOn: ["Resource:DEFAULT/Region"] },
      }),
      entity("API", "ledger", { metadata: { namespace: "payments" } }),
      entity("Component", "ledger-svc", {
        metadata: { namespace: "payments" },
        spec: { providesApis: ["LEDGER"], subcomponentOf: "db-proxy" },
      }),
      entity("Component", "checkout", {
        metadata: { namespace: "payments" },
        spec: { consumesApis: ["Ledger"] },
      }),
      entity("Component", "other-namespace", { spec: { consumesApis: ["payments/ledger"] } }),
    ];
    const s = statesAfterRegion(JSON.stringify(items));
    expect(s["component:Payments/Db-Proxy"]).toBe(NodeState.DOWN);
    // ledger-svc is a part of db-proxy: the parent needs it, not the other way round
    expect(s["component:payments/ledger-svc"]).toBe(NodeState.UP);
    expect(errorsOf(JSON.stringify(items))).toEqual([]);
  });

  it("follows the catalog API's relations (both directions, merged) and ignores owners and domains", () => {
    const rel = (type: string, targetRef: string) => ({ type, targetRef });
    const doc = {
      items: [
        region,
        entity("Component", "storage", {
          relations: [
            rel("dependsOn", "resource:default/region"),
            rel("partOf", "component:default/archive"),
          ],
        }),
        entity("Component", "archive", {
          relations: [
            rel("hasPart", "component:default/storage"),
            rel("providesApi", "api:default/archive"),
            rel("ownedBy", "group:default/team-a"),
          ],
        }),
        entity("API", "archive", {
          relations: [rel("apiProvidedBy", "component:default/archive"), rel("partOf", "domain:default/x")],
        }),
        entity("Component", "search", { relations: [rel("consumesApi", "api:default/archive")] }),
      ],
      totalItems: 5,
      pageInfo: {},
    };
    const s = statesAfterRegion(JSON.stringify(doc, null, 2));
    expect(s["component:default/search"]).toBe(NodeState.DOWN);
    expect(s["api:default/archive"]).toBe(NodeState.DOWN);
  });

  it("reports a reference to a missing entity at its line, an ambiguous kindless one, and a duplicate", () => {
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: web
spec:
  consumesApis:
    - nowhere
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: twin
spec:
  dependsOn: [twin-db]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: twin-db
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: twin-db
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: TWIN-DB
`;
    expect(errorsOf(text)).toEqual([
      { code: "E_CATALOG_UNKNOWN_REF", line: 7, path: "spec.consumesApis.0" },
      { code: "E_CATALOG_UNKNOWN_REF", line: 14, path: "spec.dependsOn.0" },
      { code: "E_CATALOG_DUPLICATE", line: 29, path: "metadata.name" },
    ]);
  });
});

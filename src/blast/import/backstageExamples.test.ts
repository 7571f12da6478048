import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NodeState } from "../../graph/NodeState.js";
import { blastRadius } from "../analysis/blastRadius.js";
import { resolveSelector } from "../analysis/resolveSelector.js";
import { detectFormat, loadGraphs } from "../loadGraphs.js";

const DIR = join(import.meta.dirname, "../../../examples/catalog/backstage-examples");
const YAML = join(DIR, "catalog-info.yaml");
const JSON_API = join(DIR, "catalog-api.json");

/** State of every impacted node when `selector` fails, by node id. */
function impacted(path: string, selector: string): Record<string, string> {
  const { graph } = loadGraphs([path]);
  const sel = resolveSelector(graph, selector);
  const out = new Uint8Array(graph.nodeCount);
  graph.evaluateSparse(sel.nodes, undefined, out);
  const states: Record<string, string> = {};
  for (let i = 0; i < graph.nodeCount; i++)
    if (out[i] !== NodeState.UP) states[graph.info(i).id] = out[i] === NodeState.DOWN ? "down" : "degraded";
  return states;
}

describe("Backstage's example catalog with a region", () => {
  it("a component that reaches the region only through an API and a subcomponent is reported down", () => {
    const s = impacted(YAML, "region:aws/eu-west-1");
    // wayback-archive-storage runs in the region; it is part of wayback-archive, which provides the API
    // wayback-archive that wayback-search consumes; searcher consumes the API wayback-search.
    expect(s["component:default/wayback-archive-storage"]).toBe("down");
    expect(s["component:default/wayback-archive"]).toBe("down");
    expect(s["api:default/wayback-archive"]).toBe("down");
    expect(s["component:default/wayback-search"]).toBe("down");
    expect(s["api:default/wayback-search"]).toBe("down");
    expect(s["component:default/searcher"]).toBe("down");
    // www-artist consumes artist-lookup (a component given as an API), which needs artists-db in the region
    expect(s["component:default/www-artist"]).toBe("down");
    // the system has a critical part down (artist-lookup) and a resource down (artists-db)
    expect(s["system:default/artist-engagement-portal"]).toBe("down");
    // petstore and its consumers do not run in the region
    expect(s["component:default/petstore"]).toBeUndefined();
    expect(s["component:default/playback-order"]).toBeUndefined();
  });

  it("the catalog API's JSON (items with relations) gives the same graph and blast radius as the YAML", () => {
    expect(detectFormat(JSON_API)).toBe("backstage");
    expect(impacted(JSON_API, "region:aws/eu-west-1")).toEqual(impacted(YAML, "region:aws/eu-west-1"));
    const report = (path: string) => {
      const { graph } = loadGraphs([path]);
      const sel = resolveSelector(graph, "provider:aws");
      return blastRadius(
        graph,
        sel.nodes.map((node) => ({ node, start: 0, end: 3 * 3600 })),
      );
    };
    const fromJson = report(JSON_API);
    expect(fromJson.summary).toEqual(report(YAML).summary);
    expect(fromJson.functions.find((f) => f.id === "component:default/wayback-search")?.rtoBreached).toBe(
      true,
    );
  });
});

import { describe, expect, it } from "vitest";
import { evaluateTimeline, totalSeconds } from "./evaluateTimeline.js";
import { GraphBuilder } from "./GraphBuilder.js";

describe("evaluateTimeline", () => {
  it("gives windows of a 1-of-2 multi-region service: down only while both regions are out", () => {
    const b = new GraphBuilder();
    const app = b.addNode({ id: "app", type: "function" });
    const east = b.addNode({ id: "east", type: "region" });
    const west = b.addNode({ id: "west", type: "region" });
    b.dependsOnGroup(app, [east, west], 1);
    const tl = evaluateTimeline(b.build(), [
      { node: east, start: 0, end: 3600 },
      { node: west, start: 1800, end: 7200 },
    ]);
    const a = tl.get(app)!;
    expect(a.down).toEqual([{ start: 1800, end: 3600 }]);
    expect(a.degraded).toEqual([
      { start: 0, end: 1800 },
      { start: 3600, end: 7200 },
    ]);
    expect(totalSeconds(tl.get(east)!.down)).toBe(3600);
  });
});

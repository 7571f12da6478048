import { describe, expect, it } from "vitest";
import { cachedLoader } from "./cachedLoader.js";
import type { LoadOptions } from "./ExperimentPorts.js";
import { fakeLoad } from "./testing/fakeModel.js";

describe("cachedLoader", () => {
  it("loads each distinct (ref, variant, set, scale) once and hands out independent copies", async () => {
    const calls: LoadOptions[] = [];
    const load = cachedLoader((ref, o) => {
      calls.push(o);
      return fakeLoad(ref, o);
    }, 2);
    const a = await load("fake", { set: { "faults.spike.end": 2000 } });
    const b = await load("fake", { set: { "faults.spike.end": 2000 } });
    expect(calls).toHaveLength(1);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    (a as unknown as { fake: Record<string, number> }).fake["faults.spike.end"] = 1;
    const c = await load("fake", { set: { "faults.spike.end": 2000 } });
    expect((c as unknown as { fake: Record<string, number> }).fake["faults.spike.end"]).toBe(2000);
    await load("fake", { variant: "fixed-backoff" });
    await load("fake", { scale: 0.5 });
    // Capacity 2: the first key was evicted by the two newer ones.
    await load("fake", { set: { "faults.spike.end": 2000 } });
    expect(calls).toHaveLength(4);
  });
});

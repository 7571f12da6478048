import { describe, expect, it } from "vitest";
import { fakeLoad, fakeRun } from "../../experiments/testing/fakeModel.js";
import { chartMarkers } from "./chartMarkers.js";

describe("chartMarkers", () => {
  it("lists triggers, detection, diagnosis, operator actions and recovery in time order", () => {
    const s = fakeRun(fakeLoad("fake"), { seed: 1 }).summary;
    const summary = {
      ...s,
      verdict: {
        ...s.verdict,
        triggerStart: 100,
        triggerEnd: 160,
        detectedAt: 200,
        detectedBy: "metric-alarm",
        diagnosedAt: 500,
        recoveredAt: 900,
      },
      triggers: [{ name: "spike", kind: "fault" as const, start: 100, end: 160 }],
      operators: [
        { name: "block", type: "block", at: 600 },
        { name: "never", type: "add-capacity", at: null },
      ],
    };
    expect(chartMarkers(summary)).toEqual([
      { t: 100, kind: "trigger", label: "spike starts" },
      { t: 160, kind: "trigger", label: "spike ends" },
      { t: 200, kind: "detection", label: "detected (metric-alarm)" },
      { t: 500, kind: "diagnosis", label: "diagnosed" },
      { t: 600, kind: "operator", label: "block (block)" },
      { t: 900, kind: "recovery", label: "recovered" },
    ]);
  });

  it("falls back to the verdict's trigger window when the summary lists no triggers", () => {
    const s = fakeRun(fakeLoad("fake"), { seed: 1 }).summary;
    const m = chartMarkers({
      ...s,
      triggers: [],
      operators: [],
      verdict: {
        ...s.verdict,
        triggerStart: 10,
        triggerEnd: 10,
        detectedAt: null,
        diagnosedAt: null,
        recoveredAt: null,
      },
    });
    expect(m).toEqual([{ t: 10, kind: "trigger", label: "trigger" }]);
  });
});

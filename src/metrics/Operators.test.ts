import { describe, expect, it } from "vitest";
import type { MonitoringSpec } from "../spec/MonitoringSpec.js";
import type { OperatorActionSpec } from "../spec/OperatorsSpec.js";
import { type OperatorMonitor, Operators } from "./Operators.js";

/**
 * The `sustained` and `sustained-diagnosis` anchors on a scripted monitor (fresh data, a metric alarm at 60 s, an
 * impact from 60 s to `impactEnd`) and one fault ending at 600 s, with 60 s intervals. Sustained is the end of the
 * first interval wholly after the fault's end with an impact (660 s); its diagnosis accrues afresh at 1 / visible
 * (300 s) from 660 s: done at 960 s, so a step 30 s after it runs at 990 s. An impact that ends with the fault is not sustained.
 */
const DT = 60;
const FAULT_END = 600;

function run(impactEnd: number, faultsEnd = FAULT_END) {
  let now = 0;
  const monitor: OperatorMonitor = {
    spec: { alarms: { noData: { after: 1e9 } }, slowChannel: { delay: 1e9 } } as unknown as MonitoringSpec,
    metricAlarmAt: 60,
    staleness: () => 0,
    blind: () => false,
    impacted: () => now > 60 && now <= impactEnd,
  };
  const timers: [number, () => void][] = [];
  const applied: [OperatorActionSpec["type"], number][] = [];
  const ops = new Operators(
    {
      diagnosis: { visible: 300, blind: 900 },
      runbook: {
        fix: { after: "sustained-diagnosis", delay: 30, do: { type: "scale", service: "x", servers: 2 } },
        look: { after: "sustained", delay: 0, do: { type: "scale", service: "x", servers: 3 } },
      },
    },
    monitor,
    {
      scheduleAt: (at, fn) => timers.push([at, fn]),
      apply: (a) => applied.push([a.type, now]),
    },
    "2024-01-01T00:00:00Z",
    faultsEnd,
  );
  for (now = DT; now <= 3600; now += DT) {
    ops.onTick(now, DT);
    for (const [at, fn] of timers.splice(0)) {
      const keep = now;
      now = at;
      fn();
      now = keep;
    }
  }
  return { ops, steps: Object.fromEntries(ops.steps.map((s) => [s.name, s.at])) };
}

describe("Operators: the sustained anchors", () => {
  it("an impact that outlives every fault is sustained, then diagnosed afresh", () => {
    const { ops, steps } = run(3600);
    expect(ops.diagnosedAt).toBe(60 + 300); // the first diagnosis: accrued from the detection at 60 s
    expect(ops.sustainedAt).toBe(FAULT_END + DT);
    expect(ops.sustainedDiagnosedAt).toBe(FAULT_END + DT + 300);
    expect(steps).toEqual({ fix: FAULT_END + DT + 300 + 30, look: FAULT_END + DT });
  });

  it("an impact that ends with the fault, or a run without faults, is never sustained", () => {
    for (const r of [run(FAULT_END), run(3600, Number.NaN)]) {
      expect(r.ops.sustainedAt).toBeNull();
      expect(r.steps).toEqual({ fix: null, look: null });
    }
  });
});

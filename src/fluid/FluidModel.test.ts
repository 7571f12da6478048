import { describe, expect, it } from "vitest";
import { runScenario } from "../experiments/runScenario.js";
import { defineScenario, type RawScenario } from "../scenario/index.js";
import { loadScenario } from "../scenario/loadScenario.js";
import { FluidModel } from "./FluidModel.js";

const AWS = "aws-us-east-1-2021-12-07";

describe("FluidModel", () => {
  it("multi-rate step: each fleet steps as coarsely as its own smallest timeout allows (10 steps per it)", () => {
    const s = loadScenario(AWS, { scale: 0.02 });
    const on = new FluidModel(s, 600);
    const off = new FluidModel(s, 600, { multiRate: false });
    const every = (m: FluidModel) => Object.fromEntries(m.callers.map((c) => [c.name, c.every]));
    // dns-lookups' 1 s timeout sets the model's step (0.1 s); the 5 s fleets step every 0.5 s; dependency calls
    // (1 s and 2 s timeouts) at the model's step.
    expect(on.dt).toBeCloseTo(0.1, 12);
    expect(every(on)).toMatchObject({
      "internal-clients": 5,
      "dns-lookups": 1,
      "customer-api": 5,
      "ec2-api.dns": 1,
    });
    for (const c of on.callers) expect(c.timeout / c.dt).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(Object.values(every(off)).every((e) => e === 1)).toBe(true);
  });

  it("multi-rate step: the verdict, recovery and goodput lost of the single-rate run (2021, 2 h), deterministic", () => {
    const s = loadScenario(AWS, { scale: 0.02 });
    const run = (multiRate: boolean) => runScenario(s, { engine: "fluid", until: 7200, multiRate }).summary;
    const on = run(true);
    const off = run(false);
    expect(on.stepSeconds).toBe(off.stepSeconds);
    const v = (x: typeof on) => {
      const { goodputLostSeconds, ...rest } = x.verdict;
      return { rest, goodputLostSeconds };
    };
    expect(v(on).rest).toEqual(v(off).rest);
    // Measured: 5400 s lost in both (the outage lasts past the 2 h end).
    expect(Math.abs(v(on).goodputLostSeconds - v(off).goodputLostSeconds)).toBeLessThanOrEqual(1);
    const { timing: _a, ...a } = on;
    const { timing: _b, ...b } = run(true);
    expect(b).toEqual(a);
  }, 60_000);

  it("reads services.*.plane: a dependent on a control-plane service's data plane keeps working in its outage", () => {
    const outage = (plane: string) => {
      const s = loadScenario(AWS, {
        scale: 0.02,
        set: { "dependents.ticketmaster.requires.0.of.0.plane": plane },
      });
      const r = runScenario(s, { engine: "fluid", until: 7200 }).summary;
      expect(r.services["ec2-api"]!.outageSeconds).toBeGreaterThan(0);
      return r.dependents.ticketmaster!.outageSeconds;
    };
    // ec2-api is `plane: control`: its outage breaks what uses its control plane only (measured: 5400 s and 0 s).
    expect(outage("control")).toBeGreaterThan(0);
    expect(outage("data")).toBe(0);
  }, 60_000);

  it("host replacement waits while a hard dependency is down for a restart (automation), as in the event model", () => {
    // a fails (an error fault, 1-2 min) and loses both hosts after failAfter; b, its hard dependency, is restarted at
    // 1m30s for 3 min. Nobody else calls b, so its out flag cannot tell that it is down: replacement must wait for the
    // restart to end (4m30s), then the two hosts are replaced one at a time (30 s each).
    const raw = {
      name: "replace-after-restart",
      description: "a health-checked service whose hard dependency restarts",
      start: "2024-01-01T00:00:00Z",
      interval: "10s",
      duration: "6m",
      networks: { n: {} },
      services: {
        a: {
          network: "n",
          servers: 2,
          serviceTime: { type: "exponential", mean: "50ms" },
          queueLimit: 20,
          dependencies: { b: { service: "b", timeout: "1s" } },
          healthCheck: { failAfter: "30s", replace: "30s" },
        },
        b: { network: "n", servers: 2, serviceTime: { type: "exponential", mean: "10ms" }, queueLimit: 20 },
      },
      fleets: {
        users: {
          network: "n",
          target: "a",
          clients: 10,
          load: { type: "open", rate: "1/s" },
          timeout: "2s",
          retry: { maxAttempts: 1 },
        },
      },
      faults: { "a-errors": { target: "a", start: "1m", end: "2m", errorRate: 1 } },
      automation: {
        "restart-b": {
          at: "1m30s",
          trigger: false,
          action: { type: "restart", service: "b", duration: "3m" },
        },
      },
    } as unknown as RawScenario;
    const hostsOut = (engine: "fluid" | "event") =>
      runScenario(defineScenario(raw), { engine }).series.columns["service.a.hostsOut"]!;
    const fluid = hostsOut("fluid");
    // Out from the interval after 1 min, taken out at 100 s; the first replacement starts at 270 s (b up again).
    expect(fluid.slice(9, 30).every((v) => v === 2)).toBe(true);
    expect(fluid.slice(30, 33)).toEqual([1, 1, 1]);
    expect(fluid.slice(33)).toEqual([0, 0, 0]);
    // The event model (seed 1) by the same rule: measured identical.
    expect(fluid).toEqual(hostsOut("event"));
  });

  it("runs the steps after sustained and sustained-diagnosis as the event model does", () => {
    // s's error fault (1-2 min) hides that automation shrinks it to 1 server at 1m30s: once the fault ends, s is
    // overloaded (10 requests/s against 10/s of capacity), so the impact outlives every fault (sustained). Operators
    // stop the automation after `sustained` and scale s back once that is diagnosed (without the sustained anchors,
    // neither step would run).
    const raw = {
      name: "sustained",
      description: "an outage that outlives its fault",
      start: "2024-01-01T00:00:00Z",
      interval: "10s",
      duration: "8m",
      networks: { n: {} },
      services: {
        s: { network: "n", servers: 4, serviceTime: { type: "exponential", mean: "100ms" }, queueLimit: 40 },
      },
      fleets: {
        users: {
          network: "n",
          target: "s",
          clients: 20,
          load: { type: "open", rate: "0.5/s" },
          timeout: "1s",
          retry: { maxAttempts: 1 },
        },
      },
      faults: { "s-errors": { target: "s", start: "1m", end: "2m", errorRate: 1 } },
      automation: {
        shrink: { at: "1m30s", trigger: false, action: { type: "scale", service: "s", servers: 1 } },
        "shrink-again": { at: "5m", trigger: false, action: { type: "scale", service: "s", servers: 1 } },
      },
      monitoring: { network: "n", sources: ["users"], alarms: { errorRatio: { for: "10s" } } },
      operators: {
        diagnosis: { visible: "1m", blind: "3m" },
        runbook: {
          "stop-shrinking": {
            after: "sustained",
            delay: "30s",
            do: { type: "disable-automation", name: "shrink-again" },
          },
          regrow: {
            after: "sustained-diagnosis",
            delay: "0s",
            do: { type: "scale", service: "s", servers: 4 },
          },
        },
      },
    } as unknown as RawScenario;
    const steps = (engine: "fluid" | "event") =>
      runScenario(defineScenario(raw), { engine }).summary.operators.map((o) => [o.name, o.at]);
    const fluid = steps("fluid");
    // Sustained at the end of the first interval wholly after the fault with an impact (130 s); its diagnosis accrues
    // afresh at 1 / visible (1 min) while monitoring is fresh: done at 190 s.
    expect(fluid).toEqual([
      ["stop-shrinking", 160],
      ["regrow", 190],
    ]);
    // The event model (seed 1): measured identical.
    expect(fluid).toEqual(steps("event"));
  });
});

import { describe, expect, it } from "vitest";
import { exitWithError } from "../../src/cli/exitWithError.js";
import { E_LAB_INTERRUPTED, E_LAB_RESOURCE, findHaproxy, runLab } from "../../src/lab/runLab.js";
import { loadScenario } from "../../src/scenario/loadScenario.js";

/** The lab needs Debian's haproxy: CI installs it (.ci/run) and fails without it; locally the tests skip. */
let haveHaproxy = true;
try {
  findHaproxy();
} catch {
  haveHaproxy = false;
  if (process.env["CI"]) throw new Error("haproxy is missing (apt-get install -y haproxy)");
  console.warn("test/lab: haproxy not found, skipping the lab tests (apt-get install -y haproxy)");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!haveHaproxy)("stampede lab on loopback (real processes, real time)", () => {
  it("storms in real processes with the no-backoff defect: metastable, goodput held down by reconnects", async () => {
    const r = await runLab(loadScenario("lab-reconnect-storm", { variant: "no-backoff" }), { seed: 1 });
    const s = r.summary;
    expect(s.engine).toBe("lab");
    expect(s.events).toBeNull();
    expect(s.lab?.unreliable).toBe(false);
    expect(s.lab?.processes.length).toBeGreaterThanOrEqual(2);
    expect(s.verdict.baselineGoodput).toBeGreaterThan(200);
    expect(s.verdict.metastable).toBe(true);
    expect(s.verdict.sustained).toBe(true);
    expect(s.links["proxy"]!.peakQueue).toBeGreaterThanOrEqual(100);
  });

  it("recovers with capped, jittered reconnects", async () => {
    const r = await runLab(loadScenario("lab-reconnect-storm", { variant: "backoff" }), { seed: 1 });
    const s = r.summary;
    expect(s.lab?.unreliable).toBe(false);
    expect(s.verdict.metastable).toBe(false);
    expect(s.verdict.recoveredAt).not.toBeNull();
  });

  const small = () => loadScenario("lab-reconnect-storm", { set: { "fleets.devices.clients": "40" } });

  it("leaves no haproxy or child process alive when interrupted", async () => {
    const ac = new AbortController();
    let pids: number[] = [];
    const run = runLab(small(), {
      seed: 1,
      signal: ac.signal,
      onStarted: (p) => {
        pids = p;
        setTimeout(() => ac.abort(), 500);
      },
    });
    await expect(run).rejects.toMatchObject({ code: E_LAB_INTERRUPTED });
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.filter(alive)).toEqual([]);
  });

  it("ends as a lab failure, every process gone, when a child crashes", async () => {
    let pids: number[] = [];
    const run = runLab(small(), {
      seed: 1,
      onStarted: (p) => {
        pids = p;
        setTimeout(() => process.kill(p[p.length - 1]!, "SIGKILL"), 500);
      },
    });
    await expect(run).rejects.toMatchObject({ code: E_LAB_RESOURCE });
    expect(pids.filter(alive)).toEqual([]);
  });
});

describe("stampede lab without haproxy", () => {
  it("exits 4 with the install hint", () => {
    let err: unknown;
    try {
      findHaproxy("/nonexistent");
    } catch (e) {
      err = e;
    }
    expect((err as { message: string }).message).toMatch(/apt-get install -y haproxy/);
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(exitWithError(err)).toBe(4);
    } finally {
      process.stderr.write = write;
    }
  });
});

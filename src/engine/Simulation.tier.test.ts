import { describe, expect, it } from "vitest";
import { Simulation } from "./Simulation.js";
import { Xoshiro128 } from "./Xoshiro128.js";

/** A simulation whose single kind logs `target` with the time into `log`. */
function logging() {
  const sim = new Simulation({ seed: 1 });
  const log: [number, number][] = [];
  const kind = sim.register((target) => log.push([sim.now(), target]), "log");
  return { sim, log, kind };
}

describe("Simulation urgent tier", () => {
  it("runs an urgent event before normal events at the same time, whatever the scheduling order", () => {
    const { sim, log, kind } = logging();
    sim.at(1, kind, 1, 0);
    sim.inLane(sim.lane(1), kind, 2, 0);
    sim.urgentAt(1, kind, 3, 0);
    sim.at(0.5, kind, 4, 0);
    sim.urgentAt(1, kind, 5, 0);
    sim.run();
    expect(log).toEqual([
      [0.5, 4],
      [1, 3],
      [1, 5],
      [1, 1],
      [1, 2],
    ]);
  });

  it("orders by (time, tier, seq) across the heap and a lane on random schedules", () => {
    const { sim, log, kind } = logging();
    const lane = sim.lane(1);
    const rng = new Xoshiro128(9);
    const expected: { time: number; tier: number; seq: number }[] = [];
    let seq = 0;
    const driver = sim.register((n) => {
      if (n <= 0) return;
      for (let i = 0; i < 4; i++) {
        const r = rng.nextUint32() % 3;
        const id = seq++;
        const t = sim.now() + (rng.nextUint32() % 4) / 2;
        if (r === 0) {
          sim.urgentAt(t, kind, id, 0);
          expected.push({ time: t, tier: 0, seq: id });
        } else if (r === 1) {
          sim.at(t, kind, id, 0);
          expected.push({ time: t, tier: 1, seq: id });
        } else {
          sim.inLane(lane, kind, id, 0);
          expected.push({ time: sim.now() + 1, tier: 1, seq: id });
        }
      }
      sim.urgentAt(sim.now() + 0.5, driver, n - 1, 0);
    });
    sim.at(0, driver, 100, 0);
    sim.run();
    expected.sort((a, b) => a.time - b.time || a.tier - b.tier || a.seq - b.seq);
    expect(log).toEqual(expected.map((e) => [e.time, e.seq]));
  });

  it("cancels urgent events like any other", () => {
    const { sim, log, kind } = logging();
    const h = sim.urgentAt(2, kind, 1, 0);
    sim.at(2, kind, 2, 0);
    expect(sim.cancel(h)).toBe(true);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(log).toEqual([[2, 2]]);
  });

  it("refuses urgent events in the past", () => {
    const { sim, kind } = logging();
    sim.run({ until: 5 });
    expect(() => sim.urgentAt(4, kind, 0, 0)).toThrow(/before now/);
  });
});

import { describe, expect, it } from "vitest";
import { StampedeError } from "../core/StampedeError.js";
import { Simulation } from "./Simulation.js";
import { Xoshiro128 } from "./Xoshiro128.js";

/** A simulation whose single kind logs `target` with the time into `log`. */
function logging(options: { initialCapacity?: number } = {}) {
  const sim = new Simulation({ seed: 1, ...options });
  const log: [number, number][] = [];
  const kind = sim.register((target) => log.push([sim.now(), target]), "log");
  return { sim, log, kind };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof StampedeError) return e.code;
    throw e;
  }
  return undefined;
}

describe("Simulation ordering", () => {
  it("runs same-time events in scheduling order", () => {
    const { sim, log, kind } = logging();
    for (let i = 0; i < 50; i++) sim.at(3, kind, i, 0);
    sim.run();
    expect(log.map(([, t]) => t)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(sim.now()).toBe(3);
  });

  it("orders by (time, seq) across the heap and several lanes", () => {
    const { sim, log, kind } = logging();
    const l1 = sim.lane(1);
    const l2 = sim.lane(2);
    expect(sim.lane(1)).toBe(l1);
    const rng = new Xoshiro128(5);
    const expected: { time: number; seq: number }[] = [];
    let seq = 0;
    // schedule from inside events so the lanes see a moving clock; times collide on a 0.5 s grid
    const driver = sim.register((n) => {
      if (n <= 0) return;
      for (let i = 0; i < 3; i++) {
        const r = rng.nextUint32() % 3;
        const id = seq++;
        if (r === 0) {
          const d = (rng.nextUint32() % 6) / 2;
          sim.after(d, kind, id, 0);
          expected.push({ time: sim.now() + d, seq: id });
        } else {
          sim.inLane(r === 1 ? l1 : l2, kind, id, 0);
          expected.push({ time: sim.now() + r, seq: id });
        }
      }
      sim.after(0.5, driver, n - 1, 0);
    });
    sim.at(0, driver, 200, 0);
    sim.run();
    expected.sort((a, b) => a.time - b.time || a.seq - b.seq);
    expect(log).toEqual(expected.map((e) => [e.time, e.seq]));
  });

  it("orders the handle-free calls (postAt, postAfter, postInLane) exactly as at, after and inLane", () => {
    // The same schedule twice, once with each family: the event logs are identical, and so are the handles the
    // later calls get (the handle-free calls use the same sequence numbers and slots).
    const schedule = (post: boolean) => {
      const { sim, log, kind } = logging({ initialCapacity: 4 });
      const lane = sim.lane(1.5);
      const handles: number[] = [];
      const driver = sim.register((n) => {
        if (n <= 0) return;
        if (post) {
          sim.postAt(sim.now() + 1.5, kind, n * 10, 0);
          sim.postAfter(1.5, kind, n * 10 + 1, 0);
          sim.postInLane(lane, kind, n * 10 + 2, 0);
        } else {
          sim.at(sim.now() + 1.5, kind, n * 10, 0);
          sim.after(1.5, kind, n * 10 + 1, 0);
          sim.inLane(lane, kind, n * 10 + 2, 0);
        }
        handles.push(sim.after(0.5, driver, n - 1, 0));
      });
      sim.at(0, driver, 20, 0);
      sim.run();
      return { log, handles };
    };
    const withHandles = schedule(false);
    expect(withHandles.log).toHaveLength(60);
    expect(schedule(true)).toEqual(withHandles);
  });

  it("gives step() and run() the same order", () => {
    const build = () => {
      const { sim, log, kind } = logging();
      const lane = sim.lane(0.25);
      for (let i = 0; i < 40; i++) {
        if (i % 3 === 0) sim.inLane(lane, kind, i, 0);
        else sim.at((i % 7) / 8, kind, i, 0);
      }
      return { sim, log };
    };
    const a = build();
    a.sim.run();
    const b = build();
    while (b.sim.step()) {
      // one event per call
    }
    expect(b.log).toEqual(a.log);
    expect(b.sim.step()).toBe(false);
  });

  it("passes target and payload through unchanged", () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const k = sim.register((t, p) => seen.push(t, p));
    sim.after(1, k, 2147483647, 0.1);
    sim.after(2, k, -5, -1e300);
    sim.run();
    expect(seen).toEqual([2147483647, 0.1, -5, -1e300]);
  });

  it("names kinds", () => {
    const { sim, kind } = logging();
    expect(sim.kindName(kind)).toBe("log");
    expect(sim.kindName(0)).toBe("callback");
    expect(sim.kindName(99)).toBe("unknown(99)");
  });
});

describe("Simulation cancellation", () => {
  it("cancels heap and lane events lazily and counts pending without them", () => {
    const { sim, log, kind } = logging();
    const lane = sim.lane(5);
    const a = sim.at(1, kind, 1, 0);
    const b = sim.inLane(lane, kind, 2, 0);
    sim.at(2, kind, 3, 0);
    expect(sim.pending).toBe(3);
    expect(sim.cancel(a)).toBe(true);
    expect(sim.cancel(b)).toBe(true);
    expect(sim.pending).toBe(1);
    expect(sim.cancel(a)).toBe(false);
    expect(sim.run()).toBe(1);
    expect(log).toEqual([[2, 3]]);
    expect(sim.pending).toBe(0);
  });

  it("treats handles of events that ran, and of reused slots, as stale", () => {
    const { sim, log, kind } = logging({ initialCapacity: 1 });
    const h1 = sim.at(1, kind, 1, 0);
    sim.run();
    const h2 = sim.at(2, kind, 2, 0); // reuses h1's slot with a new generation
    expect(sim.cancel(h1)).toBe(false);
    for (const junk of [123456789, -1, 0.5, Number.NaN, 2 ** 60]) expect(sim.cancel(junk)).toBe(false);
    sim.run();
    expect(log).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(sim.cancel(h2)).toBe(false);
  });

  it("lets a handler cancel a later event at the same time", () => {
    const { sim, log, kind } = logging();
    let victim = 0;
    const killer = sim.register(() => {
      expect(sim.cancel(victim)).toBe(true);
    });
    sim.at(1, killer, 0, 0);
    victim = sim.at(1, kind, 9, 0);
    sim.at(1, kind, 10, 0);
    sim.run();
    expect(log).toEqual([[1, 10]]);
  });

  it("cancels cold-path callbacks", () => {
    const sim = new Simulation();
    const ran: string[] = [];
    const h = sim.schedule(1, () => ran.push("a"));
    sim.schedule(2, () => ran.push("b"));
    expect(sim.cancel(h)).toBe(true);
    sim.run();
    expect(ran).toEqual(["b"]);
    expect(sim.events).toBe(1);
  });
});

describe("Simulation run({ until }) and stop", () => {
  it("runs events at exactly `until`, leaves later ones and parks the clock at `until`", () => {
    const { sim, log, kind } = logging();
    sim.at(1, kind, 1, 0);
    sim.at(2, kind, 2, 0);
    sim.at(3, kind, 3, 0);
    expect(sim.run({ until: 2 })).toBe(2);
    expect(sim.now()).toBe(2);
    expect(sim.pending).toBe(1);
    expect(sim.run({ until: 2.5 })).toBe(0);
    expect(sim.now()).toBe(2.5);
    expect(sim.run()).toBe(1);
    expect(log.map(([t]) => t)).toEqual([1, 2, 3]);
    expect(sim.events).toBe(3);
  });

  it("does not move the clock back when `until` is in the past", () => {
    const { sim, kind } = logging();
    sim.at(4, kind, 0, 0);
    sim.run();
    expect(sim.run({ until: 1 })).toBe(0);
    expect(sim.now()).toBe(4);
  });

  it("leaves the clock at the last event when the queue empties without `until`", () => {
    const { sim, kind } = logging();
    sim.at(7, kind, 0, 0);
    sim.run();
    expect(sim.now()).toBe(7);
  });

  it("never runs events scheduled at Infinity", () => {
    const { sim, log, kind } = logging();
    sim.after(Number.POSITIVE_INFINITY, kind, 0, 0);
    expect(sim.run()).toBe(0);
    expect(log).toEqual([]);
    expect(sim.pending).toBe(1);
  });

  it("stop() returns after the current event and keeps the clock there", () => {
    const sim = new Simulation();
    let n = 0;
    const k = sim.register(() => {
      if (++n === 3) sim.stop();
    });
    for (let i = 1; i <= 5; i++) sim.at(i, k, 0, 0);
    expect(sim.run({ until: 10 })).toBe(3);
    expect(sim.now()).toBe(3);
    expect(sim.run({ until: 10 })).toBe(2);
    expect(sim.now()).toBe(10);
  });
});

describe("Simulation misuse", () => {
  it("rejects a time in the past, NaN times and delays, negative delays and unknown kinds with stable codes", () => {
    const { sim, kind } = logging();
    sim.at(5, kind, 0, 0);
    sim.run();
    expect(codeOf(() => sim.at(4, kind, 0, 0))).toBe("E_TIME_IN_PAST");
    expect(codeOf(() => sim.at(Number.NaN, kind, 0, 0))).toBe("E_INVALID_TIME");
    expect(codeOf(() => sim.after(Number.NaN, kind, 0, 0))).toBe("E_INVALID_TIME");
    expect(codeOf(() => sim.after(-1, kind, 0, 0))).toBe("E_NEGATIVE_DELAY");
    expect(codeOf(() => sim.schedule(-1, () => {}))).toBe("E_NEGATIVE_DELAY");
    expect(codeOf(() => sim.lane(-1))).toBe("E_NEGATIVE_DELAY");
    expect(codeOf(() => sim.lane(Number.POSITIVE_INFINITY))).toBe("E_NEGATIVE_DELAY");
    expect(codeOf(() => sim.at(6, 0, 0, 0))).toBe("E_UNKNOWN_KIND");
    expect(codeOf(() => sim.after(1, 99, 0, 0))).toBe("E_UNKNOWN_KIND");
    expect(codeOf(() => sim.inLane(sim.lane(1), 99, 0, 0))).toBe("E_UNKNOWN_KIND");
    expect(codeOf(() => sim.inLane(42, kind, 0, 0))).toBe("E_UNKNOWN_LANE");
    expect(codeOf(() => sim.run({ until: Number.NaN }))).toBe("E_INVALID_TIME");
    // the handle-free calls refuse the same misuse with the same codes
    expect(codeOf(() => sim.postAt(4, kind, 0, 0))).toBe("E_TIME_IN_PAST");
    expect(codeOf(() => sim.postAt(Number.NaN, kind, 0, 0))).toBe("E_INVALID_TIME");
    expect(codeOf(() => sim.postAfter(Number.NaN, kind, 0, 0))).toBe("E_INVALID_TIME");
    expect(codeOf(() => sim.postAfter(-1, kind, 0, 0))).toBe("E_NEGATIVE_DELAY");
    expect(codeOf(() => sim.postAt(6, 0, 0, 0))).toBe("E_UNKNOWN_KIND");
    expect(codeOf(() => sim.postAfter(1, 99, 0, 0))).toBe("E_UNKNOWN_KIND");
    expect(codeOf(() => sim.postInLane(sim.lane(1), 99, 0, 0))).toBe("E_UNKNOWN_KIND");
    expect(codeOf(() => sim.postInLane(42, kind, 0, 0))).toBe("E_UNKNOWN_LANE");
    expect(sim.pending).toBe(0);
  });

  it("rejects re-entrant run() and step() and stays usable afterwards", () => {
    const sim = new Simulation();
    const codes: (string | undefined)[] = [];
    const k = sim.register(() => {
      codes.push(codeOf(() => sim.run()));
      codes.push(codeOf(() => sim.step()));
    });
    sim.at(1, k, 0, 0);
    sim.run();
    expect(codes).toEqual(["E_REENTRANT", "E_REENTRANT"]);
    sim.at(2, k, 0, 0);
    expect(sim.step()).toBe(true);
  });

  it("propagates a handler's exception and stays usable", () => {
    const { sim, log, kind } = logging();
    const boom = sim.register(() => {
      throw new Error("boom");
    });
    sim.at(1, boom, 0, 0);
    sim.at(2, kind, 2, 0);
    expect(() => sim.run()).toThrow("boom");
    expect(sim.run()).toBe(1);
    expect(log).toEqual([[2, 2]]);
  });
});

describe("Simulation pools", () => {
  it("grows its slot pool, heap and lanes far past the initial capacity", () => {
    const { sim, log, kind } = logging({ initialCapacity: 2 });
    const lane = sim.lane(0.5);
    const handles: number[] = [];
    for (let i = 0; i < 3000; i++) {
      handles.push(sim.at(3000 - i, kind, i, 0));
      handles.push(sim.inLane(lane, kind, 10000 + i, 0));
    }
    expect(sim.pending).toBe(6000);
    for (let i = 0; i < handles.length; i += 3) expect(sim.cancel(handles[i]!)).toBe(true);
    expect(sim.run()).toBe(4000);
    const times = log.map(([t]) => t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(log.filter(([, id]) => id < 10000)).toHaveLength(2000);
    expect(log.filter(([, id]) => id >= 10000)).toHaveLength(2000);
    // slots are reused: a second wave of the same size does not need new ones
    for (let i = 0; i < 6000; i++) sim.after(1, kind, i, 0);
    expect(sim.run()).toBe(6000);
  });
});

describe("Simulation determinism", () => {
  /** A small stochastic model (3 kinds, heap and a lane, cancellations) whose trace is serialised to bytes. */
  function traceBytes(seed: number): Uint8Array {
    const sim = new Simulation({ seed });
    const rng = sim.rng("model");
    const rows: number[] = [];
    sim.trace = (time, kind, target, payload) => rows.push(time, kind, target, payload);
    const timeout = sim.lane(2);
    const handles = new Float64Array(10);
    let done = 0;
    let req = 0;
    let to = 0;
    const respond = sim.register((c) => {
      sim.cancel(handles[c]!);
      sim.after(-Math.log(rng.next()), req, c, 0);
    });
    to = sim.register((c) => sim.after(0.1, req, c, 1));
    req = sim.register((c, retry) => {
      if (++done > 2000) return;
      handles[c] = sim.inLane(timeout, to, c, 0);
      sim.after(-Math.log(rng.next()) * (retry ? 3 : 1.5), respond, c, 0);
    });
    for (let c = 0; c < 10; c++) sim.at(0, req, c, 0);
    sim.run();
    return new Uint8Array(Float64Array.from(rows).buffer);
  }

  it("gives a byte-identical event trace for the same seed and a different one for another seed", () => {
    const a = traceBytes(11);
    expect(a.length).toBeGreaterThan(4 * 8 * 2000);
    expect(Buffer.from(traceBytes(11)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(traceBytes(12)).equals(Buffer.from(a))).toBe(false);
  });

  it("derives named streams independently of the order of creation and of draws", () => {
    const s1 = new Simulation({ seed: 3 });
    const a1 = s1.rng("fleet/a");
    for (let i = 0; i < 10; i++) a1.next();
    const b1 = s1.rng("fleet/b");
    const s2 = new Simulation({ seed: 3 });
    const b2 = s2.rng("fleet/b");
    const draws = (r: { nextUint32(): number }) => Array.from({ length: 8 }, () => r.nextUint32());
    expect(draws(b2)).toEqual(draws(b1));
    expect(draws(s2.rng("fleet/a"))).not.toEqual(draws(s2.rng("fleet/b")));
    expect(draws(new Simulation({ seed: 4 }).rng("fleet/b"))).not.toEqual(draws(s2.rng("fleet/b")));
  });
});

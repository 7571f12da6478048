import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { DeviceGroup, DROPPED } from "./DeviceGroup.js";

const spec = {
  between: ["a", "b"] as [string, string],
  devices: 1,
  forwardRate: 100,
  setupRate: 10,
  buffer: 3,
  latency: 0.001,
};

describe("DeviceGroup", () => {
  it("computes FIFO completion times at enqueue from the job costs", () => {
    const g = new DeviceGroup("nat", spec, new Xoshiro128(1));
    expect(g.enqueue(0, 0, true, 10, 0)).toBeCloseTo(0.1, 12); // a setup costs 1/10 s
    expect(g.enqueue(0, 0, false, 10, 0)).toBeCloseTo(0.11, 12); // a forward 1/100 s, behind it
    expect(g.enqueue(0, 0.5, false, 10, 0)).toBeCloseTo(0.51, 12); // idle again: starts at once
  });

  it("drops a job that finds the buffer full, and frees places as jobs complete", () => {
    const g = new DeviceGroup("nat", spec, new Xoshiro128(1));
    for (let i = 0; i < 3; i++) expect(g.enqueue(0, 0, true, 10, 0)).not.toBe(DROPPED);
    expect(g.enqueue(0, 0, true, 10, 0)).toBe(DROPPED);
    expect(g.queueLength(0)).toBe(3);
    expect(g.queueLength(0.15)).toBe(2); // the first setup completed at 0.1
    expect(g.enqueue(0, 0.15, true, 10, 0)).toBeCloseTo(0.4, 12);
    expect(g.counts.now.drops).toBe(1);
  });

  it("counts work as wasted when its result would reach the caller after its deadline", () => {
    const g = new DeviceGroup("nat", spec, new Xoshiro128(1));
    g.enqueue(0, 0, true, 0.15, 0.01); // done 0.1 + 0.01 <= 0.15: useful
    g.enqueue(0, 0, true, 0.15, 0.01); // done 0.2 + 0.01 > 0.15: wasted
    expect(g.counts.now.wastedWork).toBeCloseTo(0.1, 12);
    expect(g.counts.now.admittedWork).toBeCloseTo(0.2, 12);
  });

  it("measures utilisation as work done over elapsed device time, backlog excluded", () => {
    const g = new DeviceGroup("nat", { ...spec, buffer: 100 }, new Xoshiro128(1));
    for (let i = 0; i < 20; i++) g.enqueue(0, 0, true, 100, 0); // 2 s of work admitted at time 0
    expect(g.utilisationSinceTick(1, 1)).toBeCloseTo(1, 12);
    expect(g.utilisationSinceTick(4, 3)).toBeCloseTo(1 / 3, 12);
  });

  it("with queues: separate, keeps requests out of the setups' buffer and queue (each kind its own FIFO)", () => {
    const g = new DeviceGroup("nat", { ...spec, queues: "separate" }, new Xoshiro128(1));
    for (let i = 0; i < 3; i++) g.enqueue(0, 0, true, 10, 0); // setups fill their buffer: done at 0.1, 0.2, 0.3
    expect(g.enqueue(0, 0, true, 10, 0)).toBe(DROPPED);
    expect(g.enqueue(0, 0, false, 10, 0)).toBeCloseTo(0.01, 12); // a request is not behind them, nor dropped
    for (let i = 0; i < 2; i++) g.enqueue(0, 0, false, 10, 0); // its own buffer of 3 is full now
    expect(g.enqueue(0, 0, false, 10, 0)).toBe(DROPPED);
    expect(g.queueLength(0)).toBe(6);
    expect(g.queueLength(0.05)).toBe(3); // the requests left by 0.03, the setups still wait
    expect(g.counts.now.drops).toBe(2);
    // utilisation: the busier server (setups, busy all of the first 0.3 s)
    expect(g.utilisationSinceTick(0.3, 0.3)).toBeCloseTo(1, 12);
    // devices added and removed carry both queues
    g.addDevices(1);
    expect(g.enqueue(1, 0.3, false, 10, 0)).toBeCloseTo(0.31, 12);
    expect(g.removeDevices(1)).toBe(1);
    expect(g.queueLength(0.35)).toBe(0);
  });

  it("with queues: shared (the default), requests wait behind setups in one buffer", () => {
    const shared = new DeviceGroup("nat", { ...spec, queues: "shared" }, new Xoshiro128(1));
    const dflt = new DeviceGroup("nat", spec, new Xoshiro128(1));
    for (const g of [shared, dflt]) {
      for (let i = 0; i < 2; i++) g.enqueue(0, 0, true, 10, 0);
      expect(g.enqueue(0, 0, false, 10, 0)).toBeCloseTo(0.21, 12);
      expect(g.enqueue(0, 0, false, 10, 0)).toBe(DROPPED);
    }
  });

  it("spreads new flows over added devices, and capacity grows with them", () => {
    const g = new DeviceGroup("nat", { ...spec, devices: 2 }, new Xoshiro128(7));
    expect(g.setupCapacity).toBe(20);
    g.addDevices(2);
    expect(g.setupCapacity).toBe(40);
    const seen = new Set<number>();
    const picks = new Xoshiro128(8);
    for (let i = 0; i < 200; i++) seen.add(g.pickDevice(picks));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it("drops everything while partitioned", () => {
    const g = new DeviceGroup("nat", spec, new Xoshiro128(1));
    g.partitioned = true;
    expect(g.enqueue(0, 0, false, 10, 0)).toBe(DROPPED);
  });

  it("crosses in its constant latency plus faults' added latency, drawing nothing", () => {
    const rng = new Xoshiro128(3);
    const g = new DeviceGroup("nat", { ...spec, devices: 4 }, rng, new Xoshiro128(4));
    g.addedLatency = 0.002;
    for (let i = 0; i < 10; i++) expect(g.crossing()).toBeCloseTo(0.003, 15);
    const ref = new Xoshiro128(3);
    expect(rng.next()).toBe(ref.next()); // the drop stream did not move
  });

  it("draws a distributed latency per crossing from its own stream, with the distribution's mean", () => {
    const lognormal = { type: "lognormal" as const, mean: 0.01, cv: 0.5 };
    const g = new DeviceGroup(
      "nat",
      { ...spec, devices: 4, latency: lognormal },
      new Xoshiro128(3),
      new Xoshiro128(4),
    );
    expect(g.latency).toBeCloseTo(0.01, 12);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => g.crossing());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - 0.01)).toBeLessThan((4 * sd) / Math.sqrt(n));
    // latency draws come from their own stream (the test's 4), never from the drop stream
  });
});

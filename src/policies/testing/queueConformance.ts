import { describe, expect, it } from "vitest";
import { makeQueue, type QueueConfig } from "../queue/makeQueue.js";
import { NONE, type RequestQueue } from "../queue/RequestQueue.js";
import type { ClockDriverFactory } from "./ClockDriver.js";

/** One queue discipline under test. */
export interface QueueCase {
  name: string;
  config(unit: number, limit: number): QueueConfig;
  /** Service order when the queue drains faster than it fills. */
  lightLoadOrder: "fifo" | "lifo";
}

/** Registers the shared RequestQueue conformance tests for every case on the given clock. */
export function queueConformance(
  clockName: string,
  driverFactory: ClockDriverFactory,
  cases: QueueCase[],
): void {
  describe(`RequestQueue conformance (${clockName} clock)`, () => {
    for (const c of cases) {
      describe(c.name, () => {
        it("returns NONE when empty", () => {
          const d = driverFactory();
          const q = makeQueue(c.config(d.unit, 10));
          expect(q.dequeue(d.clock.now())).toBe(NONE);
          expect(q.dropped).toBe(false);
          expect(q.size).toBe(0);
        });

        it(`serves in ${c.lightLoadOrder.toUpperCase()} order under light load`, () => {
          const d = driverFactory();
          const q = makeQueue(c.config(d.unit, 100));
          const now = d.clock.now();
          for (let id = 0; id < 5; id++) expect(q.enqueue(id, now)).toBe(NONE);
          const out: number[] = [];
          for (let id = q.dequeue(now); id !== NONE; id = q.dequeue(now)) {
            expect(q.dropped).toBe(false);
            expect(q.lastArrival).toBe(now);
            out.push(id);
          }
          expect(out).toEqual(c.lightLoadOrder === "fifo" ? [0, 1, 2, 3, 4] : [4, 3, 2, 1, 0]);
          expect(q.counters.served).toBe(5);
        });

        it("never holds more than its limit and reports what it sheds", () => {
          const d = driverFactory();
          const q = makeQueue(c.config(d.unit, 8));
          const shedEvents: number[] = [];
          q.onShed((id) => shedEvents.push(id));
          const now = d.clock.now();
          const shed: number[] = [];
          for (let id = 0; id < 20; id++) {
            const r = q.enqueue(id, now, 3);
            if (r !== NONE) shed.push(r);
            expect(q.size).toBeLessThanOrEqual(8);
          }
          expect(shed.length).toBe(12);
          expect(shedEvents).toEqual(shed);
          expect(q.counters.shed).toBe(12);
        });

        it("conserves requests: each id is served, dropped, shed or removed exactly once", async () => {
          const d = driverFactory();
          const rng = d.rng("ops");
          const q: RequestQueue = makeQueue(c.config(d.unit, 16));
          const fate = new Map<number, string>();
          let next = 0;
          for (let step = 0; step < 300; step++) {
            const now = d.clock.now();
            const r = rng.next();
            if (r < 0.55) {
              const id = next++;
              fate.set(id, "queued");
              const s = q.enqueue(id, now, Math.floor(rng.next() * 4));
              if (s !== NONE) {
                expect(fate.get(s)).toBe("queued");
                fate.set(s, "shed");
              }
            } else if (r < 0.95) {
              const id = q.dequeue(now);
              if (id !== NONE) {
                expect(fate.get(id)).toBe("queued");
                fate.set(id, q.dropped ? "dropped" : "served");
              }
            } else if (next > 0) {
              const id = Math.floor(rng.next() * next);
              const removed = q.remove(id);
              expect(removed).toBe(fate.get(id) === "queued");
              if (removed) fate.set(id, "removed");
            }
            if (step % 50 === 49) await d.advance(0.5 * d.unit);
          }
          const queued = [...fate.values()].filter((f) => f === "queued").length;
          expect(q.size).toBe(queued);
          const count = (f: string) => [...fate.values()].filter((v) => v === f).length;
          expect(q.counters.served).toBe(count("served"));
          expect(q.counters.dropped).toBe(count("dropped"));
          expect(q.counters.shed).toBe(count("shed"));
          for (let id = q.dequeue(d.clock.now()); id !== NONE; id = q.dequeue(d.clock.now()))
            fate.set(id, "out");
          expect([...fate.values()].includes("queued")).toBe(false);
        });
      });
    }
  });
}

import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../Xoshiro128.js";

/**
 * What the shared conformance suite needs from an event queue: entries are (time, seq, slot) triples, popped in
 * (time, seq) order. `peekTime`/`peekSeq` read the head without removing it.
 */
export interface QueueUnderTest {
  readonly size: number;
  push(time: number, seq: number, slot: number): void;
  pop(): number;
  peekTime(): number;
  peekSeq(): number;
  clear(): void;
}

/** Options of `describeEventQueue`. */
export interface ConformanceOptions {
  /**
   * True for queues that only accept entries in non-decreasing (time, seq) order (a FIFO timer lane). The suite then
   * feeds only such sequences; otherwise it feeds arbitrary times.
   */
  monotone?: boolean;
}

interface Entry {
  time: number;
  seq: number;
  slot: number;
}

function byTimeSeq(a: Entry, b: Entry): number {
  return a.time - b.time || a.seq - b.seq;
}

/**
 * The conformance suite every event queue of the engine passes (EventHeap, TimerLane, and any future ladder or
 * calendar queue). `make(initialCapacity)` returns a fresh, empty queue.
 */
export function describeEventQueue(
  name: string,
  make: (initialCapacity: number) => QueueUnderTest,
  options: ConformanceOptions = {},
): void {
  const monotone = options.monotone ?? false;

  /** n entries with times drawn on a coarse grid (so ties are frequent) and increasing seq. */
  function entries(n: number, seed: number): Entry[] {
    const rng = new Xoshiro128(seed);
    const out: Entry[] = [];
    let t = 0;
    for (let i = 0; i < n; i++) {
      if (monotone) t += rng.nextUint32() % 3 === 0 ? 0 : rng.next();
      else t = Math.floor(rng.next() * 50) / 4;
      out.push({ time: t, seq: i, slot: i });
    }
    return out;
  }

  function drain(q: QueueUnderTest): number[] {
    const out: number[] = [];
    while (q.size > 0) out.push(q.pop());
    return out;
  }

  describe(`${name} (event queue conformance)`, () => {
    it("starts empty", () => {
      expect(make(4).size).toBe(0);
    });

    it("pops in (time, seq) order and grows past its initial capacity", () => {
      const es = entries(5000, 1);
      const q = make(4);
      for (const e of es) q.push(e.time, e.seq, e.slot);
      expect(q.size).toBe(es.length);
      expect(drain(q)).toEqual([...es].sort(byTimeSeq).map((e) => e.slot));
      expect(q.size).toBe(0);
    });

    it("breaks ties in time by sequence number (scheduling order)", () => {
      const q = make(4);
      for (let i = 0; i < 100; i++) q.push(7.5, i, 100 + i);
      expect(drain(q)).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
    });

    it("peeks at the head without removing it", () => {
      const q = make(8);
      const es = entries(50, 2);
      for (const e of es) q.push(e.time, e.seq, e.slot);
      const first = [...es].sort(byTimeSeq)[0]!;
      expect(q.peekTime()).toBe(first.time);
      expect(q.peekSeq()).toBe(first.seq);
      expect(q.size).toBe(50);
      expect(q.pop()).toBe(first.slot);
    });

    it("keeps order when pushes and pops interleave (as in a running simulation)", () => {
      const rng = new Xoshiro128(3);
      const q = make(2);
      const model: Entry[] = [];
      let now = 0;
      let seq = 0;
      const popped: number[] = [];
      const expected: number[] = [];
      for (let step = 0; step < 4000; step++) {
        if (model.length > 0 && rng.next() < 0.45) {
          model.sort(byTimeSeq);
          const e = model.shift()!;
          now = e.time;
          expected.push(e.slot);
          expect(q.peekTime()).toBe(e.time);
          popped.push(q.pop());
        } else {
          // a lane's entries all share one delay after a clock that never goes back, so they arrive in order
          const time = monotone ? now + 1.5 : now + Math.floor(rng.next() * 8);
          const e = { time, seq, slot: seq };
          seq++;
          model.push(e);
          q.push(e.time, e.seq, e.slot);
        }
        expect(q.size).toBe(model.length);
      }
      expect(popped).toEqual(expected);
    });

    it("is empty and reusable after clear", () => {
      const q = make(4);
      for (const e of entries(20, 4)) q.push(e.time, e.seq, e.slot);
      q.clear();
      expect(q.size).toBe(0);
      q.push(1, 0, 42);
      expect(q.pop()).toBe(42);
      expect(q.size).toBe(0);
    });

    it("handles large, equal and zero times exactly", () => {
      const q = make(4);
      const times = monotone ? [0, 0, 1e-9, 1e9, 1e9, 1e300] : [1e300, 0, 1e9, 1e-9, 0, 1e9];
      for (const [i, t] of times.entries()) q.push(t, i, i);
      const expected = times.map((time, i) => ({ time, seq: i, slot: i })).sort(byTimeSeq);
      expect(drain(q)).toEqual(expected.map((e) => e.slot));
    });
  });
}

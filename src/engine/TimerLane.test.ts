import { describe, expect, it } from "vitest";
import { TimerLane } from "./TimerLane.js";
import { describeEventQueue } from "./testing/queueConformance.js";

describeEventQueue(
  "TimerLane",
  (cap) => {
    // ring buffers need a power-of-two capacity
    const l = new TimerLane(1.5, 2 ** Math.ceil(Math.log2(Math.max(cap, 1))));
    return {
      get size() {
        return l.size;
      },
      push: (t, s, slot) => l.push(t, s, slot),
      pop: () => l.pop(),
      peekTime: () => l.time[l.head]!,
      peekSeq: () => l.seq[l.head]!,
      clear: () => l.clear(),
    };
  },
  { monotone: true },
);

describe("TimerLane", () => {
  it("keeps FIFO order when it grows while wrapped around its ring", () => {
    const l = new TimerLane(1, 4);
    let seq = 0;
    const out: number[] = [];
    for (let i = 0; i < 3; i++) l.push(seq, seq, seq++);
    out.push(l.pop(), l.pop()); // head moves to 2: the next pushes wrap
    for (let i = 0; i < 10; i++) l.push(seq, seq, seq++);
    while (l.size > 0) out.push(l.pop());
    expect(out).toEqual(Array.from({ length: 13 }, (_, i) => i));
  });
});

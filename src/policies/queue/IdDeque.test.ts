import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { IdDeque } from "./IdDeque.js";

describe("IdDeque", () => {
  it("matches a reference list under random pushes, drops, removes and clears (dense, sparse and duplicate ids)", () => {
    const rng = new Xoshiro128(42);
    const d = new IdDeque(4);
    let ref: [number, number][] = [];
    const ids = [0, 1, 2, 3, 5, 8, 13, 100, 4_000_000, 2 ** 40, -1, -7, 0.5, 2 ** 22, 2 ** 22 - 1];
    let t = 0;
    for (let step = 0; step < 20_000; step++) {
      const r = rng.nextUint32() % 100;
      if (r < 45) {
        const id = ids[rng.nextUint32() % ids.length]!;
        d.pushBack(id, ++t);
        ref.push([id, t]);
      } else if (r < 60) {
        if (ref.length > 0) {
          d.dropFront();
          ref.shift();
        }
      } else if (r < 70) {
        if (ref.length > 0) {
          d.dropBack();
          ref.pop();
        }
      } else if (r < 99) {
        const id = ids[rng.nextUint32() % ids.length]!;
        const k = ref.findIndex(([x]) => x === id);
        if (d.remove(id) !== k >= 0) throw new Error(`remove(${id}) at step ${step}`);
        if (k >= 0) ref.splice(k, 1);
      } else {
        d.clear();
        ref = [];
      }
      const ends = ref.length === 0 ? [] : [d.frontId(), d.frontTime(), d.backId(), d.backTime()];
      const want = ref.length === 0 ? [] : [ref[0]![0], ref[0]![1], ref.at(-1)![0], ref.at(-1)![1]];
      if (d.size !== ref.length || ends.some((v, i) => v !== want[i]))
        expect([step, d.size, ...ends]).toEqual([step, ref.length, ...want]);
    }
    // drain and compare the whole order
    const got: [number, number][] = [];
    while (d.size > 0) {
      got.push([d.frontId(), d.frontTime()]);
      d.dropFront();
    }
    expect(got).toEqual(ref);
  });

  it("removes in O(1): 100k removals from the middle of a 100k queue take milliseconds, not an O(n^2) scan", () => {
    const n = 100_000;
    const d = new IdDeque();
    for (let i = 0; i < n; i++) d.pushBack(i, i);
    // remove every odd id from the middle outwards, then the even ones from the back half
    let removed = 0;
    for (let i = 1; i < n; i += 2) if (d.remove(i)) removed++;
    for (let i = n - 2; i > 0; i -= 2) if (d.remove(i)) removed++;
    expect(removed).toBe(n - 1);
    expect(d.size).toBe(1);
    expect(d.frontId()).toBe(0);
    expect(d.remove(1)).toBe(false);
  }, 2_000);
});

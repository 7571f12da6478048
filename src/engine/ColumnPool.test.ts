import { describe, expect, it } from "vitest";
import { StampedeError } from "../core/StampedeError.js";
import { ColumnPool } from "./ColumnPool.js";

class Owner {
  a = new Float64Array(2);
  b = new Int8Array(2);
  private c = new Int32Array(2);
  readonly ids = new ColumnPool(2, { maxCapacity: 8, what: "things" });
  constructor() {
    this.ids.adopt<Owner>(this, ["a", "b"]);
    this.ids.column(this.c, (grown) => {
      this.c = grown;
    });
  }
  get cColumn(): Int32Array {
    return this.c;
  }
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

describe("ColumnPool", () => {
  it("hands out fresh ids in order, then the last released first, and counts the live ones", () => {
    const o = new Owner();
    expect([o.ids.alloc(), o.ids.alloc(), o.ids.alloc()]).toEqual([0, 1, 2]);
    o.ids.release(0);
    o.ids.release(2);
    expect(o.ids.live).toBe(1);
    expect([o.ids.alloc(), o.ids.alloc(), o.ids.alloc()]).toEqual([2, 0, 3]);
    expect(o.ids.live).toBe(4);
    expect(o.ids.used).toBe(4);
  });

  it("grows every column, by key and by setter, keeping the values, and the owner sees the new arrays", () => {
    const o = new Owner();
    const before = o.a;
    for (let i = 0; i < 5; i++) {
      const id = o.ids.alloc();
      o.a[id] = id + 0.5;
      o.b[id] = -id;
      o.cColumn[id] = 10 * id;
    }
    expect(o.ids.capacity).toBe(8);
    expect(o.a).not.toBe(before);
    expect([o.a.length, o.b.length, o.cColumn.length]).toEqual([8, 8, 8]);
    expect(Array.from(o.a.subarray(0, 5))).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
    expect(Array.from(o.b.subarray(0, 5))).toEqual([0, -1, -2, -3, -4]);
    expect(Array.from(o.cColumn.subarray(0, 5))).toEqual([0, 10, 20, 30, 40]);
    expect(o.a).toBeInstanceOf(Float64Array);
    expect(o.b).toBeInstanceOf(Int8Array);
  });

  it("refuses to grow past its maximum, and a bad capacity or column", () => {
    const o = new Owner();
    for (let i = 0; i < 8; i++) o.ids.alloc();
    expect(codeOf(() => o.ids.alloc())).toBe("E_CAPACITY");
    expect(() => o.ids.alloc()).toThrow("more than 8 things at once");
    expect(codeOf(() => new ColumnPool(0))).toBe("E_INVALID_CAPACITY");
    expect(codeOf(() => new ColumnPool(4).column(new Int32Array(3), () => {}))).toBe("E_INVALID_CAPACITY");
  });
});

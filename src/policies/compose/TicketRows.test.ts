import { describe, expect, it } from "vitest";
import { TicketRows } from "./TicketRows.js";

describe("TicketRows", () => {
  it("holds a row from take to close, and tells a closed or re-taken row's old ticket apart", () => {
    const rows = new TicketRows(2, 2);
    const a = rows.take();
    rows.set(a, 0, 11);
    rows.set(a, 1, 12);
    const b = rows.take();
    rows.set(b, 0, 21);
    expect(rows.holds(a) && rows.holds(b)).toBe(true);
    expect([rows.get(a, 0), rows.get(a, 1), rows.get(b, 0)]).toEqual([11, 12, 21]);
    rows.close(a);
    expect(rows.holds(a)).toBe(false);
    const c = rows.take(); // re-uses a's row with a new generation
    expect(c).not.toBe(a);
    expect(rows.holds(c)).toBe(true);
    expect(rows.holds(a)).toBe(false);
    rows.close(a); // stale: ignored, c keeps its row
    expect(rows.holds(c)).toBe(true);
    expect(rows.open).toBe(2);
    for (const t of [0, -1, 0.5, Number.NaN, c + 1000]) expect(rows.holds(t)).toBe(false);
  });

  it("grows when every row is taken and keeps what the rows hold", () => {
    const rows = new TicketRows(1, 2);
    const tickets: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = rows.take();
      rows.set(t, 0, i);
      tickets.push(t);
    }
    expect(new Set(tickets).size).toBe(50);
    expect(rows.open).toBe(50);
    expect(tickets.map((t) => rows.get(t, 0))).toEqual(tickets.map((_, i) => i));
    for (const t of tickets) rows.close(t);
    expect(rows.open).toBe(0);
    expect(tickets.some((t) => rows.holds(t))).toBe(false);
  });
});

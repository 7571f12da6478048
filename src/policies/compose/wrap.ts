import { Outcome } from "../Outcome.js";
import type { Gate } from "./Gate.js";
import { TicketRows } from "./TicketRows.js";

/**
 * Composes gates, outermost first (cockatiel's `wrap`): `allow()` asks each in order and stops at the first refusal,
 * handing back the permits the earlier ones gave (`record(CANCELLED, 0)`); `record` reports to every gate, innermost
 * first. The result is itself a Gate, so wraps nest.
 *
 * When some gates are tagged (have `admit`, like a CircuitBreaker or a wrap holding one), the wrap is tagged too:
 * `admit()` asks each gate (`admit()` for tagged ones, `allow()` for the rest) and returns a ticket; on a refusal each
 * tagged gate gets its own ticket back with the CANCELLED hand-back. `record(outcome, latency, ticket)` gives every
 * tagged gate the ticket it issued for that call. With one tagged gate the wrap's ticket is that gate's ticket; with
 * several it names a row holding theirs (see TicketRows: record every admitted ticket once, CANCELLED if abandoned,
 * or its row stays taken). An unknown or already recorded wrap ticket reaches the tagged gates as ticket 0 (stale).
 */
export function wrap(...gates: Gate[]): Gate {
  const n = gates.length;
  /** Column of each tagged gate in a ticket row; -1 for an untagged gate. */
  const col = new Int32Array(n).fill(-1);
  let width = 0;
  for (let i = 0; i < n; i++) if (gates[i]!.admit !== undefined) col[i] = width++;
  const rows = width > 1 ? new TicketRows(width) : undefined;

  /** The inner ticket of gate i for wrap ticket t (0 when t is unknown). */
  const inner = (i: number, t: number): number => {
    if (rows === undefined) return t;
    return rows.holds(t) ? rows.get(t, col[i]!) : 0;
  };
  /** Hands back what gates [0, i) gave the call with wrap ticket t (-1: admitted untagged). */
  const handBack = (i: number, t: number): void => {
    for (let j = i - 1; j >= 0; j--) {
      if (t >= 0 && col[j]! >= 0) gates[j]!.record(Outcome.CANCELLED, 0, inner(j, t));
      else gates[j]!.record(Outcome.CANCELLED, 0);
    }
  };

  const gate: Gate = {
    allow(): boolean {
      for (let i = 0; i < n; i++) {
        if (!gates[i]!.allow()) {
          handBack(i, -1);
          return false;
        }
      }
      return true;
    },
    record(outcome: number, latency: number, ticket?: number): void {
      for (let i = n - 1; i >= 0; i--) {
        if (ticket !== undefined && col[i]! >= 0) gates[i]!.record(outcome, latency, inner(i, ticket));
        else gates[i]!.record(outcome, latency);
      }
      if (ticket !== undefined) rows?.close(ticket);
    },
  };
  if (width === 0) return gate;

  gate.admit = (): number => {
    let t = rows === undefined ? 1 : rows.take();
    for (let i = 0; i < n; i++) {
      const g = gates[i]!;
      let ok: boolean;
      if (col[i]! < 0) ok = g.allow();
      else {
        const v = g.admit!();
        ok = v !== 0;
        if (ok && rows !== undefined) rows.set(t, col[i]!, v);
        else if (ok) t = v;
      }
      if (!ok) {
        handBack(i, t);
        rows?.close(t);
        return 0;
      }
    }
    return t;
  };
  return gate;
}

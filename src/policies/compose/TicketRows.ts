import { StampedeError } from "../../core/StampedeError.js";

/** Rows per table at most (2^21); a row's index fills the low part of its ticket. */
const ROW_STRIDE = 2_097_152;
/** Generations wrap below 2^32, so `generation * ROW_STRIDE + row + 1` stays an exact integer. */
const MAX_GENERATION = 4_294_967_295;

/**
 * Per-call rows of inner tickets, for a `wrap` with several tagged gates: a wrap ticket names one row, which holds
 * the ticket each tagged gate gave that call. A row lives from `open` to `close`; a ticket also carries the row's
 * generation, so a ticket whose row was closed (and maybe re-opened for another call) is told apart. The table
 * doubles when every row is in use, so a steady state allocates nothing; a call that is never recorded keeps its row.
 */
export class TicketRows {
  private cells: Float64Array;
  /** Generation of the call holding each row; 0 = free. */
  private gen: Float64Array;
  private free: Int32Array;
  private top = 0;
  private nextGen = 1;

  constructor(
    private readonly width: number,
    capacity = 8,
  ) {
    this.cells = new Float64Array(capacity * width);
    this.gen = new Float64Array(capacity);
    this.free = new Int32Array(capacity);
    this.pushFree(0, capacity);
  }

  /** Rows in use. */
  get open(): number {
    return this.gen.length - this.top;
  }

  /** Takes a free row for a new call and returns its ticket (a positive integer). */
  take(): number {
    if (this.top === 0) this.grow();
    const row = this.free[--this.top]!;
    const g = this.nextGen;
    this.nextGen = g >= MAX_GENERATION ? 1 : g + 1;
    this.gen[row] = g;
    return g * ROW_STRIDE + row + 1;
  }

  /** Is `ticket` a row in use (taken and not yet closed)? */
  holds(ticket: number): boolean {
    const row = this.rowOf(ticket);
    return row >= 0 && this.gen[row] === Math.floor(ticket / ROW_STRIDE);
  }

  /** Stores inner ticket `value` in column `col` of a held row. */
  set(ticket: number, col: number, value: number): void {
    this.cells[this.rowOf(ticket) * this.width + col] = value;
  }

  /** The inner ticket in column `col` of a held row. */
  get(ticket: number, col: number): number {
    return this.cells[this.rowOf(ticket) * this.width + col]!;
  }

  /** Frees a held row; a ticket that is not held is ignored. */
  close(ticket: number): void {
    if (!this.holds(ticket)) return;
    const row = this.rowOf(ticket);
    this.gen[row] = 0;
    this.free[this.top++] = row;
  }

  private rowOf(ticket: number): number {
    if (!(ticket > 0) || !Number.isInteger(ticket)) return -1;
    const row = (ticket % ROW_STRIDE) - 1;
    return row < this.gen.length ? row : -1;
  }

  private grow(): void {
    const old = this.gen.length;
    const capacity = Math.min(old * 2, ROW_STRIDE);
    if (capacity === old)
      throw new StampedeError("E_WRAP_OVERFLOW", `more than ${ROW_STRIDE} calls in flight through one wrap`);
    const cells = new Float64Array(capacity * this.width);
    cells.set(this.cells);
    this.cells = cells;
    const gen = new Float64Array(capacity);
    gen.set(this.gen);
    this.gen = gen;
    this.free = new Int32Array(capacity);
    this.top = 0;
    this.pushFree(old, capacity);
  }

  private pushFree(from: number, to: number): void {
    for (let row = to - 1; row >= from; row--) this.free[this.top++] = row;
  }
}

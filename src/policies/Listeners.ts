/** Something that can be undone once: the result of adding a listener. */
export interface Disposable {
  dispose(): void;
}

/**
 * A typed, allocation-free event channel: listeners take up to three numbers and one reference (an error object the
 * caller already holds), so `emit` allocates nothing and costs one length check when nobody listens. `on(fn)` returns
 * a `Disposable` that removes `fn` again.
 */
export class Listeners<F extends (a: number, b: number, c: number, d: unknown) => void> {
  private fns: F[] = [];

  /** Adds `fn`; dispose the result to remove it. Adding the same function twice calls it twice. */
  on(fn: F): Disposable {
    this.fns = [...this.fns, fn];
    let done = false;
    return {
      dispose: () => {
        if (done) return;
        done = true;
        const i = this.fns.indexOf(fn);
        if (i >= 0) this.fns = this.fns.filter((_, j) => j !== i);
      },
    };
  }

  /** Number of listeners. */
  get size(): number {
    return this.fns.length;
  }

  /**
   * Calls every listener with the arguments (missing numbers are 0, a missing reference undefined). Safe against
   * (un)subscription during emit.
   */
  emit(a = 0, b = 0, c = 0, d?: unknown): void {
    const fns = this.fns;
    for (let i = 0; i < fns.length; i++) (fns[i] as F)(a, b, c, d);
  }
}

/** Longest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A pending long timer. */
export interface LongTimer {
  /** Cancels the timer (a no-op after it fired). */
  clear(): void;
}

/**
 * `setTimeout` for any delay: waits longer than {@link MAX_TIMER_MS} are chained in steps of at most that, so the
 * callback runs after exactly `ms` milliseconds (not at once, as a plain `setTimeout` would). `ms` below 0 or NaN
 * counts as 0; an infinite delay never fires.
 */
export function setLongTimeout(fn: () => void, ms: number): LongTimer {
  let remaining = Number.isNaN(ms) ? 0 : Math.max(0, ms);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cleared = false;
  const step = () => {
    if (cleared) return;
    if (remaining === Number.POSITIVE_INFINITY) {
      timer = setTimeout(step, MAX_TIMER_MS);
      return;
    }
    const wait = Math.min(remaining, MAX_TIMER_MS);
    remaining -= wait;
    timer = setTimeout(remaining > 0 ? step : fn, wait);
  };
  step();
  return {
    clear() {
      cleared = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

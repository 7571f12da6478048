import { setLongTimeout } from "./setLongTimeout.js";

/**
 * Waits `seconds` of real time, exactly even beyond 24.8 days (long waits are chained); rejects with the signal's
 * reason as soon as `signal` aborts.
 */
export function abortableSleep(seconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      timer.clear();
      reject(signal?.reason);
    };
    const timer = setLongTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, seconds * 1000);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

import type { IntervalRecorder } from "../metrics/IntervalRecorder.js";
import type { ConnectionPool } from "./ConnectionPool.js";

/**
 * Declares the series columns of a connection pool under `prefix` (`fleet.F.pool.`, `service.S.pool.D.`): `waiters`
 * (requests waiting for a connection at the interval's end), `wait` (mean wait of the waits that ended in the
 * interval, seconds; NaN without any) and `waitTimeouts` (waits ended by the attempt's timeout, per second). Returns
 * the recording function (run before the pool's interval counters are rolled).
 */
export function poolColumns(
  r: IntervalRecorder,
  prefix: string,
  pool: ConnectionPool,
  perSecond: number,
): () => void {
  const waiters = r.column(`${prefix}waiters`);
  const wait = r.column(`${prefix}wait`);
  const timeouts = r.column(`${prefix}waitTimeouts`);
  return () => {
    const i = r.length;
    waiters[i] = pool.waiters;
    wait[i] = pool.waitsEnded > 0 ? pool.waitTime / pool.waitsEnded : Number.NaN;
    timeouts[i] = pool.waitTimeouts * perSecond;
  };
}

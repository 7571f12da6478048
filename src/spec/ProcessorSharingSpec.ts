/**
 * Processor sharing (thread per request on a few cores): every admitted request is in service at once and the
 * requests in local work share the service's `servers` as cores, each progressing at `min(1, servers / n)` seconds of
 * work per second with `n` in work. Latency rises smoothly with concurrency instead of a FIFO queue growing.
 */
export interface ProcessorSharingSpec {
  /**
   * At most this many requests in flight (in work or in their dependency calls); later arrivals wait in the service's
   * queue (its discipline and `queueLimit`). Default: no cap (every arrival is admitted at once).
   */
  concurrency?: number;
}

/**
 * A client connection pool: at most `size` attempts in flight per client (a fleet) or per server of the calling
 * service (a dependency); an attempt holds a connection from when it is sent until it ends, and one that finds them all
 * busy waits (FIFO) with its timeout running, leaving the wait unsent at its timeout.
 */
export interface PoolSpec {
  /** Connections per client or per server of the calling service, >= 1. */
  size: number;
}

import type { DistributionSpec } from "./DistributionSpec.js";
/**
 * A group of parallel devices (routers + NAT) joining two networks. Each device is a FIFO server with a finite
 * buffer shared by forwarded requests and connection setups.
 */
export interface LinkSpec {
  /** The two networks this group joins. */
  between: [string, string];
  /** Number of parallel devices (k). */
  devices: number;
  /** Requests forwarded per second, per device. */
  forwardRate: number;
  /** Connection setups (NAT translations) per second, per device: the expensive work. */
  setupRate: number;
  /** Buffer per device, in jobs (requests + setups); a job that finds it full is dropped. */
  buffer: number;
  /**
   * One-way latency through the group: seconds (constant), or a distribution drawn once per crossing from the stream
   * `link/<name>/latency` (each direction of a call and of a setup is a crossing). Default 0.
   */
  latency: number | DistributionSpec;
  /**
   * What a client does when this group drops its connection setup (buffer full, a fault's drops, a partition),
   * seconds: absent (the default), the drop is silent and the client learns of it only when its setup timeout fires;
   * set, the client sends the setup again after this delay and then after doubling delays (1 s: at 1, 3, 7 s after
   * the first try, as Linux TCP retransmits a SYN), within the same setup attempt and its timeout.
   */
  setupRetransmit?: number;
  /**
   * `shared` (the default): setups and forwarded requests wait in one FIFO buffer per device. `separate`: each device
   * has a setup queue and a forwarding queue, each a FIFO server with its own buffer of `buffer` jobs, neither
   * delaying the other (a proxy whose accept backlog holds only new connections, e.g. HAProxy on Linux).
   */
  queues?: "shared" | "separate";
}

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
}

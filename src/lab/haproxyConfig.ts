/** One device of a device group as HAProxy runs it: a TCP frontend on its own loopback port. */
export interface HaproxyDevice {
  /** `<link>-<index>`. */
  name: string;
  port: number;
  /** Connection set-ups accepted per wall second (`rate-limit sessions`): setupRate x speed, rounded up. */
  sessionsPerSecond: number;
  /** The kernel's accept backlog (`bind ... backlog`): the link's `buffer`. */
  backlog: number;
  /** Established connections the frontend holds at most (`maxconn`): the clients that use this device. */
  maxconn: number;
}

/**
 * The HAProxy configuration of the lab (docs/lab.md has the mapping): one `mode tcp` frontend per device bound to
 * 127.0.0.1 with `rate-limit sessions`, `backlog` and `maxconn`, all forwarding to the service's port. Connections
 * beyond the rate wait in the kernel's accept backlog and new SYNs are dropped when it is full (the client's kernel
 * retransmits them at 1, 3, 7 s). Timeouts are long (the clients time out, not the proxy). Foreground, no logging.
 */
export function haproxyConfig(devices: readonly HaproxyDevice[], servicePort: number): string {
  const total = devices.reduce((s, d) => s + d.maxconn, 0) + 100;
  const lines = [
    "global",
    `  maxconn ${total}`,
    "  nbthread 1",
    "defaults",
    "  mode tcp",
    "  timeout connect 10s",
    "  timeout client 1h",
    "  timeout server 1h",
    "backend service",
    `  server s1 127.0.0.1:${servicePort} maxconn ${total}`,
  ];
  for (const d of devices) {
    lines.push(
      `frontend ${d.name}`,
      `  bind 127.0.0.1:${d.port} backlog ${d.backlog}`,
      `  maxconn ${d.maxconn}`,
      `  rate-limit sessions ${d.sessionsPerSecond}`,
      "  default_backend service",
    );
  }
  return `${lines.join("\n")}\n`;
}

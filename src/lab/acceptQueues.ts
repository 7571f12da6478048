import { readFileSync } from "node:fs";

/**
 * The kernel's accept-queue length (connections set up by the kernel that the listener has not accepted yet) of each
 * loopback listening port, from /proc/net/tcp (the rx_queue of a LISTEN socket). Ports not found read 0.
 */
export function acceptQueues(ports: readonly number[]): number[] {
  let text = "";
  try {
    text = readFileSync("/proc/net/tcp", "latin1");
  } catch {
    return ports.map(() => 0);
  }
  const byPort = new Map<number, number>();
  for (const line of text.split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || f[3] !== "0A") continue;
    const port = Number.parseInt(f[1]!.split(":")[1] ?? "", 16);
    const rx = Number.parseInt(f[4]!.split(":")[1] ?? "", 16);
    byPort.set(port, (byPort.get(port) ?? 0) + rx);
  }
  return ports.map((p) => byPort.get(p) ?? 0);
}

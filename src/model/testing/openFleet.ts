/**
 * A raw fleet for small model tests: `clients` clients on network `network` sending an open load of 1 request per
 * second each to `target`, with a 2 s timeout and no retries.
 */
export function openFleet(target: string, clients: number, network = "n") {
  return {
    network,
    target,
    clients,
    load: { type: "open" as const, rate: "1/s" },
    timeout: 2,
    retry: { maxAttempts: 1 },
  };
}

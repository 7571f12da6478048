import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { checkFluid } from "./checkFluid.js";

describe("checkFluid", () => {
  it("accepts five of the seven built-ins, among them 2021, retry-storm and reconnect-herd", () => {
    for (const name of [
      "aws-us-east-1-2021-12-07",
      "retry-storm",
      "reconnect-herd",
      "congestive-collapse",
      "gc-spiral",
    ])
      expect(checkFluid(loadScenario(name)), name).toEqual([]);
  });

  it("accepts steps after sustained and sustained-diagnosis (FluidModel.test.ts runs them)", () => {
    for (const after of ["sustained", "sustained-diagnosis"])
      expect(
        checkFluid(
          loadScenario("aws-us-east-1-2021-12-07", { set: { "operators.runbook.reroute-dns.after": after } }),
        ),
      ).toEqual([]);
  });

  it("refuses what it cannot represent, naming each field", () => {
    expect(checkFluid(loadScenario("cache-stampede")).map((r) => r.path)).toEqual([
      "services.app.cache",
      "automation.hot-shard-lost.action",
    ]);
    const s3 = checkFluid(loadScenario("s3-us-east-1-2017-02-28")).map((r) => r.path);
    expect(s3).toContain("services.index.minServers");
    expect(s3).toContain("services.index.restart");
    const budget = checkFluid(loadScenario("retry-storm", { variant: "retry-budget" }));
    expect(budget).toEqual([
      { path: "fleets.app-servers.budget", message: "retry budgets are not in the fluid engine" },
    ]);
    const set = (k: string, v: string) => checkFluid(loadScenario("retry-storm", { set: { [k]: v } }));
    expect(set("services.db-primary.queue", "{ type: lifo }")[0]?.path).toBe("services.db-primary.queue");
    expect(set("fleets.app-servers.retry.backoff", "{ type: decorrelated, base: 100ms }")[0]?.path).toBe(
      "fleets.app-servers.retry.backoff",
    );
    const cancel = checkFluid(
      loadScenario("retry-storm", {
        set: { "services.db-primary.cancelAbandoned": "true", "services.db-primary.cancelAt": "timeout" },
      }),
    );
    expect(cancel.map((r) => r.path)).toEqual(["services.db-primary.cancelAt"]);
    const spread = (k: string, v: string) => checkFluid(loadScenario("reconnect-herd", { set: { [k]: v } }));
    const window = spread("automation.lb-failover.action.over", "1m");
    expect(window.map((r) => r.path)).toEqual(["automation.lb-failover.action.over"]);
    expect(
      spread("fleets.devices.connection.budget", "{ type: grpc, maxTokens: 2, tokenRatio: 0.1 }")[0]?.path,
    ).toBe("fleets.devices.connection.budget");
    expect(set("fleets.app-servers.pool", "{ size: 2 }")[0]?.path).toBe("fleets.app-servers.pool");
    expect(set("fleets.app-servers.load.arrivals", "paced")[0]?.path).toBe(
      "fleets.app-servers.load.arrivals",
    );
    expect(set("services.db-primary.contention", "{ keys: 10, conflictWindow: 10ms }")[0]?.path).toBe(
      "services.db-primary.contention",
    );
    expect(set("services.db-primary.stock", "{ units: 100 }")[0]?.path).toBe("services.db-primary.stock");
    expect(set("fleets.app-servers.timeoutDistribution", "{ type: exponential, mean: 3s }")[0]?.path).toBe(
      "fleets.app-servers.timeoutDistribution",
    );
    expect(set("services.db-primary.connectionCost", "{ type: constant, value: 5ms }")[0]?.path).toBe(
      "services.db-primary.connectionCost",
    );
    expect(set("services.db-primary.processorSharing", "{ concurrency: 8 }")[0]?.path).toBe(
      "services.db-primary.processorSharing",
    );
    expect(set("faults.primary-cpu-loss.unresolvable", "true")[0]?.path).toBe(
      "faults.primary-cpu-loss.unresolvable",
    );
    expect(checkFluid(loadScenario("lab-reconnect-storm")).map((r) => r.path)).toEqual([
      "fleets.devices.load",
      "fleets.devices.connection.whileDisconnected",
      "links.proxy.setupRetransmit",
      "links.proxy.queues",
    ]);
  });
});

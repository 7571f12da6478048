import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/loadScenario.js";
import { checkLab } from "./checkLab.js";

describe("checkLab", () => {
  it("accepts the lab scenario", () => {
    expect(checkLab(loadScenario("lab-reconnect-storm"), 4096)).toEqual([]);
  });

  it("refuses a buffer larger than net.core.somaxconn, naming the field", () => {
    const r = checkLab(loadScenario("lab-reconnect-storm"), 100);
    expect(r.map((x) => x.path)).toEqual(["links.proxy.buffer"]);
    expect(r[0]!.message).toMatch(/somaxconn \(100\)/);
  });

  it("refuses what it cannot run, one refusal per field", () => {
    const s = loadScenario("lab-reconnect-storm", {
      set: { "fleets.devices.load": "{type: open, rate: 1/s}", "services.api.queue": "{type: lifo}" },
    });
    expect(checkLab(s, 4096).map((x) => x.path)).toEqual(["fleets.devices.load", "services.api.queue"]);
  });

  it("refuses a shared setup and request buffer (HAProxy's accept backlog holds only new connections)", () => {
    const s = loadScenario("lab-reconnect-storm", { set: { "links.proxy.queues": "shared" } });
    expect(checkLab(s, 4096).map((x) => x.path)).toEqual(["links.proxy.queues"]);
  });

  it("refuses requests that time out or fail while disconnected (the lab's clients wait)", () => {
    for (const wd of ["queue", "fail"]) {
      const s = loadScenario("lab-reconnect-storm", {
        set: { "fleets.devices.connection.whileDisconnected": wd },
      });
      expect(checkLab(s, 4096).map((x) => x.path)).toEqual(["fleets.devices.connection.whileDisconnected"]);
    }
  });

  it("refuses the 2021 scenario with located fields", () => {
    const paths = checkLab(loadScenario("aws-us-east-1-2021-12-07"), 4096).map((x) => x.path);
    expect(paths).toContain("operators");
    expect(paths).toContain("monitoring");
  });
});

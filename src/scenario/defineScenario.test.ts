import { describe, expect, it } from "vitest";
import { isStampedeError, type StampedeError } from "../core/StampedeError.js";
import { defineScenario } from "./defineScenario.js";
import type { RawScenario } from "./schema/scenarioSchema.js";

const raw = {
  name: "in-code",
  description: "A scenario written in TypeScript.",
  start: "2021-12-07T07:00:00Z",
  duration: "1h",
  networks: { a: {}, b: {} },
  links: { ab: { between: ["a", "b"], devices: 1, forwardRate: "100/s", setupRate: 10, buffer: 50 } },
  services: {
    svc: { network: "b", servers: 2, serviceTime: { type: "constant", value: "10ms" }, queueLimit: 10 },
  },
  fleets: {
    users: {
      network: "a",
      target: "svc",
      clients: 10,
      load: { type: "closed", think: { type: "exponential", mean: "1s" } },
      timeout: 1,
      retry: { maxAttempts: 2, backoff: { type: "constant", delay: "100ms" } },
    },
  },
  dependents: { shop: { requires: [{ of: ["svc"] }] } },
} satisfies RawScenario;

describe("defineScenario", () => {
  it("validates a typed object and resolves it like a file", () => {
    const s = defineScenario(raw);
    expect(s.duration).toBe(3600);
    expect(s.links["ab"]!.forwardRate).toBe(100);
    expect(s.fleets["users"]!.retry.backoff).toEqual({ type: "constant", delay: 0.1 });
    expect(s.dependents["shop"]!.requires).toEqual([
      { k: 1, of: [{ service: "svc", kind: "hard", plane: "data" }] },
    ]);
    expect(s.origin).toEqual({ file: null, variant: null, overrides: {}, scale: 1 });
  });

  it("throws every problem by field path", () => {
    let caught: unknown;
    try {
      defineScenario({ ...raw, fleets: { users: { ...raw.fleets.users, target: "svx", clients: 0 } } });
    } catch (e) {
      caught = e;
    }
    expect(isStampedeError(caught)).toBe(true);
    const lines = (caught as { errors: StampedeError[] }).errors.map((e) => e.format());
    expect(lines).toEqual(["fleets.users.clients  must be >= 1, got 0"]);
    try {
      defineScenario({ ...raw, fleets: { users: { ...raw.fleets.users, target: "svx" } } });
    } catch (e) {
      caught = e;
    }
    expect((caught as { errors: StampedeError[] }).errors.map((e) => e.format())).toEqual([
      "fleets.users.target  unknown service 'svx' (did you mean 'svc'?)",
    ]);
  });
});

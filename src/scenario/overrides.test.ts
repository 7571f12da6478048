import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { applyOverrides, parseValueAt, resolvePath } from "./overrides.js";

const raw = parseYaml(readFileSync(new URL("./fixtures/minimal.yaml", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;

describe("resolvePath", () => {
  it("accepts existing fields, optional fields the file leaves out, list items and fields inside policies", () => {
    expect(resolvePath(raw, "fleets.clients.timeout").segments).toEqual(["fleets", "clients", "timeout"]);
    expect(resolvePath(raw, "fleets.clients.budget").schema).not.toBeNull();
    expect(resolvePath(raw, "verdict.outageRatio").schema).not.toBeNull();
    expect(resolvePath(raw, "links.nat.between.1").schema).not.toBeNull();
    expect(resolvePath(raw, "fleets.clients.retry.backoff").schema).not.toBeNull();
    expect(resolvePath(raw, "services.api.queue.maxWait").schema).not.toBeNull(); // queue absent: defaulted
    expect(resolvePath(raw, "variants.backoff.set.anything").schema).toBeNull(); // free-form
  });

  it("rejects what does not exist, with the close names", () => {
    expect(() => resolvePath(raw, "fleets.client.timeout")).toThrow(
      "fleets has no entry 'client' (did you mean 'clients'?)",
    );
    expect(() => resolvePath(raw, "fleets.clients.retry.maxAttemps")).toThrow(
      "fleets.clients.retry has no field 'maxAttemps' (did you mean 'maxAttempts'?)",
    );
    expect(() => resolvePath(raw, "fleets.clients.timeout.value")).toThrow(
      "fleets.clients.timeout is a value",
    );
    expect(() => resolvePath(raw, "links.nat.between.2")).toThrow(
      "links.nat.between has no item '2' (it has 2)",
    );
    expect(() => resolvePath(raw, "sevrices")).toThrow(
      "the scenario has no field 'sevrices' (did you mean 'services'?)",
    );
    expect(() => resolvePath(raw, "fleets..timeout")).toThrow("not a field path");
  });

  it("picks the option of a union by its type", () => {
    expect(() => resolvePath(raw, "fleets.clients.load.rate")).not.toThrow();
    expect(() => resolvePath(raw, "fleets.clients.load.think")).toThrow("has no field 'think'");
    expect(() => resolvePath(raw, "services.api.serviceTime.mean")).not.toThrow();
  });
});

describe("parseValueAt", () => {
  it("parses a value in the field's own units", () => {
    expect(parseValueAt(raw, "fleets.clients.timeout", "5s")).toBe(5);
    expect(parseValueAt(raw, "fleets.clients.timeout", "1.5")).toBe(1.5);
    expect(parseValueAt(raw, "links.nat.setupRate", "1200/s")).toBe(1200);
    expect(parseValueAt(raw, "links.nat.setupRate", "60/m")).toBe(1);
    expect(parseValueAt(raw, "verdict.recoveredRatio", "0.5")).toBe(0.5);
    expect(parseValueAt(raw, "fleets.clients.retry.backoff", "{ type: constant, delay: 250ms }")).toEqual({
      type: "constant",
      delay: 0.25,
    });
  });

  it("says why a value does not fit", () => {
    expect(() => parseValueAt(raw, "fleets.clients.timeout", "soon")).toThrow("'soon' is not a duration");
    expect(() => parseValueAt(raw, "links.nat.devices", "0")).toThrow("must be >= 1, got 0");
    expect(() => parseValueAt(raw, "verdict.recoveredRatio", "1.5")).toThrow(
      "must be between 0 and 1, got 1.5",
    );
    expect(() => parseValueAt(raw, "fleets.clients.load", "{ type: open }")).toThrow("rate is required");
  });
});

describe("applyOverrides", () => {
  it("returns a changed copy and leaves the input alone", () => {
    const before = JSON.stringify(raw);
    const out = applyOverrides(raw, {
      "fleets.clients.timeout": "9s",
      "verdict.outageRatio": 0.3,
    }) as typeof raw;
    expect(JSON.stringify(raw)).toBe(before);
    expect((out["fleets"] as { clients: { timeout: string } }).clients.timeout).toBe("9s");
    expect(out["verdict"]).toEqual({ outageRatio: 0.3 });
  });

  it("removes a field set to null and applies overrides in order", () => {
    const out = applyOverrides(raw, {
      "automation.scale-api": null,
      "fleets.clients.clients": 5,
    }) as { automation: object; fleets: { clients: { clients: number } } };
    expect(out.automation).toEqual({});
    expect(out.fleets.clients.clients).toBe(5);
    const later = applyOverrides(raw, {
      "fleets.clients.retry": { maxAttempts: 1 },
      "fleets.clients.retry.maxAttempts": 2,
    });
    expect((later as { fleets: { clients: { retry: unknown } } }).fleets.clients.retry).toEqual({
      maxAttempts: 2,
    });
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "./loadScenario.js";
import { applyOverrides, resolvePath } from "./overrides.js";

const text = readFileSync(new URL("./fixtures/minimal.yaml", import.meta.url), "utf8");
const unboundedRetry = "retry: { maxAttempts: .inf, unbounded: true, backoff: { type: none } }";
const base = "retry: { maxAttempts: 3, backoff: { type: none } }";

/** The message of what `fn` throws, with every located error of an E_SCENARIO. */
function thrown(fn: () => unknown): { code: string; text: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; message: string; errors?: { format(): string }[] };
    return { code: err.code, text: [err.message, ...(err.errors ?? []).map((x) => x.format())].join("\n") };
  }
  throw new Error("did not throw");
}

describe("overrides keep every value (issue 19, item 5)", () => {
  it("keeps .inf maxAttempts when the file has variants and one is applied", () => {
    const t = text.replace(base, unboundedRetry);
    expect(loadScenarioText(t, "m.yaml").fleets["clients"]!.retry.maxAttempts).toBe(Number.POSITIVE_INFINITY);
    const v = loadScenarioText(t, "m.yaml", { variant: "longer-timeout" });
    expect(v.fleets["clients"]!.retry.maxAttempts).toBe(Number.POSITIVE_INFINITY);
  });

  it("keeps .inf given through --set", () => {
    const s = loadScenarioText(text, "m.yaml", {
      set: { "fleets.clients.retry": "{ maxAttempts: .inf, unbounded: true, backoff: { type: none } }" },
    });
    expect(s.fleets["clients"]!.retry.maxAttempts).toBe(Number.POSITIVE_INFINITY);
  });

  it("applyOverrides copies Infinity and NaN unchanged and leaves the input alone", () => {
    const raw = { fleets: { a: { x: Number.POSITIVE_INFINITY } }, verdict: {} };
    const out = applyOverrides(raw, {}) as typeof raw;
    expect(out.fleets.a.x).toBe(Number.POSITIVE_INFINITY);
    expect(out).not.toBe(raw);
  });
});

describe("prototype names in paths (issue 19, item 6)", () => {
  for (const path of [
    "__proto__.x",
    "constructor.prototype.x",
    "fleets.clients.__proto__.x",
    "fleets.prototype",
  ]) {
    it(`rejects --set ${path}=1 with a clear error`, () => {
      const r = thrown(() => loadScenarioText(text, "m.yaml", { set: { [path]: "1" } }));
      expect(r.code).toBe("E_UNKNOWN_PATH");
      expect(r.text).toMatch(/the segment '(__proto__|constructor|prototype)' is not allowed/);
      expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
    });
  }

  it("rejects notes paths that name an inherited property (toString)", () => {
    const t = text.replace("notes:\n  facts:\n", "notes:\n  facts:\n    - text: x\n      path: toString\n");
    const r = thrown(() => loadScenarioText(t, "m.yaml"));
    expect(r.text).toMatch(
      /m\.yaml:\d+:\d+ {2}notes\.facts\.0\.path {2}the scenario has no field 'toString'/,
    );
  });

  it("rejects inherited names at every depth of resolvePath", () => {
    const raw = { fleets: { a: {} } };
    expect(() => resolvePath(raw, "hasOwnProperty")).toThrow("has no field 'hasOwnProperty'");
    expect(() => resolvePath(raw, "fleets.toString")).toThrow("has no entry 'toString'");
  });

  it("rejects variant set paths with prototype names, located", () => {
    const t = text.replace("      fleets.clients.timeout: 5s", "      __proto__.polluted: 5s");
    const r = thrown(() => loadScenarioText(t, "m.yaml"));
    expect(r.text).toMatch(
      /m\.yaml:\d+:\d+ {2}variants\.longer-timeout\.set\.__proto__\.polluted {2}.*not allowed/,
    );
  });
});

describe("entity names that are prototype properties (issue 19, item 6)", () => {
  for (const n of ["constructor", "toString", "__proto__"]) {
    it(`refuses a fleet named ${n}, located`, () => {
      const t = text
        .replace("fleets:\n  clients:", `fleets:\n  ${n}:`)
        .replace(/^variants:[\s\S]*?^notes:/m, "notes:");
      const r = thrown(() => loadScenarioText(t, "m.yaml"));
      expect(r.code).toBe("E_SCENARIO");
      expect(r.text).toMatch(
        new RegExp(
          `m\\.yaml:\\d+:\\d+ {2}(fleets(\\.${n})? {2}.*reserved|the key .__proto__. is not allowed)`,
        ),
      );
    });
  }
});

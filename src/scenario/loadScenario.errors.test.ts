/** Every class of bad input, with the exact position, path and message of each error (fixtures in fixtures/bad). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isStampedeError, type StampedeError } from "../core/StampedeError.js";
import { type LoadOptions, loadScenario, loadScenarioText } from "./loadScenario.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** The error lines (`file:line:col  path  message`) that loading `name` throws, file names relative. */
function errorLines(name: string, options: LoadOptions = {}): string[] {
  try {
    loadScenarioText(readFileSync(fixture(name), "utf8"), name, options);
  } catch (e) {
    if (!isStampedeError(e)) throw e;
    const errors = (e as StampedeError & { errors?: StampedeError[] }).errors;
    return errors ? errors.map((x) => x.format()) : [e.format()];
  }
  throw new Error(`${name} loaded without errors`);
}

describe("runbook step names", () => {
  it("refuses a step named after a runbook event, at the step", () => {
    const minimal = readFileSync(fixture("minimal.yaml"), "utf8").replace(/\nvariants:[\s\S]*$/, "\n");
    const text = `${minimal}operators:
  diagnosis: { visible: 10m, blind: 1h }
  runbook:
    detection: { after: diagnosis, delay: 0, do: { type: scale, service: api, servers: 9 } }
    sustained: { after: detection, delay: 0, do: { type: scale, service: api, servers: 10 } }
    sustained-diagnosis: { after: sustained, delay: 0, do: { type: scale, service: api, servers: 11 } }
    diagnosis: { at: 1h, delay: 0, do: { type: scale, service: api, servers: 12 } }
`;
    let lines: string[] = [];
    try {
      loadScenarioText(text, "names.yaml");
    } catch (e) {
      if (!isStampedeError(e)) throw e;
      const errors = (e as StampedeError & { errors?: StampedeError[] }).errors ?? [e];
      lines = errors.map((x) => x.format());
    }
    for (const name of ["detection", "sustained", "sustained-diagnosis", "diagnosis"])
      expect(
        lines.some(
          (l) =>
            / names\.yaml:\d+:\d+ /.test(` ${l}`) &&
            l.includes(`operators.runbook.${name}  '${name}' is a runbook event`),
        ),
        name,
      ).toBe(true);
  });
});

describe("bad scenario files: all errors at once, each at its position", () => {
  it("reports a YAML syntax error with its position", () => {
    expect(errorLines("bad/syntax.txt")).toEqual([
      "bad/syntax.txt:7:1  syntax error: All mapping items must start at the same column",
    ]);
  });

  it("reports schema errors: bad units, zero counts and rates, wrong types, missing fields, unknown keys", () => {
    expect(errorLines("bad/schema.yaml")).toEqual([
      "bad/schema.yaml:4:11  duration  '2 hours' is not a duration: use a number with a unit, e.g. 250ms, 10s, 30m, 7h or 1h30m",
      "bad/schema.yaml:11:14  links.nat.devices  must be >= 1, got 0",
      "bad/schema.yaml:13:16  links.nat.setupRate  must be > 0, got 0",
      "bad/schema.yaml:14:13  links.nat.buffer  expected a whole number, got 'many'",
      // A missing field points at the key of the object that misses it.
      "bad/schema.yaml:16:3  services.api.queueLimit  is required",
      "bad/schema.yaml:19:26  services.api.serviceTime.type  must be one of constant, uniform, exponential, normal, lognormal, pareto, weibull, empirical, got 'gaussian'",
      "bad/schema.yaml:21:3  fleets.clients.retry  is required",
      // An unknown key points at the key itself, with the close names.
      "bad/schema.yaml:27:5  fleets.clients.retries  unknown field 'retries' (did you mean 'retry'?)",
      "bad/schema.yaml:32:10  faults.brownout.end  must be >= start (2400 s), got 1800 s",
    ]);
  });

  it("reports references to undefined names, missing routes and cycles", () => {
    expect(errorLines("bad/references.yaml")).toEqual([
      "bad/references.yaml:11:25  links.nat.between.1  unknown network 'mian' (did you mean 'main'?)",
      "bad/references.yaml:23:24  services.api.dependencies.auth.service  service dependencies form a cycle: api -> auth -> api",
      "bad/references.yaml:34:13  fleets.clients.target  no link joins networks 'internal' and 'main': add one to links or set via",
      "bad/references.yaml:41:13  fleets.edge-clients.target  unknown service 'apy' (did you mean 'api'?)",
      "bad/references.yaml:46:16  fleets.edge-clients.via.1  unknown link 'cdn'; known: nat",
      "bad/references.yaml:49:13  monitoring.sources.0  no link joins networks 'internal' and 'main': add one to links or set via",
      "bad/references.yaml:49:22  monitoring.sources.1  unknown fleet or service 'dns'; known: clients, edge-clients, api, auth",
      "bad/references.yaml:54:14  operators.runbook.first.after  runbook steps wait for each other in a cycle: first -> second -> first",
      "bad/references.yaml:58:45  operators.runbook.second.do.name  unknown automation 'scaling'; none defined",
      "bad/references.yaml:61:46  operators.runbook.third.do.traffic.class  unknown traffic class 'dns'; known: clients, edge-clients",
      "bad/references.yaml:65:19  dependents.shop.requires.0.of.1  unknown service 'storage'; known: api, auth",
    ]);
  });

  it("reports variant paths that do not exist and variants that break the scenario, at the variant's entry", () => {
    expect(errorLines("bad/variants.yaml")).toEqual([
      "bad/variants.yaml:26:7  variants.typo.set.fleets.clients.retry.maxAttemps  fleets.clients.retry has no field 'maxAttemps' (did you mean 'maxAttempts'?)",
      "bad/variants.yaml:30:7  variants.no-such-fleet.set.fleets.client.timeout  fleets has no entry 'client' (did you mean 'clients'?)",
      "bad/variants.yaml:34:31  variants.breaks-it.set.fleets.clients.timeout  with variant 'breaks-it': '-5s' is not a duration: use a number with a unit, e.g. 250ms, 10s, 30m, 7h or 1h30m",
    ]);
  });

  it("reports what the policies library rejects (its first problem per policy), with the full field path", () => {
    expect(errorLines("bad/policies.yaml")).toEqual([
      "bad/policies.yaml:12:37  services.api.queue.interval  must be > 0, got 0",
      "bad/policies.yaml:21:20  fleets.clients.retry.maxAttempts  must be >= 1, got 0",
      "bad/policies.yaml:23:38  fleets.clients.budget.maxTokens  must be <= 1000, got 5000",
      "bad/policies.yaml:24:52  fleets.clients.breaker.failureRatio  must be <= 1, got 2",
      "bad/policies.yaml:27:55  fleets.clients.connection.reconnect.cap  must be >= base (10), got 1",
    ]);
  });

  it("reports bad healthCheck values, and healthCheck combined with minServers or cells", () => {
    expect(errorLines("bad/health-check.yaml")).toEqual([
      "bad/health-check.yaml:20:31  services.api.healthCheck.failAfter  must be > 0, got 0",
      "bad/health-check.yaml:20:44  services.api.healthCheck.replace  'soon' is not a duration: use a number with a unit, e.g. 250ms, 10s, 30m, 7h or 1h30m",
      "bad/health-check.yaml:20:62  services.api.healthCheck.concurrent  expected a whole number of hosts or a percentage such as '10%', got '150%'",
      "bad/health-check.yaml:20:80  services.api.healthCheck.minHealthy  must be between 0 and 1, got 2",
      "bad/health-check.yaml:27:61  services.web.healthCheck.concurrent  must be >= 1, got 0",
    ]);
    expect(
      errorLines("minimal.yaml", {
        set: { "services.api.healthCheck": "{ failAfter: 10m, replace: 5m }", "services.api.cells": "2" },
      }),
    ).toEqual([
      "services.api.healthCheck  cannot be combined with minServers or cells (a full restart already replaces the servers) (from --set services.api.healthCheck={ failAfter: 10m, replace: 5m })",
    ]);
  });

  it("gives JSON files positions too", () => {
    expect(errorLines("bad/schema.json")).toEqual([
      "bad/schema.json:10:18  services.api.servers  must be >= 1, got 0",
      "bad/schema.json:13:7  services.api.colour  unknown field 'colour'; fields: description, network, servers, serviceTime, queue, queueLimit, cancelAbandoned, cancelAt, degradation, cache, dependencies, minServers, restart, cells, healthCheck, plane, connectionCost, leases, processorSharing, contention, stock, errorTime",
    ]);
  });

  it("reports --set problems with the override that caused them", () => {
    expect(
      errorLines("minimal.yaml", { set: { "fleets.clients.timeout": "0s", "links.nat.buffer": "x" } }),
    ).toEqual([
      "links.nat.buffer  expected a whole number, got 'x' (from --set links.nat.buffer=x)",
      "fleets.clients.timeout  must be > 0, got 0 (from --set fleets.clients.timeout=0s)",
    ]);
    expect(errorLines("minimal.yaml", { set: { "fleets.clients.timeot": "3s" } })).toEqual([
      "fleets.clients.timeot  fleets.clients has no field 'timeot' (did you mean 'timeout'?)",
    ]);
  });

  it("rejects an unknown variant in one line that lists the variants", () => {
    expect(errorLines("minimal.yaml", { variant: "nope" })).toEqual([
      "scenario 'minimal' has no variant 'nope'; variants: backoff, longer-timeout",
    ]);
  });

  it("throws one E_SCENARIO error that carries every problem, and E_SCENARIO_NOT_FOUND for an unknown name", () => {
    let caught: unknown;
    try {
      loadScenario(fixture("bad/schema.yaml"));
    } catch (e) {
      caught = e;
    }
    expect(isStampedeError(caught) && caught.code).toBe("E_SCENARIO");
    const errors = (caught as { errors: StampedeError[] }).errors;
    expect(errors).toHaveLength(9);
    expect(
      errors.every((e) => e.code === "E_SCENARIO" && e.location?.file === fixture("bad/schema.yaml")),
    ).toBe(true);
    expect(() => loadScenario("no-such-scenario-anywhere")).toThrow(/no scenario file or built-in named/);
  });
});

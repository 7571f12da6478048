import { createHash } from "node:crypto";
import type { Scenario } from "../scenario/Scenario.js";

/**
 * The canonical JSON of a value: object keys sorted (code-unit order), no whitespace, `undefined` members left out
 * (as JSON.stringify does); non-finite numbers are written as strings ("Infinity", "-Infinity", "NaN") so that they
 * stay distinct from null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number")
    return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  if (typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/**
 * sha256 (hex) of the resolved scenario's canonical JSON without `origin` (how it was obtained: file, variant,
 * overrides, scale). The same model input gives the same hash in every run and worker.
 */
export function scenarioHash(scenario: Scenario): string {
  const { origin: _origin, ...model } = scenario;
  return createHash("sha256").update(canonicalJson(model)).digest("hex");
}

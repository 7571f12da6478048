import type { TrafficSelector } from "./Scenario.js";

/**
 * A reroute's traffic in words, for `describe` and messages: `monitoring`, `class dns`, `fleet users`,
 * `dependency api.dns`; a list is joined with commas.
 */
export function trafficSelectorText(traffic: TrafficSelector | readonly TrafficSelector[]): string {
  const one = (s: TrafficSelector): string => {
    if (s === "monitoring") return "monitoring";
    if ("class" in s) return `class ${s.class}`;
    if ("fleet" in s) return `fleet ${s.fleet}`;
    return `dependency ${s.dependency}`;
  };
  return Array.isArray(traffic) ? traffic.map(one).join(", ") : one(traffic as TrafficSelector);
}

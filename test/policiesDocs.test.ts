import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const read = (path: string) => readFileSync(resolve(ROOT, path), "utf8");

/** The ```ts blocks of a Markdown page, as written. */
function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

describe("docs/policies.md", () => {
  it("shows the fake-timer example exactly as examples/policies/fake-timers.test.ts runs it", () => {
    expect(tsBlocks(read("docs/policies.md"))).toContain(read("examples/policies/fake-timers.test.ts"));
  });

  it("documents every metric instrumentPolicies registers", () => {
    const source = read("src/runtime/instrumentPolicies.ts");
    const names = [...source.matchAll(/observe\("(?:counter|gauge)", "([a-z_.]+)"/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThanOrEqual(8);
    const docs = read("docs/policies.md");
    expect(names.filter((n) => !docs.includes(`\`resilience.${n}\``))).toEqual([]);
  });
});

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The files `npm pack` puts in the package (paths relative to its root), without running the build. */
function packedFiles(): Set<string> {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return new Set(pack!.files.map((f) => f.path));
}

/** The `$schema=` path of a YAML file's yaml-language-server modeline. */
const modeline = (text: string) => /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];

describe("the package ships the scenario schema its built-ins point at", () => {
  const files = packedFiles();

  it("contains schema/scenario.schema.json, whose $id names the format", () => {
    expect(files.has("schema/scenario.schema.json")).toBe(true);
    const schema = JSON.parse(readFileSync(`${root}schema/scenario.schema.json`, "utf8")) as { $id: string };
    expect(schema.$id).toMatch(/^urn:stampede-sim:scenario:\d+$/);
  });

  it("every built-in's modeline is a relative path to a packed file (so it works in node_modules/stampede-sim too)", () => {
    const builtins = readdirSync(`${root}scenarios`).filter((f) => f.endsWith(".yaml"));
    expect(builtins.length).toBeGreaterThan(0);
    for (const f of builtins) {
      expect(files.has(`scenarios/${f}`)).toBe(true);
      const target = modeline(readFileSync(`${root}scenarios/${f}`, "utf8"));
      expect(target, f).toBeDefined();
      expect(target!.startsWith("../"), f).toBe(true);
      const resolved = posix.normalize(posix.join("scenarios", target!));
      expect([f, files.has(resolved)]).toEqual([f, true]);
      // Installed: node_modules/stampede-sim/scenarios/F + target stays inside the package.
      const installed = posix.normalize(posix.join("node_modules/stampede-sim/scenarios", target!));
      expect(installed).toBe(`node_modules/stampede-sim/${resolved}`);
    }
  });
});

import { describe, expect, it } from "vitest";
import { topLevelSections } from "./topLevelSections.js";

describe("topLevelSections", () => {
  const text = [
    "# yaml-language-server: $schema=x",
    "name: n",
    "description: >-",
    "  two",
    "",
    "  lines",
    "fleets: [ this is not parsed",
    "variants:",
    "  a:",
    "    description: first # a comment",
    "# a comment in column 0",
    "notes: {}",
  ].join("\n");

  it("keeps the wanted top-level sections, with their indented lines, blank lines and comments", () => {
    expect(topLevelSections(text, ["description", "variants"])).toBe(
      [
        "description: >-",
        "  two",
        "",
        "  lines",
        "variants:",
        "  a:",
        "    description: first # a comment",
        "# a comment in column 0",
      ].join("\n"),
    );
  });

  it("gives up (undefined) on what is not a plain block mapping", () => {
    expect(topLevelSections("---\nname: n\n", ["name"])).toBeUndefined();
    expect(topLevelSections("{ name: n }\n", ["name"])).toBeUndefined();
    expect(topLevelSections("name: a\nname: b\n", ["name"])).toBeUndefined();
  });
});

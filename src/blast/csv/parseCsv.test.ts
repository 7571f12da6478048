import { describe, expect, it } from "vitest";
import { parseCsv } from "./parseCsv.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, keeping lines and columns", () => {
    const text = '\ufeffa,b,c\r\n1,"x, y",3\n"multi\nline","say ""hi""",\n\n4,5,6';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields.map((f) => f.value))).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", "3"],
      ["multi\nline", 'say "hi"', ""],
      ["4", "5", "6"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
    expect(records[0]!.fields[0]).toMatchObject({ line: 1, col: 1 });
    expect(records[1]!.fields[2]).toEqual({ value: "3", line: 2, col: 10 });
    expect(records[2]!.fields[1]).toMatchObject({ line: 4, col: 7 });
  });

  it("reports an unclosed quote and junk after a closing quote at their position", () => {
    expect(parseCsv('a,"b"x,c\n').errors).toEqual([
      { line: 1, col: 6, message: "unexpected text after a closing quote" },
    ]);
    expect(parseCsv('a,"open\n').errors[0]).toMatchObject({
      line: 1,
      col: 3,
      message: "quoted field is never closed",
    });
    expect(parseCsv('a,b"c\n').errors[0]).toMatchObject({ line: 1, col: 4 });
  });

  it("keeps a record made of one empty quoted field and skips truly blank lines", () => {
    expect(parseCsv('""\n\n').records).toHaveLength(1);
    expect(parseCsv("").records).toHaveLength(0);
  });
});

import { describe, expect, it } from "vitest";
import { parseWorkerCount } from "./parseWorkerCount.js";
import { defaultWorkers } from "./poolRunner.js";

describe("parseWorkerCount", () => {
  it("takes --workers or its alias --concurrency, default the number of cores", () => {
    expect(parseWorkerCount({ workers: "3" })).toBe(3);
    expect(parseWorkerCount({ concurrency: "3" })).toBe(3);
    expect(parseWorkerCount({ workers: "2", concurrency: "2" })).toBe(2);
    expect(parseWorkerCount({})).toBe(defaultWorkers());
  });

  it("refuses two different counts and counts below 1, naming the flag", () => {
    expect(() => parseWorkerCount({ workers: "2", concurrency: "3" })).toThrow(
      /another name for --workers: give one, not 2 and 3/,
    );
    expect(() => parseWorkerCount({ concurrency: "0" })).toThrow(
      expect.objectContaining({ path: "--concurrency" }),
    );
    expect(() => parseWorkerCount({ workers: "x" })).toThrow(expect.objectContaining({ path: "--workers" }));
  });
});

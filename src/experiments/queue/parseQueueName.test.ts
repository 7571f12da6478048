import { describe, expect, it } from "vitest";
import { parseQueueName } from "./parseQueueName.js";
import { QUEUE_NAME } from "./QueuedJob.js";

describe("parseQueueName", () => {
  it("defaults to stampede-jobs and takes letters, digits, '.', '_' and '-'", () => {
    expect(parseQueueName(undefined)).toBe(QUEUE_NAME);
    expect(parseQueueName("team-a.sweeps_2")).toBe("team-a.sweeps_2");
  });

  it("refuses ':' (BullMQ's key separator), spaces, an empty name and over 100 characters", () => {
    for (const bad of ["a:b", "a b", "", "-x", "x".repeat(101)])
      expect(() => parseQueueName(bad), bad).toThrow(expect.objectContaining({ path: "--queue-name" }));
  });
});

import { expect, it } from "vitest";
import { main } from "./guarded-http.js";

it("the guarded-http example gets every request through a flaky local server", async () => {
  const lines: string[] = [];
  const { statuses, served } = await main((l) => lines.push(l));
  expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  expect(served).toBeGreaterThan(6); // some 503s were retried
  expect(lines.some((l) => l.includes("retry after attempt 1"))).toBe(true);
});

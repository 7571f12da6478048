import { describe, expect, it } from "vitest";
import { register as registerSweep } from "../../cli/commands/sweep.js";
import { register as registerWorker } from "../../cli/commands/worker.js";
import { runCli } from "../../cli/testing/cliHarness.js";
import { fakePorts } from "../testing/fakeModel.js";
import { parseQueueUrl } from "./parseQueueUrl.js";

describe("parseQueueUrl", () => {
  it("reads host, port, database, user and password, TLS for rediss, and never shows the password", () => {
    expect(parseQueueUrl("redis://127.0.0.1:6380/2")).toMatchObject({
      host: "127.0.0.1",
      port: 6380,
      db: 2,
      tls: false,
    });
    const u = parseQueueUrl("rediss://worker:s%40cret@redis.example:6390");
    expect(u).toMatchObject({ username: "worker", password: "s@cret", tls: true, port: 6390, db: 0 });
    expect(u.display).toBe("rediss://worker:***@redis.example:6390/0");
    expect(parseQueueUrl("redis://h").port).toBe(6379);
  });

  it("gives one line and exit 2 for a bad URL in sweep and worker, before any job, without the password", async () => {
    const bad = [
      "http://h:1",
      "redis://",
      "redis://h:99999",
      "redis://u:topsecret@h:1/x",
      "not a url",
      "redis://h:1/0?x=1",
    ];
    for (const url of bad) {
      const sweep = await runCli(
        (p) => registerSweep(p, { ports: fakePorts }),
        [
          "sweep",
          "fake",
          "--param",
          "faults.spike.end=31m..50m:2",
          "--queue",
          url,
          "--out",
          "/nonexistent/never/created",
        ],
      );
      const worker = await runCli((p) => registerWorker(p), ["worker", "--queue", url]);
      for (const r of [sweep, worker]) {
        expect(r.code, url).toBe(2);
        expect(r.stderr.trim().split("\n"), url).toHaveLength(1);
        expect(r.stderr).toMatch(/^error: --queue {2}expected redis:\/\//);
        expect(r.stderr).not.toContain("topsecret");
      }
    }
  });
});

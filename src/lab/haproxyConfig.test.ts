import { describe, expect, it } from "vitest";
import { haproxyConfig } from "./haproxyConfig.js";

describe("haproxyConfig", () => {
  it("maps each device to a TCP frontend with rate-limit sessions, backlog and maxconn", () => {
    const cfg = haproxyConfig(
      [
        { name: "nat-0", port: 40001, sessionsPerSecond: 50, backlog: 150, maxconn: 160 },
        { name: "nat-1", port: 40002, sessionsPerSecond: 50, backlog: 150, maxconn: 160 },
      ],
      39999,
    );
    expect(cfg).toContain("  mode tcp");
    expect(cfg).toContain(
      "frontend nat-1\n  bind 127.0.0.1:40002 backlog 150\n  maxconn 160\n  rate-limit sessions 50",
    );
    expect(cfg).toContain("server s1 127.0.0.1:39999");
    expect(cfg.match(/^frontend /gm)).toHaveLength(2);
  });
});

/**
 * `stampede serve`'s defences, against a real server on 127.0.0.1: a foreign Origin, a wrong Host (DNS rebinding), a
 * missing token, `../` and symlinks out of --root, oversized bodies and too many runs are all refused; runs that pass
 * go through the size estimate (an absurd run is refused before any worker starts).
 */
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, testServer } from "./serveServer.js";

/** One raw HTTP request (node:http, so Host and Origin can be anything). */
function raw(
  s: TestServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port: s.port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

describe("stampede serve refuses what it must", () => {
  let s: TestServer;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "stampede-root-"));
    const outside = mkdtempSync(join(tmpdir(), "stampede-outside-"));
    writeFileSync(join(outside, "secret.yaml"), "secret: 1\n");
    symlinkSync(join(outside, "secret.yaml"), join(root, "link.yaml"));
    writeFileSync(join(root, "mine.yaml"), "name: mine\n");
    s = await testServer({ root, maxRuns: 1 });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("answers its own Host and Origin", async () => {
    const r = await raw(s, "GET", "/api/status", {
      host: `127.0.0.1:${s.port}`,
      origin: `http://127.0.0.1:${s.port}`,
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toMatchObject({ running: 0, busy: 0 });
    expect((await raw(s, "GET", "/api/status", { host: `localhost:${s.port}` })).status).toBe(200);
  });

  it("refuses a wrong Host (DNS rebinding) and a foreign Origin, even with the token", async () => {
    const host = await raw(s, "GET", "/api/info", { host: `evil.example:${s.port}` });
    expect(host.status).toBe(403);
    expect(host.text).toMatch(/Host/);
    expect((await raw(s, "GET", "/api/info", { host: `127.0.0.1:${s.port + 1}` })).status).toBe(403);
    const origin = await raw(s, "POST", "/api/validate", {
      host: `127.0.0.1:${s.port}`,
      origin: "http://evil.example",
      "x-stampede-token": s.token,
    });
    expect(origin.status).toBe(403);
    expect(origin.text).toMatch(/Origin/);
    const cross = await raw(s, "GET", "/api/info", {
      host: `127.0.0.1:${s.port}`,
      "sec-fetch-site": "cross-site",
    });
    expect(cross.status).toBe(403);
  });

  it("refuses a state-changing request without the token or with a wrong one", async () => {
    const body = { scenario: "retry-storm", scale: 0.02 };
    expect((await s.call("/api/run", { json: body, token: null })).status).toBe(401);
    expect((await s.call("/api/run", { json: body, token: "0".repeat(64) })).status).toBe(401);
    expect(
      (await s.call("/api/jobs/00000000-0000-0000-0000-000000000000/cancel", { method: "POST", token: null }))
        .status,
    ).toBe(401);
  });

  it("reads files only under --root: ../, absolute paths and symlinks out are refused", async () => {
    for (const ref of [
      "../etc/passwd",
      "../../package.json",
      "/etc/passwd",
      "sub/../../x.yaml",
      "link.yaml",
    ]) {
      const r = await s.call(`/api/scenario?ref=${encodeURIComponent(ref)}`);
      expect(r.status, ref).toBe(403);
    }
    const ok = await s.call("/api/scenario?ref=mine.yaml");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { text: string }).text).toBe("name: mine\n");
    const info = (await (await s.call("/api/info")).json()) as { files: string[] };
    expect(info.files).toEqual(["mine.yaml"]);
    const blast = await s.call("/api/blast", { json: { files: ["../outside.yaml"] } });
    expect(blast.status).toBe(403);
  });

  it("refuses bodies over 1 MiB, an absurd run (the size estimate) and more runs than --max-runs", async () => {
    const big = await s.call("/api/validate", {
      json: { scenario: "retry-storm", text: "x".repeat(1_100_000) },
    });
    expect(big.status).toBe(413);
    const huge = await s.call("/api/run", {
      json: { scenario: "retry-storm", set: { "fleets.app-servers.clients": "1000000" }, until: "7d" },
    });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { code: string }).code).toBe("E_RUN_TOO_LARGE");
    const first = await s.call("/api/run", { json: { scenario: "aws-us-east-1-2021-12-07", scale: 0.05 } });
    expect(first.status).toBe(202);
    const second = await s.call("/api/run", { json: { scenario: "retry-storm", scale: 0.02 } });
    expect(second.status).toBe(429);
    const { id } = (await first.json()) as { id: string };
    expect((await s.call(`/api/jobs/${id}/cancel`, { method: "POST" })).status).toBe(200);
  });
});

describe("stampede serve's page CSP", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ maxRuns: 1 });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it("allows the editor's injected styles by a fresh nonce per load, never 'unsafe-inline'", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await s.call("/");
      const csp = r.headers.get("content-security-policy") ?? "";
      const html = await r.text();
      const style = /style-src ([^;]*)/.exec(csp)?.[1] ?? "";
      expect(style).not.toContain("unsafe-inline");
      expect(csp).toContain("script-src 'self';");
      const nonce = /'nonce-([A-Za-z0-9_-]{16,})'/.exec(style)?.[1];
      expect(nonce).toBeDefined();
      expect(html).toContain(`<meta name="style-nonce" content="${nonce}">`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

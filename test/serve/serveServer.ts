/** Starts `stampede serve`'s server in this process for a test: real model on a worker pool, a workspace root. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
// @ts-expect-error: a plain ESM build script without types
import { bundleWeb } from "../../scripts/bundleWeb.mjs";
import { ports } from "../../src/experiments/defaultPorts.js";
import { poolRunner } from "../../src/experiments/pool/poolRunner.js";
import { type StampedeServer, startServer } from "../../src/web/server.js";

export const EXAMPLES = resolve(import.meta.dirname, "../../examples");

/** The server with its pool; `stop` closes both. */
export interface TestServer extends StampedeServer {
  stop(): Promise<void>;
  /** fetch against the server: `path` from its root, the token header on non-GET requests unless `token: null`. */
  call(path: string, init?: RequestInit & { token?: string | null; json?: unknown }): Promise<Response>;
}

export async function testServer(
  options: { root?: string; maxRuns?: number; bundle?: boolean } = {},
): Promise<TestServer> {
  let assets: string | undefined;
  if (options.bundle) {
    assets = mkdtempSync(join(tmpdir(), "stampede-web-"));
    await bundleWeb(assets, assets);
  }
  const maxRuns = options.maxRuns ?? 2;
  const runner = poolRunner({ workers: maxRuns });
  const server = await startServer({
    root: options.root ?? EXAMPLES,
    ports,
    runner,
    maxRuns,
    ...(assets === undefined ? {} : { assets }),
  });
  return {
    ...server,
    stop: async () => {
      await server.close();
      await runner.close();
    },
    call: (path, init = {}) => {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      const method = rest.method ?? (json === undefined ? "GET" : "POST");
      if (method !== "GET" && token !== null) headers.set("x-stampede-token", token ?? server.token);
      if (json !== undefined) headers.set("content-type", "application/json");
      return fetch(new URL(path, server.url), {
        ...rest,
        method,
        headers,
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
  };
}

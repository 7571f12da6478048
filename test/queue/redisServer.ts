import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A redis-server of the test's own on 127.0.0.1: no persistence, a free port, a temporary directory. */
export interface RedisServer {
  port: number;
  url: string;
  /** Stops it (SIGKILL) and removes its directory. */
  stop(): Promise<void>;
}

/** True when Debian's redis-server is on the PATH. */
export function haveRedis(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** A port that was free a moment ago, from the kernel. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

/** A TLS-only server: its certificate and key files (PEM); the certificate is also the CA clients must trust. */
export interface RedisTls {
  cert: string;
  key: string;
}

function attempt(
  port: number,
  dir: string,
  extra: readonly string[],
  tls: RedisTls | undefined,
): Promise<ChildProcess | null> {
  return new Promise((resolve) => {
    const listen =
      tls === undefined
        ? ["--port", String(port)]
        : [
            "--port",
            "0",
            "--tls-port",
            String(port),
            "--tls-cert-file",
            tls.cert,
            "--tls-key-file",
            tls.key,
            "--tls-ca-cert-file",
            tls.cert,
            "--tls-auth-clients",
            "no",
          ];
    const args = [...listen, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
    args.push(...extra);
    const p = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes("Ready to accept connections")) resolve(p);
    };
    p.stdout!.on("data", onData);
    p.on("exit", () => resolve(null)); // EADDRINUSE and the like: try another port
  });
}

/**
 * Starts a redis-server (with `extra` arguments; TLS only, on the free port, with `tls`); retries on another port when
 * the one picked was taken meanwhile.
 */
export async function startRedis(extra: readonly string[] = [], tls?: RedisTls): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "stampede-redis-"));
  for (let i = 0; i < 5; i++) {
    const port = await freePort();
    const p = await attempt(port, dir, extra, tls);
    if (p === null) continue;
    return {
      port,
      url: tls === undefined ? `redis://127.0.0.1:${port}` : `rediss://localhost:${port}`,
      stop: async () => {
        if (p.exitCode === null && p.signalCode === null) {
          const gone = new Promise((r) => p.once("exit", r));
          p.kill("SIGKILL");
          await gone;
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  throw new Error("redis-server did not start on 5 ports");
}

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDuration } from "../core/parseDuration.js";
import { isStampedeError } from "../core/StampedeError.js";
import type { ExperimentPorts } from "../experiments/ExperimentPorts.js";
import type { JobRunner } from "../experiments/JobSpec.js";
import { stampedeVersion } from "../experiments/stampedeVersion.js";
import { builtinNames, findScenarioFile, listBuiltins } from "../scenario/builtins.js";
import { E_BUSY, JobBoard, type WebJob, type WebJobEvent } from "./JobBoard.js";
import { listFiles, resolveUnderRoot } from "./rootFiles.js";
import { allowedHosts, checkRequest, type RequestPolicy } from "./security.js";
import { validateText } from "./validateText.js";
import {
  loadChoice,
  type ScenarioChoice,
  startBlast,
  startCompare,
  startRun,
  startSweep,
} from "./webJobs.js";

/** Largest request body accepted, bytes (a scenario file is a few KB). */
export const MAX_BODY_BYTES = 1 << 20;

/** Options of `startServer`. */
export interface ServeOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The workspace: scenario and register files are read from under it, and only from there. */
  root: string;
  ports: ExperimentPorts;
  runner: JobRunner;
  /** Jobs at once (and worker threads). */
  maxRuns: number;
  /** The folder with app.js and app.css (the bundle). Default: dist/web of the package. */
  assets?: string;
  /** The token; default 32 random bytes, hex. */
  token?: string;
}

/** A running server. */
export interface StampedeServer {
  url: string;
  token: string;
  port: number;
  board: JobBoard;
  server: Server;
  close(): Promise<void>;
}

/** dist/web of the package this module belongs to (from src/ or from dist/). */
export function defaultAssets(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5 && !existsSync(join(dir, "package.json")); i++) dir = dirname(dir);
  return join(dir, "dist", "web");
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...extra,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, JSON.stringify(value), "application/json; charset=utf-8");

/**
 * The app's own page: its script and style only, no network but its own origin, no framing by others. The editor
 * (CodeMirror) injects its styles in <style> elements, allowed by a fresh nonce per page load (`nonce`).
 */
const appCsp = (nonce: string): string =>
  `default-src 'none'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
/** A report page (inline scripts by design) shown in the app's frame: sandboxed, no network at all. */
const REPORT_CSP =
  "sandbox allow-scripts; default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

async function readBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the request body is not JSON");
  }
}

type Body = Record<string, unknown>;
const str = (b: Body, k: string): string | undefined =>
  typeof b[k] === "string" ? (b[k] as string) : undefined;
const num = (b: Body, k: string): number | undefined => {
  const v = b[k];
  if (v === undefined || v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new HttpError(400, `${k} must be a number`);
  return n;
};
const strings = (b: Body, k: string): string[] => {
  const v = b[k];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw new HttpError(400, `${k} must be a list of strings`);
  return v as string[];
};

export async function startServer(options: ServeOptions): Promise<StampedeServer> {
  const host = options.host ?? "127.0.0.1";
  const root = resolve(options.root);
  const token = options.token ?? randomBytes(32).toString("hex");
  const assets = options.assets ?? defaultAssets();
  const board = new JobBoard({ runner: options.runner, maxRuns: options.maxRuns });
  const builtins = new Set(builtinNames());
  const policy: RequestPolicy = { hosts: allowedHosts(host), port: 0, token };

  /** A built-in name as is, or a root-relative file as its real path (refused outside the root). */
  const scenarioRef = (ref: string | undefined): string => {
    if (ref === undefined || ref === "")
      throw new HttpError(400, "scenario: give a built-in name or a file under the root");
    return builtins.has(ref) ? ref : resolveUnderRoot(root, ref);
  };
  const choice = (b: Body): ScenarioChoice => {
    const set: Record<string, string> = Object.create(null);
    const given = b["set"];
    if (given !== undefined) {
      if (typeof given !== "object" || given === null || Array.isArray(given))
        throw new HttpError(400, "set must be an object");
      for (const [k, v] of Object.entries(given)) set[k] = String(v);
    }
    const ref = str(b, "scenario");
    const text = str(b, "text");
    const variant = str(b, "variant");
    const scale = num(b, "scale");
    const until = str(b, "until");
    return {
      scenario: scenarioRef(ref),
      ...(text === undefined ? {} : { text, file: ref ?? "editor.yaml" }),
      ...(variant === undefined || variant === "" ? {} : { variant }),
      set,
      ...(scale === undefined ? {} : { scale }),
      seed: num(b, "seed") ?? 1,
      ...(until === undefined || until === "" ? {} : { until: parseDuration(until) }),
    };
  };
  const jobOf = (id: string): WebJob => {
    const job = board.jobs.get(id);
    if (!job) throw new HttpError(404, "no such job");
    return job;
  };
  const jobView = (j: WebJob) => ({
    id: j.id,
    kind: j.kind,
    state: j.state,
    fraction: j.fraction,
    version: j.version,
    detail: j.detail,
    error: j.error,
    verdict: j.verdict,
  });

  const events = (req: IncomingMessage, res: ServerResponse, job: WebJob): void => {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    const write = (e: WebJobEvent): void => {
      res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
      if (e.type === "end") res.end();
    };
    // A page that starts listening late gets the live points so far first.
    const sofar = job.live?.all() ?? null;
    if (sofar !== null) write(sofar);
    write({ type: "progress", fraction: job.fraction, version: job.version, detail: job.detail });
    if (job.state !== "running") {
      write({ type: "end", state: job.state, error: job.error, verdict: job.verdict, version: job.version });
      return;
    }
    job.listeners.add(write);
    req.on("close", () => job.listeners.delete(write));
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (method === "GET" && path === "/") {
      const nonce = randomBytes(16).toString("base64url");
      return send(res, 200, indexHtml(nonce), "text/html; charset=utf-8", {
        "content-security-policy": appCsp(nonce),
      });
    }
    if (method === "GET" && (path === "/app.js" || path === "/app.css")) {
      const file = join(assets, path.slice(1));
      if (!existsSync(file)) throw new HttpError(404, `${path} is not built: run npm run build`);
      return send(
        res,
        200,
        readFileSync(file),
        path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
      );
    }
    if (method === "GET" && path === "/api/info")
      return json(res, 200, {
        version: stampedeVersion(),
        maxRuns: options.maxRuns,
        builtins: listBuiltins().map((b) => ({
          name: b.name,
          description: b.description,
          variants: b.variants,
        })),
        files: listFiles(root, /\.(ya?ml|json)$/i),
      });
    if (method === "GET" && path === "/api/status")
      return json(res, 200, { running: board.running(), busy: board.busy, jobs: board.jobs.size });
    if (method === "GET" && path === "/api/scenario") {
      const ref = url.searchParams.get("ref") ?? "";
      const file = builtins.has(ref) ? findScenarioFile(ref) : resolveUnderRoot(root, ref);
      return json(res, 200, { ref, text: readFileSync(file, "utf8") });
    }
    const jobPath = /^\/api\/jobs\/([0-9a-f-]{36})(\/events|\/report\.html|\/cancel)?$/.exec(path);
    if (jobPath) {
      const job = jobOf(jobPath[1]!);
      const tail = jobPath[2];
      if (method === "GET" && tail === undefined) return json(res, 200, jobView(job));
      if (method === "GET" && tail === "/events") return events(req, res, job);
      if (method === "GET" && tail === "/report.html") {
        const html = job.html();
        if (html === null) throw new HttpError(404, "no report yet");
        return send(res, 200, html, "text/html; charset=utf-8", { "content-security-policy": REPORT_CSP });
      }
      if (method === "POST" && tail === "/cancel") {
        board.cancel(job.id);
        return json(res, 200, jobView(job));
      }
    }
    if (method !== "POST") throw new HttpError(404, `no ${method} ${path}`);
    const body = (await readBody(req)) as Body;
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw new HttpError(400, "the body must be a JSON object");
    switch (path) {
      case "/api/validate": {
        const c = choice(body);
        return json(res, 200, await validateText(options.ports, c, (x) => loadChoice(options.ports, x)));
      }
      case "/api/run":
        return json(res, 202, jobView(await startRun(board, options.ports, choice(body))));
      case "/api/compare":
        return json(
          res,
          202,
          jobView(
            await startCompare(
              board,
              options.ports,
              choice(body),
              strings(body, "variants"),
              Math.max(1, Math.min(20, num(body, "replications") ?? 1)),
            ),
          ),
        );
      case "/api/sweep": {
        const params = strings(body, "params");
        if (params.length === 0 || params.length > 3)
          throw new HttpError(400, "params: give 1 to 3 parameters, path=FROM..TO:POINTS");
        return json(
          res,
          202,
          jobView(
            await startSweep(
              board,
              options.ports,
              choice(body),
              params,
              Math.max(1, Math.min(10, num(body, "replications") ?? 1)),
              options.maxRuns * 2,
            ),
          ),
        );
      }
      case "/api/blast": {
        const files = strings(body, "files").map((f) => resolveUnderRoot(root, f));
        if (files.length === 0)
          throw new HttpError(400, "files: give at least one graph, catalog or register under the root");
        const seconds = parseDuration(str(body, "for") ?? "1h");
        return json(res, 200, jobView(startBlast(board, files, strings(body, "fail"), seconds)));
      }
      default:
        throw new HttpError(404, `no POST ${path}`);
    }
  };

  const server = createServer((req, res) => {
    const refused = checkRequest(req, policy);
    if (refused) {
      req.resume();
      return json(res, refused.status, { error: refused.message });
    }
    route(req, res).catch((e: unknown) => {
      if (res.headersSent) return res.end();
      if (e instanceof HttpError) return json(res, e.status, { error: e.message });
      if (isStampedeError(e)) {
        const status =
          e.code === E_BUSY ? 429 : e.code === "E_OUTSIDE_ROOT" ? 403 : e.code === "E_NOT_FOUND" ? 404 : 400;
        return json(res, status, { error: e.format(), code: e.code });
      }
      json(res, 500, { error: `internal error: ${(e as Error)?.message ?? e}` });
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.maxRequestsPerSocket = 1000;
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  policy.port = port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    token,
    port,
    board,
    server,
    close: async () => {
      await board.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/**
 * The app's page: its bundle does everything; the token comes in the URL's fragment (never sent to the server). The
 * style nonce is handed to the editor in a meta tag.
 */
const indexHtml = (nonce: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="style-nonce" content="${nonce}"><title>stampede</title><link rel="stylesheet" href="/app.css"></head>
<body><div id="app"><noscript>stampede serve needs JavaScript.</noscript></div><script src="/app.js"></script></body></html>
`;
